"""Imprint, alternative contacts and privacy notices, generated from the shared records.

Channel facts (platform, operator, purposes, legal basis, retention) are read from the
channel pages and platform records, never typed again here (O-1 to O-12, O-27).
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, Site

from .channels import PUBLIC_STAGES, ChannelProfilePage
from .contacts import (
    ContactPoint,
    ResponsiblePerson,
    validate_no_po_box,
    validate_phone,
)
from .mixins import ViewRestrictionsInOneQueryMixin
from .platforms import Platform, ThirdPartyProvider
from .privacy import (
    DEFAULT_COMPLAINT_AUTHORITY,
    DEFAULT_COMPLAINT_AUTHORITY_ADDRESS,
    DEFAULT_COMPLAINT_AUTHORITY_URL,
    LegalBasis,
)


RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]

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


def page_site(page: Page, request: HttpRequest | None = None) -> Site | None:
    """The site being served (cached on the request), else the page's own site."""
    site = Site.find_for_request(request) if request is not None else None
    return site or page.get_site()


def public_channels(page: Page, site: Site | None = None) -> models.QuerySet:
    """Live channels of the page's site that exist on a platform (pilot, active, dormant).

    One query however many channels: platform, operators and the data subject
    contact are joined in.
    """
    channels = ChannelProfilePage.objects.live().filter(stage__in=PUBLIC_STAGES)
    site = site or page.get_site()
    if site is not None:
        channels = channels.descendant_of(site.root_page, inclusive=True)
    return channels.select_related(
        "platform__provider",
        "instance_operator",
        "data_subject_owner__contact_point",
    ).order_by("path")


def channel_heading(channel: ChannelProfilePage) -> str:
    """ "Facebook: Kanal" - unless the channel's title already names its platform."""
    platform = channel.platform
    for name in {platform.name, platform.name.split(" (")[0], platform.slug}:
        if name and re.search(rf"\b{re.escape(name)}\b", channel.title, re.IGNORECASE):
            return channel.title
    return f"{platform.name}: {channel.title}"


# --------------------------------------------------------------------------------------
# Imprint
# --------------------------------------------------------------------------------------


class ImprintPageForm(WagtailAdminPageForm):
    """Publishing is refused without provider data or a responsible person (O-1, O-3)."""

    def clean(self) -> dict:
        cleaned_data = super().clean()
        publishing = not self.is_deferred_validation
        formset = self.formsets.get("responsible_persons")
        if formset is None:
            return cleaned_data
        formset.is_valid()  # clean the inline forms so their data can be read here
        forms = [
            form
            for form in formset.forms
            if form.has_changed() or form.instance.pk
            if not formset._should_delete_form(form)
        ]
        if len(forms) > 1:
            for form in forms:
                if not (form.cleaned_data.get("area") or "").strip():
                    form.add_error(
                        "area",
                        gettext(
                            "Several persons are named: state the area this person is responsible for."
                        ),
                    )
        if publishing:
            for form in forms:
                if not form.cleaned_data.get("meets_requirements"):
                    form.add_error(
                        "meets_requirements",
                        gettext(
                            "Confirm that the person meets the requirements of § 18 (2) sentence 3 MStV."
                        ),
                    )
            if not forms:
                self.add_error(
                    None,
                    gettext(
                        "The imprint cannot be published without a person responsible for the content (§ 18 (2) MStV)."
                    ),
                )
            missing = [
                name
                for name in ImprintPage.PROVIDER_FIELDS
                if name in self.fields and not cleaned_data.get(name)
            ]
            if missing:
                self.add_error(
                    None,
                    gettext(
                        "The imprint cannot be published without complete provider data (§ 5 DDG)."
                    ),
                )
        return cleaned_data


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
    body = RichTextField(
        _("further information"), features=RICH_TEXT_FEATURES, blank=True
    )

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


# --------------------------------------------------------------------------------------
# Alternative contacts
# --------------------------------------------------------------------------------------


