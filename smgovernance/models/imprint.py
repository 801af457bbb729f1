"""The imprint of the site and of every social media channel (§ 5 DDG, § 18 MStV, O-1 to O-5)."""

from django.core.validators import RegexValidator
from django.db import models
from django.http import HttpRequest
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, Site

from ..forms import ImprintPageForm
from ..fragments import cached_sections, text_stamps
from ..rules.text import LEGAL_FEATURES
from .channel_profile import ChannelProfilePage
from .contacts import ResponsiblePerson, validate_no_po_box, validate_phone
from .mixins import ViewRestrictionsInOneQueryMixin
from .public_channels import (
    CHANNEL_COLUMNS,
    channel_heading,
    page_site,
    public_channels,
    render_each,
)


# The template of each kind of channel section (`ImprintPage.channel_sections`).
SECTION_TEMPLATES = {
    "imprint": "smgovernance/includes/imprint_channel.html",
    "imprint-field": "smgovernance/admin/imprint_field_entry.html",
}

# The usual legal form of a German county or municipality (data, editable per page).
DEFAULT_LEGAL_FORM = "Körperschaft des öffentlichen Rechts"

validate_vat_id = RegexValidator(
    r"^DE[0-9]{9}$",
    _("Enter the VAT ID as DE followed by 9 digits, e.g. DE123456789."),
    code="vat_id",
)
validate_w_idnr = RegexValidator(
    r"^DE[0-9]{9}(-[0-9]{5})?$",
    _(
        "Enter the business ID as DE followed by 9 digits, optionally with a 5-digit suffix, e.g. DE123456789-00001."
    ),
    code="w_idnr",
)


class ImprintPage(ViewRestrictionsInOneQueryMixin, Page):
    """The imprint of the site and of every social media channel (§ 5 DDG, § 18 MStV)."""

    PROVIDER_FIELDS = (
        "body_name",
        "legal_form",
        "representative_title",
        "representative_name",
        "street",
        "postal_code",
        "city",
        "email",
        "phone",
    )

    body_name = models.CharField(
        _("name of the provider"),
        max_length=255,
        help_text=_("The public body that offers the site and the channels."),
    )
    legal_form = models.CharField(
        _("legal form"), max_length=255, default=DEFAULT_LEGAL_FORM
    )
    representative_title = models.CharField(
        _("title of the representative"),
        max_length=255,
        help_text=_("E.g. Landrat or Bürgermeisterin."),
    )
    representative_name = models.CharField(
        _("name of the representative"), max_length=255
    )
    street = models.CharField(
        _("street and number"),
        max_length=255,
        validators=[validate_no_po_box],
        help_text=_("A P.O. box is not enough."),
    )
    postal_code = models.CharField(_("postal code"), max_length=10)
    city = models.CharField(_("city"), max_length=100)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=50, validators=[validate_phone])
    vat_id = models.CharField(
        _("VAT ID"),
        max_length=11,
        blank=True,
        validators=[validate_vat_id],
        help_text=_("Only if one exists (§ 27a UStG), e.g. DE123456789."),
    )
    w_idnr = models.CharField(
        _("business ID (W-IdNr.)"),
        max_length=17,
        blank=True,
        validators=[validate_w_idnr],
        help_text=_("Only if one exists (§ 139c AO), e.g. DE123456789-00001."),
    )
    supervisory_authority_name = models.CharField(
        _("supervisory authority"),
        max_length=255,
        blank=True,
        help_text=_(
            "Recommended for public bodies; for Saxon counties: Landesdirektion Sachsen."
        ),
    )
    supervisory_authority_address = models.CharField(
        _("address of the supervisory authority"), max_length=255, blank=True
    )
    supervisory_authority_url = models.URLField(
        _("website of the supervisory authority"), blank=True
    )
    provider_verified_on = models.DateField(
        _("provider data last verified on"),
        null=True,
        blank=True,
        help_text=_("When the provider data was last checked to be current."),
    )
    body = RichTextField(_("further information"), features=LEGAL_FEATURES, blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("body_name"),
                FieldPanel("legal_form"),
                FieldPanel("representative_title"),
                FieldPanel("representative_name"),
                FieldPanel("street"),
                FieldPanel("postal_code"),
                FieldPanel("city"),
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("vat_id"),
                FieldPanel("w_idnr"),
                FieldPanel("provider_verified_on"),
            ],
            heading=_("Provider (§ 5 DDG)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("supervisory_authority_name"),
                FieldPanel("supervisory_authority_address"),
                FieldPanel("supervisory_authority_url"),
            ],
            heading=_("Supervisory authority"),
        ),
        InlinePanel(
            "responsible_persons",
            heading=_("Responsible for the content under § 18 (2) MStV"),
            label=_("Responsible person"),
        ),
        HelpPanel(
            template="smgovernance/admin/imprint_field_panel.html",
            heading=_("Channels: link and text for the platforms' imprint fields"),
        ),
        FieldPanel("body"),
    ]
    base_form_class = ImprintPageForm
    subpage_types: list[str] = []
    max_count_per_parent = 1
    scan_legal_references = True
    page_description = _(
        "The imprint of the site and of every social media channel (§ 5 DDG, § 18 MStV)."
    )

    class Meta:
        verbose_name = _("imprint")
        verbose_name_plural = _("imprints")

    def representative(self) -> str:
        return f"{self.representative_title} {self.representative_name}".strip()

    @property
    def postal_address(self) -> str:
        return f"{self.street}, {self.postal_code} {self.city}"

    def persons(self) -> list["ImprintResponsiblePerson"]:
        return list(
            self.responsible_persons.select_related("person__contact_point").order_by(
                "sort_order"
            )
        )

    def responsible_text(self, persons: list["ImprintResponsiblePerson"]) -> str:
        return ", ".join(
            f"{item.person.name} ({item.area})" if item.area else item.person.name
            for item in persons
        )

    def channel_entry(
        self, channel: ChannelProfilePage, base: str, responsible: str
    ) -> dict:
        """One public channel: anchor, deep link and copy-ready text for the platform.

        The text names the profile and cites § 5 DDG and § 18 (2) MStV, so the
        platform's imprint field is complete even before anyone follows the link.
        """
        anchor = f"kanal-{channel.slug}"
        link = f"{base}#{anchor}"
        text = gettext(
            "Imprint for our profile “%(channel)s” on %(platform)s. "
            "Information under § 5 DDG: %(name)s, %(legal_form)s, represented by "
            "%(representative)s, %(address)s, e-mail: %(email)s, phone: %(phone)s. "
            "Responsible for the content under § 18 (2) MStV: %(persons)s. "
            "Full imprint: %(link)s"
        ) % {
            "channel": channel.title,
            "platform": channel.platform.name,
            "name": self.body_name,
            "legal_form": self.legal_form,
            "representative": self.representative(),
            "address": self.postal_address,
            "email": self.email,
            "phone": self.phone,
            "persons": responsible,
            "link": link,
        }
        return {
            "channel": channel,
            "heading": channel_heading(channel),
            "anchor": anchor,
            "link": link,
            "text": text,
        }

    def channel_sections(
        self,
        kind: str,
        request: HttpRequest | None = None,
        persons: list["ImprintResponsiblePerson"] | None = None,
        site: Site | None = None,
        channel_pk: int | None = None,
    ) -> SafeString:
        """Per public channel (or only `channel_pk`'s), its entry rendered with the
        template of `kind`, each from the fragment cache while its channel, platform
        and this page are unchanged.

        "imprint" is the public imprint's channel list (anchors only); "imprint-field"
        the editor's link and copy-ready text for the platform's imprint field. The
        link is built from the Site's root URL (`Site.root_url`), so it points where
        the site is really served.
        """
        site = site or page_site(self, request)
        base = self.get_full_url(request) or ""
        responsible = self.responsible_text(
            self.persons() if persons is None else persons
        )
        channels = public_channels(self, site)
        if channel_pk is not None:
            channels = channels.filter(pk=channel_pk)
        # What every section shows besides its channel and platform.
        shared = (base, responsible, *(getattr(self, f) for f in self.PROVIDER_FIELDS))

        def render(pks: list) -> dict:
            rows = (
                channels.filter(pk__in=pks)
                .only(*CHANNEL_COLUMNS, "platform__name", "platform__slug")
                .select_related(None)
                .select_related("platform")
            )
            entries = {
                c.pk: {"entry": self.channel_entry(c, base, responsible)} for c in rows
            }
            return render_each(SECTION_TEMPLATES[kind], entries)

        stamps = channels.values_list(
            "pk", *text_stamps("updated_at", "platform__updated_at")
        )
        return cached_sections(
            kind, ((pk, stamp) for pk, *stamp in stamps), shared, render
        )

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["persons"] = self.persons()
        context["channel_items"] = self.channel_sections(
            "imprint", request, context["persons"]
        )
        return context


