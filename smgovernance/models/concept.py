"""The usage concept as a page rendered live from the records (O-16)."""

import datetime

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, Site

from ..forms import SitePageForm
from ..fragments import cached_sections, text_stamps
from ..rules.text import SECTION_FEATURES
from .archive import with_last_handover
from .channel_profile import FACT_RECORDS, ChannelProfilePage
from .contacts import ContactPoint, ResponsiblePerson
from .imprint import ImprintPage
from .mixins import ViewRestrictionsInOneQueryMixin
from .public_channels import render_each
from .registers import ChannelDecision, EvaluationRecord


class UsageConceptPage(ViewRestrictionsInOneQueryMixin, RoutablePageMixin, Page):
    """The published usage concept: prose sections plus everything rendered from records."""

    base_form_class = SitePageForm

    version = models.CharField(
        _("version"),
        max_length=20,
        help_text=_("E.g. 2.0. Raise it with every update."),
    )
    version_date = models.DateField(
        _("version adopted on"),
        help_text=_(
            "When this version of the concept was adopted. A channel activated later "
            "means the concept must be updated."
        ),
    )
    adopted_by = models.CharField(
        _("version adopted by"),
        max_length=255,
        blank=True,
        help_text=_(
            "The body that adopted this version, e.g. the district council or the "
            "head of the authority. Printed in the title block."
        ),
    )
    preamble = RichTextField(_("preamble"), features=SECTION_FEATURES)
    task = RichTextField(_("task and purpose"), features=SECTION_FEATURES)
    responsible_bodies = RichTextField(
        _("responsible bodies"), features=SECTION_FEATURES, blank=True
    )
    responsible_persons = ParentalManyToManyField(
        ResponsiblePerson,
        verbose_name=_("responsible persons"),
        blank=True,
        related_name="+",
    )
    contact_points = ParentalManyToManyField(
        ContactPoint, verbose_name=_("contact points"), blank=True, related_name="+"
    )
    self_commitment = RichTextField(_("self-commitment"), features=SECTION_FEATURES)
    evaluation_owner = models.ForeignKey(
        ResponsiblePerson,
        verbose_name=_("evaluation owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Receives the reminder when the yearly evaluation is due."),
    )
    evaluation_deputy = models.ForeignKey(
        ResponsiblePerson,
        verbose_name=_("evaluation deputy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("version"),
                FieldPanel("version_date"),
                FieldPanel("adopted_by"),
            ],
            heading=_("Version"),
        ),
        FieldPanel("preamble"),
        InlinePanel(
            "documents", heading=_("Referenced documents"), label=_("Document")
        ),
        FieldPanel("task"),
        MultiFieldPanel(
            [
                FieldPanel("responsible_bodies"),
                FieldPanel("responsible_persons"),
                FieldPanel("contact_points"),
            ],
            heading=_("Responsible bodies"),
        ),
        FieldPanel("self_commitment"),
        MultiFieldPanel(
            [FieldPanel("evaluation_owner"), FieldPanel("evaluation_deputy")],
            heading=_("Yearly evaluation"),
        ),
    ]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    page_description = _(
        "The social media usage concept, rendered live from channels and evaluations."
    )

    class Meta:
        verbose_name = _("usage concept")
        verbose_name_plural = _("usage concepts")

    def channels(self, site: Site | None = None) -> models.QuerySet:
        """The channels the concept describes: live channel pages of this site."""
        pages = with_last_handover(
            ChannelProfilePage.with_related()
            .live()
            .select_related("responsible_archive")
        )
        site = site or self.get_site()
        if site is not None:
            pages = pages.in_site(site)
        return pages.order_by("path")

    def published_evaluations(self, site: Site | None = None) -> models.QuerySet:
        """The published evaluations of this concept's body (its site)."""
        return (
            EvaluationRecord.objects.for_site(site or self.get_site())
            .filter(published=True, submitted=True)
            .select_related("dossier")
            .prefetch_related(
                models.Prefetch(
                    "decisions",
                    queryset=ChannelDecision.objects.select_related("channel"),
                )
            )
            .order_by("-date", "-pk")
        )

    def _request_site(self, request: HttpRequest | None) -> Site | None:
        """The request's site when it holds this page (no query: it is cached)."""
        site = Site.find_for_request(request) if request is not None else None
        if site is not None and self.path.startswith(site.root_page.path):
            return site
        return None

    def channel_items(
        self, request: HttpRequest | None, channels: models.QuerySet, stamps: list
    ) -> str:
        """The channel sections' HTML, each from the fragment cache when nothing it
        shows (channel, platform, operators, contacts) has changed.

        `stamps`: (pk, *CONCEPT_STAMP) per channel, in display order.
        """

        def render(pks: list) -> dict:
            # Only the records a section shows: the linked pages are not joined.
            rows = (
                channels.filter(pk__in=pks)
                .defer(*CONCEPT_DEFERRED)
                .select_related(None)
                .select_related(*CONCEPT_RELATED)
            )
            return render_each(
                "smgovernance/includes/concept_channel_item.html",
                {c.pk: {"channel": c} for c in rows},
                request,
            )

        host = request.get_host() if request is not None else ""
        return cached_sections(
            "concept", ((pk, stamp) for pk, *stamp in stamps), (host,), render
        )

    def get_context(self, request, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        # The page shows neither stage history nor successors: skip those prefetches.
        site = self._request_site(request)
        channels = self.channels(site).prefetch_related(None)
        evaluations = list(self.published_evaluations(site))
        persons = list(self.responsible_persons.select_related("contact_point"))
        # One query for every channel's change stamps.
        stamps = list(channels.values_list("pk", *text_stamps(*CONCEPT_STAMP)))
        context.update(
            channel_items=self.channel_items(request, channels, stamps),
            evaluations=evaluations,
            dossiers=[e for e in evaluations if e.dossier_id],
            persons=persons,
            stand=self.stand(evaluations),
            body_name=self.body_name(site),
            print_css_url=self.print_css_url(request),
        )
        return context

    @path("druck-css/", name="print_css")
    def print_css(self, request: HttpRequest) -> HttpResponse:
        """The running header and page numbers of the printed concept.

        CSS page margin boxes cannot read the page, and the Content-Security-Policy
        forbids inline styles, so this small stylesheet carries the body, title and
        version of this concept.
        """
        css = render_to_string(
            "smgovernance/usage_concept_print.css",
            {"page": self, "body_name": self.body_name(self._request_site(request))},
            request=request,
        )
        return HttpResponse(css, content_type="text/css; charset=utf-8")

    def print_css_url(self, request: HttpRequest | None = None) -> str:
        url = self.get_url(request)
        return f"{url}{self.reverse_subpage('print_css')}" if url else ""

    def body_name(self, site: Site | None = None) -> str:
        """The public body for the title block: the provider named in the imprint."""
        imprints = ImprintPage.objects.live()
        site = site or self.get_site()
        if site is not None:
            imprints = imprints.descendant_of(site.root_page, inclusive=True)
        name = imprints.values_list("body_name", flat=True).first()
        return name or (site.site_name if site is not None else "")

    def stand(self, evaluations: list | None = None) -> datetime.date:
        """The date of the last approved change ("Stand"), taken from the data.

        The adoption of this version or the latest published evaluation, whichever
        is later; never the day the page happens to be rendered or printed.
        """
        if evaluations is None:
            evaluations = list(self.published_evaluations())
        return max([self.version_date, *(e.date for e in evaluations)])


# Channel columns the concept never shows.
CONCEPT_DEFERRED = ("intro", "body", "website_equivalent_urls")
# The records a channel's section names (`concept_channel.html`).
CONCEPT_RELATED = (*FACT_RECORDS, "responsible_archive")
# Change stamps of everything a channel's section shows.
CONCEPT_STAMP = (
    "updated_at",
    "url_path",
    "platform__updated_at",
    "platform__provider__updated_at",
    "instance_operator__updated_at",
    "responsible_unit__updated_at",
    "editorial_owner__updated_at",
    "technical_owner__updated_at",
    "data_subject_owner__updated_at",
    "responsible_archive__name",
    "last_handover_on",
    "last_handover_to",
)


class ConceptDocument(Orderable):
    """A document the concept builds on (title, author, year)."""

    page = ParentalKey(
        UsageConceptPage, on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=255)
    author = models.CharField(_("author"), max_length=255)
    year = models.PositiveSmallIntegerField(_("year"))

    panels = [FieldPanel("title"), FieldPanel("author"), FieldPanel("year")]

    class Meta(Orderable.Meta):
        verbose_name = _("referenced document")
        verbose_name_plural = _("referenced documents")
