"""The imprint of the site and of every social media channel (§ 5 DDG, § 18 MStV, O-1 to O-5)."""

from django.core.validators import RegexValidator
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from ..forms import ImprintPageForm
from ..rules.text import LEGAL_FEATURES
from .contacts import ResponsiblePerson, validate_no_po_box, validate_phone
from .mixins import ViewRestrictionsInOneQueryMixin
from .public_channels import channel_heading, page_site, public_channels


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
            _(
                "The list of channels this imprint also covers is generated from the channel pages in the stages pilot, active and dormant."
            ),
            heading=_("Channels"),
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

    def channel_entries(
        self,
        request: HttpRequest | None = None,
        persons: list["ImprintResponsiblePerson"] | None = None,
    ) -> list[dict]:
        """Per public channel: anchor, deep link and copy-ready text for the platform.

        The text names the profile and cites § 5 DDG and § 18 (2) MStV, so the
        platform's imprint field is complete even before anyone follows the link.
        """
        base = self.get_full_url(request) or ""
        if persons is None:
            persons = self.persons()
        responsible = ", ".join(
            f"{item.person.name} ({item.area})" if item.area else item.person.name
            for item in persons
        )
        entries = []
        for channel in public_channels(self, page_site(self, request)):
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
            entries.append(
                {
                    "channel": channel,
                    "heading": channel_heading(channel),
                    "anchor": anchor,
                    "link": link,
                    "text": text,
                }
            )
        return entries

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["persons"] = self.persons()
        context["channel_entries"] = self.channel_entries(request, context["persons"])
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