class ImprintResponsiblePerson(Orderable):
    """A person responsible for content (§ 18 (2) MStV), chosen from the shared records."""

    page = ParentalKey(
        ImprintPage, on_delete=models.CASCADE, related_name="responsible_persons"
    )
    person = models.ForeignKey(
        ResponsiblePerson,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    area = models.CharField(
        _("responsible for"),
        max_length=255,
        blank=True,
        help_text=_(
            "The part of the offer this person is responsible for; required when several persons are named."
        ),
    )
    meets_requirements = models.BooleanField(
        _("meets the requirements of § 18 (2) sentence 3 MStV"),
        default=False,
        help_text=_(
            "Permanent residence in Germany, eligible for public office, full legal capacity, fully prosecutable."
        ),
    )

    panels = [
        FieldPanel("person"),
        FieldPanel("area"),
        FieldPanel("meets_requirements"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("responsible person")
        verbose_name_plural = _("responsible persons")


def imprint_field_sections(
    page: Page,
) -> tuple[ImprintPage | None, Site | None, SafeString]:
    """For the editor: the live imprint of the page's site and the entries for the
    platforms' imprint fields, as HTML.

    On an imprint page, every channel's entry; on a channel page, the channel's own
    entry (none while it is not in a public stage or not yet saved).
    """
    if page.pk is None:
        return None, None, SafeString("")
    site = page.get_site()
    if isinstance(page, ImprintPage):
        imprint = page
    else:
        imprint = ImprintPage.objects.live()
        if site is not None:
            imprint = imprint.in_site(site)
        imprint = imprint.first()
    if imprint is None or not imprint.live:
        return imprint, site, SafeString("")
    # A channel page loads only its own row, not every channel of the site.
    channel_pk = None if isinstance(page, ImprintPage) else page.pk
    return (
        imprint,
        site,
        imprint.channel_sections("imprint-field", site=site, channel_pk=channel_pk),
    )