class AlternativeContactPage(ViewRestrictionsInOneQueryMixin, Page):
    """Safe ways to reach the authority instead of social media (O-11, O-12, O-18)."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    online_services_label = models.CharField(
        _("online services: link text"),
        max_length=255,
        blank=True,
        help_text=_("E.g. Amt24 – Verwaltungsleistungen online."),
    )
    online_services_url = models.URLField(
        _("online services: address"),
        blank=True,
        help_text=_(
            "Where administrative services are available online, e.g. https://amt24.sachsen.de/."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel(
            "contact_points",
            heading=_("Contact points"),
            label=_("Contact point"),
            min_num=1,
        ),
        InlinePanel(
            "websites",
            heading=_("Websites with the same information"),
            label=_("Website"),
        ),
        MultiFieldPanel(
            [FieldPanel("online_services_label"), FieldPanel("online_services_url")],
            heading=_("Online services"),
        ),
    ]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    scan_legal_references = True
    page_description = _(
        "Phone, e-mail, office hours and online services: the safe alternatives to social media."
    )

    class Meta:
        verbose_name = _("alternative contact page")
        verbose_name_plural = _("alternative contact pages")

    def clean(self) -> None:
        super().clean()
        if self.online_services_url and not self.online_services_label:
            raise ValidationError(
                {
                    "online_services_label": _(
                        "Enter a link text for the online services."
                    )
                }
            )

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["contacts"] = [
            item.contact_point
            for item in self.contact_points.select_related(
                "contact_point"
            ).prefetch_related("contact_point__office_hours")
        ]
        return context


class AlternativeContactPoint(Orderable):
    page = ParentalKey(
        AlternativeContactPage, on_delete=models.CASCADE, related_name="contact_points"
    )
    contact_point = models.ForeignKey(
        ContactPoint,
        verbose_name=_("contact point"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldPanel("contact_point")]

    class Meta(Orderable.Meta):
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")


class AlternativeContactWebsite(Orderable):
    """A website where the information of the channels is published too (O-12)."""

    page = ParentalKey(
        AlternativeContactPage, on_delete=models.CASCADE, related_name="websites"
    )
    url = models.URLField(_("address"))
    label = models.CharField(_("link text"), max_length=255)

    panels = [FieldPanel("url"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("website")
        verbose_name_plural = _("websites")


# --------------------------------------------------------------------------------------
# Privacy notices
# --------------------------------------------------------------------------------------


class PrivacyPage(ViewRestrictionsInOneQueryMixin, Page):
    """Art. 13 GDPR notices: one section for the site, each channel and the Vimeo embed."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    dpo_name = models.CharField(
        _("data protection officer"),
        max_length=255,
        help_text=_("Name or function of the data protection officer (Art. 37 GDPR)."),
    )
    dpo_email = models.EmailField(_("e-mail of the data protection officer"))
    dpo_phone = models.CharField(
        _("phone of the data protection officer"),
        max_length=50,
        blank=True,
        validators=[validate_phone],
    )
    dpo_address = models.CharField(
        _("postal address of the data protection officer"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use the address from the imprint."),
    )
    complaint_authority = models.CharField(
        _("complaint authority"),
        max_length=255,
        default=DEFAULT_COMPLAINT_AUTHORITY,
    )
    complaint_authority_address = models.CharField(
        _("address of the complaint authority"),
        max_length=255,
        blank=True,
        default=DEFAULT_COMPLAINT_AUTHORITY_ADDRESS,
    )
    complaint_authority_url = models.URLField(
        _("website of the complaint authority"),
        blank=True,
        default=DEFAULT_COMPLAINT_AUTHORITY_URL,
    )
    website_purposes = models.TextField(
        _("website: purposes of processing"),
        help_text=_("E.g. delivering the pages, security of the servers."),
    )
    website_legal_basis = models.CharField(
        _("website: legal basis"),
        max_length=20,
        choices=LegalBasis.choices,
        default=LegalBasis.PUBLIC_TASK,
    )
    website_recipients = models.TextField(
        _("website: recipients"),
        blank=True,
        help_text=_(
            "E.g. the hosting service provider. Leave empty if there are none."
        ),
    )
    website_retention = models.TextField(_("website: retention"))
    vimeo_provider = models.ForeignKey(
        ThirdPartyProvider,
        verbose_name=_("video provider"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The operator of embedded videos. Leave empty to use the operator of the platform with the slug vimeo."
        ),
    )
    vimeo_legal_basis = models.CharField(
        _("video embed: legal basis"),
        max_length=20,
        choices=LegalBasis.choices,
        default=LegalBasis.CONSENT,
    )
    vimeo_retention = models.TextField(
        _("video embed: retention"),
        blank=True,
        help_text=_("Leave empty to refer to the provider's privacy policy."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("dpo_name"),
                FieldPanel("dpo_email"),
                FieldPanel("dpo_phone"),
                FieldPanel("dpo_address"),
            ],
            heading=_("Data protection officer"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("complaint_authority"),
                FieldPanel("complaint_authority_address"),
                FieldPanel("complaint_authority_url"),
            ],
            heading=_("Complaint authority"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("website_purposes"),
                FieldPanel("website_legal_basis"),
                FieldPanel("website_recipients"),
                FieldPanel("website_retention"),
            ],
            heading=_("This website"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("vimeo_provider"),
                FieldPanel("vimeo_legal_basis"),
                FieldPanel("vimeo_retention"),
            ],
            heading=_("Embedded videos"),
        ),
        InlinePanel(
            "platform_notes",
            heading=_("Platform notes (joint controllership, court cases)"),
            label=_("Platform note"),
        ),
        HelpPanel(
            _(
                "One section per channel is generated from the channel pages in the stages pilot, active and dormant: purposes, legal basis and retention come from the channel, the operator from the platform records."
            ),
            heading=_("Channels"),
        ),
    ]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    scan_legal_references = True
    page_description = _(
        "Privacy notices (Art. 13 GDPR) for the website, each channel and embedded videos."
    )

    class Meta:
        verbose_name = _("privacy notice page")
        verbose_name_plural = _("privacy notice pages")

    def imprint(self, site: Site | None = None) -> ImprintPage | None:
        """The controller's data comes from the site's imprint: typed once."""
        imprints = ImprintPage.objects.live()
        site = site or self.get_site()
        if site is not None:
            imprints = imprints.descendant_of(site.root_page, inclusive=True)
        return imprints.order_by("path").first()

    def video_provider(self) -> ThirdPartyProvider | None:
        if self.vimeo_provider_id:
            return self.vimeo_provider
        platform = (
            Platform.objects.filter(slug="vimeo").select_related("provider").first()
        )
        return platform.provider if platform else None

    def channel_sections(self, site: Site | None = None) -> list[dict]:
        """Per public channel: the channel, its recipient, its platform note and the
        person who answers data subject requests.

        The recipient is the instance operator where one is set (federated platforms
        such as Mastodon), otherwise the platform's operator.
        """
        notes = {note.platform_id: note for note in self.platform_notes.all()}
        return [
            {
                "channel": channel,
                "heading": channel_heading(channel),
                "anchor": f"kanal-{channel.slug}",
                "note": notes.get(channel.platform_id),
                "recipient": channel.instance_operator or channel.platform.provider,
                "is_instance": channel.instance_operator_id is not None,
                "data_subject_contact": channel.data_subject_owner,
            }
            for channel in public_channels(self, site)
        ]

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        site = page_site(self, request)
        context["imprint"] = self.imprint(site)
        context["channel_sections"] = self.channel_sections(site)
        context["video_provider"] = self.video_provider()
        return context


