"""Privacy notices (Art. 13 GDPR): the website, each channel, the Vimeo embed (O-7, O-8)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, Site

from ..fragments import cached_sections, text_stamps
from ..rules.text import LEGAL_FEATURES
from .channel_profile import ChannelProfilePage
from .contacts import validate_phone
from .imprint import ImprintPage
from .mixins import ViewRestrictionsInOneQueryMixin
from .platforms import Platform, ThirdPartyProvider
from .privacy import (
    DEFAULT_COMPLAINT_AUTHORITY,
    DEFAULT_COMPLAINT_AUTHORITY_ADDRESS,
    DEFAULT_COMPLAINT_AUTHORITY_URL,
    LegalBasis,
)
from .public_channels import (
    CHANNEL_COLUMNS,
    channel_heading,
    page_site,
    public_channels,
    render_each,
)


class PrivacyPage(ViewRestrictionsInOneQueryMixin, Page):
    """Art. 13 GDPR notices: one section for the site, each channel and the Vimeo embed."""

    intro = RichTextField(_("introduction"), features=LEGAL_FEATURES, blank=True)
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

    @property
    def vimeo_needs_consent(self) -> bool:
        """Embedding on consent also needs § 25 (1) TDDDG for access to the device."""
        return self.vimeo_legal_basis == LegalBasis.CONSENT

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

    def channel_section(
        self, channel: ChannelProfilePage, notes: dict[int, "PlatformPrivacyNote"]
    ) -> dict:
        """One public channel: the channel, its recipient, its platform note and the
        person who answers data subject requests.

        The recipient is the instance operator where one is set (federated platforms
        such as Mastodon), otherwise the platform's operator.
        """
        return {
            "channel": channel,
            "heading": channel_heading(channel),
            "anchor": f"kanal-{channel.slug}",
            "note": notes.get(channel.platform_id),
            "recipient": channel.instance_operator or channel.platform.provider,
            "is_instance": channel.instance_operator_id is not None,
            "data_subject_contact": channel.data_subject_owner,
        }

    def channel_items(
        self, request: HttpRequest, site: Site | None, imprint: ImprintPage | None
    ) -> tuple[str, str]:
        """The contents entries and the sections of the channels (HTML), each channel
        from the fragment cache when nothing it shows has changed."""
        notes = {note.platform_id: note for note in self.platform_notes.all()}
        channels = public_channels(self, site)
        # The facts every section repeats: rendered once, not once per channel.
        shared = {
            "facts_head": render_to_string(
                "smgovernance/includes/privacy_facts_head.html",
                {"page": self, "imprint": imprint},
            ),
            "facts_tail": render_to_string(
                "smgovernance/includes/privacy_facts_tail.html", {"page": self}
            ),
        }

        loaded: dict = {}  # sections loaded for the contents and the sections alike

        def load(pks: list) -> dict:
            missing = [pk for pk in pks if pk not in loaded]
            rows = (
                channels.filter(pk__in=missing)
                .only(
                    *CHANNEL_COLUMNS,
                    "privacy_purposes",
                    "legal_basis",
                    "retention",
                    "instance_operator",
                    "data_subject_owner",
                )
                .select_related(None)
                .select_related(
                    "platform__provider",
                    "instance_operator",
                    "data_subject_owner__contact_point",
                )
            )
            if missing:
                loaded.update(
                    (c.pk, {"section": self.channel_section(c, notes)}) for c in rows
                )
            return {pk: loaded[pk] for pk in pks}

        parts: dict = {}  # parts that many sections share, rendered once

        def render(pks: list) -> dict:
            sections = load(pks)
            for item in sections.values():
                add_shared_parts(item["section"], parts)
            return render_each(
                "smgovernance/includes/privacy_channel.html", sections, **shared
            )

        def render_nav(pks: list) -> dict:
            return render_each(
                "smgovernance/includes/privacy_channel_nav.html", load(pks)
            )

        stamps = list(
            channels.values_list(
                "pk",
                "platform_id",
                *text_stamps(
                    "updated_at",
                    "platform__updated_at",
                    "platform__provider__updated_at",
                    "instance_operator__updated_at",
                    "data_subject_owner__updated_at",
                    "data_subject_owner__contact_point__updated_at",
                ),
            )
        )
        note_stamps = {
            platform_id: note_stamp(note) for platform_id, note in notes.items()
        }
        sections = cached_sections(
            "privacy",
            (
                (pk, (*stamp, note_stamps.get(platform_id)))
                for pk, platform_id, *stamp in stamps
            ),
            tuple(shared.values()),
            render,
        )
        nav = cached_sections(
            "privacy-nav",
            ((pk, stamp[:2]) for pk, _platform_id, *stamp in stamps),
            (),
            render_nav,
        )
        return nav, sections

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        site = page_site(self, request)
        context["imprint"] = self.imprint(site)
        context["channel_nav"], context["channel_items"] = self.channel_items(
            request, site, context["imprint"]
        )
        context["video_provider"] = self.video_provider()
        return context


def add_shared_parts(section: dict, parts: dict) -> None:
    """Give a channel section the HTML of its parts that depend on one shared record
    only, each rendered once per request however many channels share it: the
    recipient (by operator), the platform's notice (by platform) and the contact for
    data subject requests (by person)."""
    channel = section["channel"]
    recipient = section["recipient"]
    for name, key, template, context in (
        (
            "recipient_html",
            ("recipient", getattr(recipient, "pk", None), section["is_instance"]),
            "smgovernance/includes/privacy_recipient.html",
            {"provider": recipient, "is_instance": section["is_instance"]},
        ),
        (
            "notice_html",
            ("notice", channel.platform_id),
            "smgovernance/includes/privacy_platform_notice.html",
            {"channel": channel, "note": section["note"]},
        ),
        (
            "contact_html",
            ("contact", channel.data_subject_owner_id),
            "smgovernance/includes/privacy_data_contact.html",
            {"section": section},
        ),
    ):
        if key not in parts:
            parts[key] = render_to_string(template, context)
        section[name] = parts[key]


def note_stamp(note: "PlatformPrivacyNote") -> tuple:
    """What a channel section shows of its platform note (part of the page, no stamp)."""
    return (
        note.pk,
        note.insights_deactivated,
        note.joint_controllership_essence,
        note.arrangement_url,
        note.litigation_note,
        note.litigation_reviewed_on,
    )


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
