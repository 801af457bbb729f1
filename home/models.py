from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import models
from django.http import HttpRequest
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, Site


IDENTITY_CACHE_SECONDS = 3600

# The home page's cards: (page type, card text when the page has no description).
ENTRY_POINTS: list[tuple[str, str]] = [
    (
        "smgovernance.ChannelIndexPage",
        "Wo wir in sozialen Medien aktiv sind und woran Sie unsere offiziellen "
        "Kanäle erkennen.",
    ),
    (
        "smgovernance.VideoIndexPage",
        "Filme über die Region, jeder mit Transkript. Vimeo lädt erst nach Ihrem Klick.",
    ),
    (
        "smgovernance.AlternativeContactPage",
        "Telefon, E-Mail und Sprechzeiten: So erreichen Sie uns ohne soziale Medien.",
    ),
    (
        "smgovernance.UsageConceptPage",
        "Unser Nutzungskonzept: Ziele, Zuständigkeiten und Regeln für die Kanäle.",
    ),
]


def entry_points(home: Page, request: HttpRequest | None) -> list[dict]:
    """One card per entry-point page type that has a live page below `home` (one query)."""
    models_by_label = {}
    for label, _text in ENTRY_POINTS:
        try:
            models_by_label[label] = apps.get_model(label)
        except LookupError:
            continue
    types = ContentType.objects.get_for_models(*models_by_label.values())
    first: dict[int, Page] = {}
    for page in (
        Page.objects.live()
        .public()
        .descendant_of(home)
        .filter(content_type__in=types.values())
        .order_by("path")
    ):
        first.setdefault(page.content_type_id, page)
    cards = []
    for label, text in ENTRY_POINTS:
        model = models_by_label.get(label)
        page = first.get(types[model].pk) if model else None
        if page is not None:
            cards.append(
                {
                    "title": page.title,
                    "url": page.get_url(request),
                    "text": page.search_description or text,
                }
            )
    return cards


class HomePage(Page):
    """The start page of a site (the economic region's, the county portal's)."""

    intro = models.TextField("Einleitung", blank=True)
    body = StreamField(
        [
            (
                "heading",
                blocks.CharBlock(
                    label="Zwischenüberschrift", form_classname="title", icon="title"
                ),
            ),
            (
                "paragraph",
                blocks.RichTextBlock(
                    label="Absatz",
                    features=["h3", "bold", "italic", "ol", "ul", "link"],
                ),
            ),
        ],
        blank=True,
        verbose_name="Inhalt",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    # A site's root: one per site, each directly below the tree's root.
    parent_page_types = ["wagtailcore.Page"]

    def get_context(
        self, request: HttpRequest, *args: object, **kwargs: object
    ) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["entry_points"] = entry_points(self, request)
        return context

    page_description = "Startseite der Wirtschaftsregion"

    class Meta:
        verbose_name = "Startseite"
        verbose_name_plural = "Startseiten"


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting):
    """Who publishes the site: shown in the header, the footer and the meta data."""

    site_name = models.CharField(
        "Name der Website",
        max_length=120,
        blank=True,
        help_text="Steht im Kopf jeder Seite, z. B. „Wirtschaftsregion Mittelsachsen“.",
    )
    body_name = models.CharField(
        "Name der Behörde",
        max_length=160,
        blank=True,
        help_text="Wer die Website anbietet, z. B. „Landkreis Mittelsachsen“.",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Erscheint links neben dem Namen der Website. Höchstens 64 Pixel hoch.",
    )
    description = models.CharField(
        "Kurzbeschreibung",
        max_length=300,
        blank=True,
        help_text=(
            "Beschreibung für Suchmaschinen, wenn eine Seite keine eigene hat "
            "(Feld „Suchmaschinen-Beschreibung“ der Seite)."
        ),
    )

    panels = [
        FieldPanel("site_name"),
        FieldPanel("body_name"),
        FieldPanel("logo"),
        FieldPanel("description"),
    ]

    class Meta:
        verbose_name = "Identität der Website"
        verbose_name_plural = "Identität der Website"

    def save(self, *args: object, **kwargs: object) -> None:
        super().save(*args, **kwargs)
        cache.delete(self.cache_key(self.site_id))

    @staticmethod
    def cache_key(site_id: int) -> str:
        return f"home:site-identity:{site_id}"

    @classmethod
    def cached_for_request(cls, request: HttpRequest) -> "SiteIdentity | None":
        """The request's site's identity from the cache: every page shows it."""
        if hasattr(request, "_home_site_identity"):
            return request._home_site_identity
        site = Site.find_for_request(request)
        identity = None
        if site is not None:
            key = cls.cache_key(site.pk)
            identity = cache.get(key)
            if identity is None:
                identity = cls.for_site(site)
                cache.set(key, identity, IDENTITY_CACHE_SECONDS)
        request._home_site_identity = identity
        return identity