class PlatformPrivacyNote(Orderable):
    """Platform-wide privacy facts, e.g. Facebook's Page Insights arrangement (O-8)."""

    page = ParentalKey(
        PrivacyPage, on_delete=models.CASCADE, related_name="platform_notes"
    )
    platform = models.ForeignKey(
        Platform, verbose_name=_("platform"), on_delete=models.CASCADE, related_name="+"
    )
    insights_deactivated = models.BooleanField(
        _("statistics (Page Insights) are switched off"),
        default=False,
    )
    joint_controllership_essence = models.TextField(
        _("essence of the joint controllership arrangement (Art. 26 GDPR)"),
        blank=True,
        help_text=_(
            "Who is responsible for what, and where data subjects can exercise their rights."
        ),
    )
    arrangement_url = models.URLField(
        _("address of the arrangement"),
        blank=True,
        help_text=_("E.g. Meta's Page Insights Controller Addendum."),
    )
    litigation_note = models.TextField(
        _("note on pending court cases"),
        blank=True,
        help_text=_("The state of the proceedings; review at least once a year."),
    )
    litigation_reviewed_on = models.DateField(
        _("note last reviewed on"), null=True, blank=True
    )

    panels = [
        FieldPanel("platform"),
        FieldPanel("insights_deactivated"),
        FieldPanel("joint_controllership_essence"),
        FieldPanel("arrangement_url"),
        FieldPanel("litigation_note"),
        FieldPanel("litigation_reviewed_on"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("platform note")
        verbose_name_plural = _("platform notes")

    def clean(self) -> None:
        errors = {}
        platform = Platform.objects.filter(pk=self.platform_id).first()
        if (
            platform is not None
            and platform.joint_controllership
            and not self.insights_deactivated
            and not self.joint_controllership_essence.strip()
        ):
            errors["joint_controllership_essence"] = _(
                "Joint controllership applies on this platform: state the essence of the arrangement or that the statistics are switched off."
            )
        if self.litigation_note.strip() and not self.litigation_reviewed_on:
            errors["litigation_reviewed_on"] = _(
                "Enter when the note on the court cases was last reviewed."
            )
        if errors:
            raise ValidationError(errors)
