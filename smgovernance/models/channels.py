"""Channel profile pages: one page per social media channel of the usage concept."""

import json

import swapper
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, Site

from ..blocks import GOVERNANCE_BLOCKS
from .contacts import ContactPoint, ResponsiblePerson
from .mixins import ViewRestrictionsInOneQueryMixin
from .platforms import (
    Platform,
    ThirdPartyProvider,
    is_outdated_host,
    validate_profile_url,
)
from .privacy import LegalBasis


swapper.set_app_prefix("wagtailcore", "wagtail")
PAGE_MODEL = swapper.get_model_name("wagtailcore", "Page")

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ul"]

# Page types the channel's page links must have (by label: legal.py imports this module).
ALTERNATIVE_CONTACT_PAGE = "smgovernance.AlternativeContactPage"
NETIQUETTE_PAGE = "smgovernance.NetiquettePage"


class ChannelStage(models.TextChoices):
    """The staged lifecycle ("Stufenmodell") of a channel."""

    PLANNED = "planned", _("Planned")
    REVIEW = "review", _("Review (necessity check)")
    PILOT = "pilot", _("Pilot")
    ACTIVE = "active", _("Active")
    DORMANT = "dormant", _("Dormant (emergencies only)")
    CLOSED = "closed", _("Closed")


# Channels that exist on the platform and so need the imprint, a privacy notice etc.
PUBLIC_STAGES = (ChannelStage.PILOT, ChannelStage.ACTIVE, ChannelStage.DORMANT)

# The order in which the index lists the stage groups.
INDEX_STAGE_ORDER = (
    ChannelStage.ACTIVE,
    ChannelStage.PILOT,
    ChannelStage.DORMANT,
    ChannelStage.REVIEW,
    ChannelStage.PLANNED,
    ChannelStage.CLOSED,
)

# Characters that must not appear raw inside a <script> element (as Django's json_script).
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data: dict) -> SafeString:
    """JSON for a `<script type="application/ld+json">` element, escaped like `json_script`."""
    return mark_safe(  # noqa: S308  (escaped above: no "<", ">" or "&" is left)
        json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    )


class ChannelIndexPage(ViewRestrictionsInOneQueryMixin, Page):
    """Lists every channel, grouped by lifecycle stage."""

    intro = models.TextField(_("introduction"), blank=True)
    organisation_name = models.CharField(
        _("organisation name"),
        max_length=255,
        blank=True,
        help_text=_(
            "The public body that runs the channels, for search engines "
            "(schema.org). Empty: the site name."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("organisation_name"),
    ]
    subpage_types = ["smgovernance.ChannelProfilePage"]
    max_count_per_parent = 1
    page_description = _("Lists all social media channels, grouped by lifecycle stage.")

    class Meta:
        verbose_name = _("channel index")
        verbose_name_plural = _("channel indexes")

    def route(self, request: HttpRequest, path_components: list[str]) -> object:
        """Load a channel together with its related records (one query, not ten)."""
        if path_components:
            channel = (
                ChannelProfilePage.with_related()
                .child_of(self)
                .filter(slug=path_components[0])
                .first()
            )
            if channel is not None:
                channel._cached_parent_obj = self
                return channel.route(request, path_components[1:])
        return super().route(request, path_components)

    def channels(self) -> models.QuerySet:
        return (
            ChannelProfilePage.objects.child_of(self)
            .live()
            .public()
            .select_related("platform")
            .order_by("title")
        )

    def structured_data(self, request: HttpRequest | None, channels: list) -> dict:
        """schema.org GovernmentOrganization; `sameAs` lists the active channels."""
        site = Site.find_for_request(request) if request else self.get_site()
        name = self.organisation_name or (site.site_name if site else "") or self.title
        data = {
            "@context": "https://schema.org",
            "@type": "GovernmentOrganization",
            "name": name,
            "url": site.root_url + "/" if site else self.get_full_url(request),
            "sameAs": [
                channel.profile_url
                for channel in channels
                if channel.stage == ChannelStage.ACTIVE
            ],
        }
        return data

    def get_context(
        self, request: HttpRequest, *args: object, **kwargs: object
    ) -> dict:
        context = super().get_context(request, *args, **kwargs)
        channels = list(self.channels())
        by_stage: dict[str, list] = {stage: [] for stage in INDEX_STAGE_ORDER}
        for channel in channels:
            by_stage.setdefault(channel.stage, []).append(channel)
        context["stage_groups"] = [
            {"stage": stage, "label": ChannelStage(stage).label, "channels": items}
            for stage, items in by_stage.items()
            if items
        ]
        context["json_ld"] = json_ld(self.structured_data(request, channels))
        return context


def list_of_items(label: str, help_text: str) -> StreamField:
    """An editor-friendly list of short texts (one block per item)."""
    return StreamField(
        [("item", blocks.CharBlock(label=_("Entry"), max_length=255))],
        blank=True,
        verbose_name=label,
        help_text=help_text,
    )


class InteractionFeatureBlock(blocks.StructBlock):
    name = blocks.CharBlock(
        label=_("Feature"), max_length=255, help_text=_("E.g. comments.")
    )
    needs_registration = blocks.BooleanBlock(
        label=_("Needs registration on the platform"), required=False
    )

    class Meta:
        icon = "comment"
        label = _("Interaction feature")


class ChannelProfilePageForm(WagtailAdminPageForm):
    """Asks for a reason whenever the lifecycle stage changes, and records the change."""

    stage_change_reason = forms.CharField(
        label=_("Reason for the stage change"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Required when you change the stage. It is kept in the channel's history."
        ),
    )

    def stage_changed(self) -> bool:
        if not self.instance.pk:
            return True
        return "stage" in self.changed_data

    def clean(self) -> dict:
        cleaned_data = super().clean()
        reason = (cleaned_data.get("stage_change_reason") or "").strip()
        is_new = not self.instance.pk
        if (
            self.stage_changed()
            and not reason
            and not (is_new and cleaned_data.get("stage") == ChannelStage.PLANNED)
        ):
            self.add_error(
                "stage_change_reason",
                _("You changed the stage: say why. The reason goes into the history."),
            )
        return cleaned_data

    def save(self, commit: bool = True) -> "ChannelProfilePage":
        page = super().save(commit=False)
        if self.stage_changed():
            reason = self.cleaned_data.get("stage_change_reason", "").strip()
            on = (
                self.cleaned_data.get("stage_changed_on")
                if "stage_changed_on" in self.changed_data
                else None
            )
            page.record_stage_change(reason or _("Channel created"), on=on)
        if commit:
            page.save()
            self.save_m2m()
        return page


class ChannelProfilePage(ViewRestrictionsInOneQueryMixin, Page):
    """One social media channel the authority runs, as the usage concept describes it."""

    # Platform and profile
    platform = models.ForeignKey(
        Platform,
        verbose_name=_("platform"),
        on_delete=models.PROTECT,
        related_name="channels",
    )
    profile_url = models.URLField(
        _("profile URL"),
        help_text=_(
            "The public address of the profile, e.g. https://www.facebook.com/name."
        ),
    )
    handle = models.CharField(_("handle"), max_length=100, blank=True)
    instance_operator = models.ForeignKey(
        ThirdPartyProvider,
        verbose_name=_("instance operator"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "Only for federated platforms such as Mastodon: who runs the server."
        ),
    )
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences at the top of the page."),
    )

    # Responsibility
    responsible_unit = models.ForeignKey(
        ContactPoint,
        verbose_name=_("responsible unit"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        help_text=_("The unit that runs the channel."),
    )
    editorial_owner = models.ForeignKey(
        ResponsiblePerson,
        verbose_name=_("editorial care"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Who writes and moderates the channel."),
    )
    technical_owner = models.ForeignKey(
        ResponsiblePerson,
        verbose_name=_("technical care"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Who manages the account, access and settings."),
    )
    data_subject_owner = models.ForeignKey(
        ResponsiblePerson,
        verbose_name=_("data subject requests"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Who answers requests about personal data (Art. 15–22 GDPR)."),
    )

    # The concept's facts
    purpose = RichTextField(
        _("purpose of use"),
        features=RICH_TEXT_FEATURES,
        default="",
        help_text=_("Why the channel exists (Zweck der Nutzung)."),
    )
    platform_reasons = RichTextField(
        _("reasons for this platform"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Why this platform was chosen, e.g. its reach in a target group."),
    )
    type_and_scope = RichTextField(
        _("type and scope of use"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("How the channel is set up and used (Art und Umfang)."),
    )
    content_kinds = list_of_items(
        _("regular content"), _("The kinds of posts the channel publishes regularly.")
    )
    target_groups = list_of_items(_("target groups"), _("Who the channel is for."))
    not_offered = list_of_items(
        _("not offered"),
        _("What people cannot get on this channel, e.g. individual funding advice."),
    )
    dialogue_policy = models.TextField(
        _("dialogue policy"),
        blank=True,
        help_text=_(
            "How a dialogue is handled: e.g. by direct message, then a change "
            "to phone or e-mail."
        ),
    )
    interaction_features = StreamField(
        [("feature", InteractionFeatureBlock())],
        blank=True,
        verbose_name=_("interaction features"),
        help_text=_(
            "The features used on the channel, and whether they need registration."
        ),
    )
    service_hours = models.TextField(
        _("service hours"),
        blank=True,
        help_text=_("When the channel is looked after, e.g. Mon–Fri 9–15 h."),
    )
    website_equivalent_page = models.ForeignKey(
        PAGE_MODEL,
        verbose_name=_("same information on our website (page)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The page of this site where the same information appears."),
    )
    website_equivalent_urls = StreamField(
        [
            (
                "link",
                blocks.StructBlock(
                    [
                        (
                            "text",
                            blocks.CharBlock(label=_("Link text"), max_length=255),
                        ),
                        ("url", blocks.URLBlock(label=_("Address"))),
                    ],
                    icon="link",
                    label=_("Website"),
                ),
            )
        ],
        blank=True,
        verbose_name=_("same information on our websites (addresses)"),
        help_text=_("Other websites of ours with the same information."),
    )
    comments_enabled = models.BooleanField(
        _("comments enabled"),
        default=False,
        help_text=_("Whether people can comment on the channel's posts."),
    )
    netiquette_page = models.ForeignKey(
        PAGE_MODEL,
        verbose_name=_("netiquette"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "The netiquette page with the rules for comments. Required when "
            "comments are enabled."
        ),
    )
    alternative_contact_page = models.ForeignKey(
        PAGE_MODEL,
        verbose_name=_("alternative contact page"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "The alternative contact page: where people reach us by phone, e-mail "
            "or in person."
        ),
    )
    online_services_url = models.URLField(
        _("online services"),
        blank=True,
        help_text=_(
            "Where the administration's online services are, e.g. a state portal."
        ),
    )
    online_services_name = models.CharField(
        _("name of the online services"),
        max_length=100,
        blank=True,
        help_text=_("Link text, e.g. the portal's name."),
    )

    # Lifecycle
    stage = models.CharField(
        _("lifecycle stage"),
        max_length=20,
        choices=ChannelStage.choices,
        default=ChannelStage.PLANNED,
        help_text=_(
            "Active requires the alternative contact page, the verified imprint link, "
            "the privacy notice, the risk assessment and the processing record."
        ),
    )
    stage_changed_on = models.DateField(
        _("stage since"),
        null=True,
        blank=True,
        help_text=_(
            "Filled in with today's date when you change the stage and leave this."
        ),
    )
    imprint_verified_on = models.DateField(
        _("imprint link verified on"),
        null=True,
        blank=True,
        help_text=_(
            "When the profile's imprint field was checked to link to our imprint "
            "(desktop and mobile)."
        ),
    )
    risk_assessment_on = models.DateField(
        _("risk assessment dated"),
        null=True,
        blank=True,
        help_text=_("Date of the assessment of the privacy risks of this channel."),
    )
    processing_record_ref = models.CharField(
        _("record of processing activities"),
        max_length=255,
        blank=True,
        help_text=_("Number or title of the entry in the record (Art. 30 GDPR)."),
    )

    # Archiving (§ 5 Abs. 1 SächsArchivG): who receives the records, and how often.
    responsible_archive = models.ForeignKey(
        "smgovernance.ArchiveRecord",
        verbose_name=_("responsible archive"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="channels",
        help_text=_("The archive the channel's posts are offered to."),
    )
    archive_offer_interval_months = models.PositiveSmallIntegerField(
        _("offer interval (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "How often the posts are offered to the archive, as agreed with it. "
            "Empty: the default interval (usually 12 months)."
        ),
    )

    # The channel's section of the privacy notice (O-7); the privacy page renders it.
    privacy_purposes = models.TextField(
        _("purposes of processing"),
        blank=True,
        help_text=_("Why personal data is processed on this channel."),
    )
    legal_basis = models.CharField(
        _("legal basis"), max_length=20, choices=LegalBasis.choices, blank=True
    )
    retention = models.TextField(
        _("retention"),
        blank=True,
        help_text=_("How long data is kept, or the criteria for it."),
    )

    body = StreamField(
        GOVERNANCE_BLOCKS,
        blank=True,
        verbose_name=_("examples and further information"),
        help_text=_(
            "Optional: examples of posts, videos, contacts or links, shown below the "
            "facts of the channel."
        ),
    )

    base_form_class = ChannelProfilePageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("platform"),
                FieldPanel("profile_url"),
                FieldPanel("handle"),
                FieldPanel("instance_operator"),
            ],
            heading=_("Platform and profile"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("responsible_unit"),
                FieldPanel("editorial_owner"),
                FieldPanel("technical_owner"),
                FieldPanel("data_subject_owner"),
            ],
            heading=_("Responsibility"),
        ),
        MultiFieldPanel(
            [FieldPanel("purpose"), FieldPanel("platform_reasons")],
            heading=_("Purpose of use"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("type_and_scope"),
                FieldPanel("content_kinds"),
                FieldPanel("target_groups"),
                FieldPanel("not_offered"),
            ],
            heading=_("Type and scope of use"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("dialogue_policy"),
                FieldPanel("interaction_features"),
                FieldPanel("service_hours"),
                FieldPanel("comments_enabled"),
                PageChooserPanel("netiquette_page", NETIQUETTE_PAGE),
            ],
            heading=_("Dialogue and interaction"),
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("website_equivalent_page"),
                FieldPanel("website_equivalent_urls"),
                PageChooserPanel("alternative_contact_page", ALTERNATIVE_CONTACT_PAGE),
                FieldRowPanel(
                    [
                        FieldPanel("online_services_name"),
                        FieldPanel("online_services_url"),
                    ]
                ),
            ],
            heading=_("Alternatives on our own website"),
        ),
        FieldPanel("body"),
    ]
    lifecycle_panels = [
        MultiFieldPanel(
            [
                FieldPanel("stage"),
                FieldPanel("stage_changed_on"),
                FieldPanel("stage_change_reason"),
                HelpPanel(
                    template="smgovernance/admin/channel_stage_history.html",
                    heading=_("History"),
                ),
                InlinePanel(
                    "successors",
                    heading=_("Successor channels"),
                    label=_("Successor channel"),
                ),
            ],
            heading=_("Lifecycle stage"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("imprint_verified_on"),
                FieldPanel("risk_assessment_on"),
                FieldPanel("processing_record_ref"),
            ],
            heading=_("Gate for the active stage"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("privacy_purposes"),
                FieldPanel("legal_basis"),
                FieldPanel("retention"),
            ],
            heading=_("Privacy notice"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("responsible_archive"),
                FieldPanel("archive_offer_interval_months"),
                InlinePanel(
                    "archive_handovers",
                    heading=_("Handovers to the archive"),
                    label=_("Handover"),
                ),
            ],
            heading=_("Archive"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Concept")),
            ObjectList(lifecycle_panels, heading=_("Lifecycle and privacy")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    parent_page_types = ["smgovernance.ChannelIndexPage"]
    subpage_types: list[str] = []
    page_description = _(
        "Describes one social media channel: purpose, audience, responsibility."
    )

    class Meta:
        verbose_name = _("social media channel profile")
        verbose_name_plural = _("social media channel profiles")

    # -- behaviour ---------------------------------------------------------------

    @classmethod
    def with_related(cls) -> models.QuerySet:
        """Channels with every record their page names, in a fixed number of queries."""
        return cls.objects.select_related(
            "platform__provider",
            "instance_operator",
            "responsible_unit",
            "editorial_owner",
            "technical_owner",
            "data_subject_owner",
            "website_equivalent_page",
            "netiquette_page",
            "alternative_contact_page",
        ).prefetch_related(
            "stage_changes",
            models.Prefetch(
                "successors",
                queryset=ChannelSuccessor.objects.select_related("successor"),
            ),
        )

    def uses_outdated_host(self) -> bool:
        """True when the profile URL uses a replaced host (twitter.com instead of x.com)."""
        if not self.platform_id or not self.profile_url:
            return False
        return is_outdated_host(self.profile_url, self.platform)

    def gate_errors(self) -> dict[str, str]:
        """What is missing before the channel may be active (O-17), by field."""
        errors: dict[str, str] = {}
        if not self.alternative_contact_page_id:
            errors["alternative_contact_page"] = _(
                "An active channel needs the alternative contact page: choose it."
            )
        if not self.imprint_verified_on:
            errors["imprint_verified_on"] = _(
                "An active channel needs the imprint link on the platform profile: "
                "enter the date you checked it."
            )
        if not self.privacy_purposes.strip():
            errors["privacy_purposes"] = _(
                "An active channel needs a privacy notice: describe the purposes."
            )
        if not self.legal_basis:
            errors["legal_basis"] = _(
                "An active channel needs a privacy notice: choose the legal basis."
            )
        if not self.risk_assessment_on:
            errors["risk_assessment_on"] = _(
                "An active channel needs a risk assessment: enter its date."
            )
        if not self.processing_record_ref.strip():
            errors["processing_record_ref"] = _(
                "An active channel needs an entry in the record of processing "
                "activities: enter its reference."
            )
        return errors

    def page_type_errors(self) -> dict[str, str]:
        """The contact and netiquette links must point to pages of those types."""
        errors: dict[str, str] = {}
        for field, label, message in (
            (
                "alternative_contact_page",
                ALTERNATIVE_CONTACT_PAGE,
                _(
                    "Choose an alternative contact page (page type “alternative "
                    "contact page”), not another page."
                ),
            ),
            (
                "netiquette_page",
                NETIQUETTE_PAGE,
                _(
                    "Choose the netiquette page (page type “netiquette”), not "
                    "another page."
                ),
            ),
        ):
            page = getattr(self, field) if getattr(self, f"{field}_id") else None
            if page is not None and not issubclass(
                page.specific_class or Page, apps.get_model(label)
            ):
                errors[field] = message
        return errors

    @property
    def has_vimeo(self) -> bool:
        """Whether the body holds a Vimeo block (the page then loads the consent script)."""
        return any(block.block_type == "vimeo" for block in self.body)

    def clean(self) -> None:
        super().clean()
        errors: dict[str, object] = {}
        if not strip_tags(self.purpose or "").strip():
            errors["purpose"] = _("Please describe the purpose of use.")
        if self.platform_id and self.profile_url:
            try:
                validate_profile_url(self.profile_url, self.platform)
            except ValidationError as error:
                errors["profile_url"] = error
            if self.platform.is_federated and not self.instance_operator_id:
                errors["instance_operator"] = _(
                    "%(platform)s is federated: choose the operator of the instance."
                ) % {"platform": self.platform.name}
        errors.update(self.page_type_errors())
        if self.comments_enabled and not self.netiquette_page_id:
            errors["netiquette_page"] = _(
                "Comments are enabled: choose the netiquette page."
            )
        if self.comments_enabled and not self.service_hours.strip():
            errors["service_hours"] = _(
                "Comments are enabled: say when the channel is looked after."
            )
        if self.stage == ChannelStage.ACTIVE:
            errors.update(self.gate_errors())
        if errors:
            raise ValidationError(errors)

    def record_stage_change(
        self, reason: str, on: "timezone.datetime.date | None" = None
    ) -> "ChannelStageChange":
        """Append the current stage to the history (saved with the next revision)."""
        on = on or timezone.localdate()
        self.stage_changed_on = on
        change = ChannelStageChange(
            stage=self.stage,
            changed_on=on,
            reason=str(reason),
            sort_order=len(self.stage_changes.all()),
        )
        self.stage_changes.add(change)
        return change

    @property
    def is_retired(self) -> bool:
        """Dormant or closed: the page stays up and says since when."""
        return self.stage in (ChannelStage.DORMANT, ChannelStage.CLOSED)

    def get_context(
        self, request: HttpRequest, *args: object, **kwargs: object
    ) -> dict:
        context = super().get_context(request, *args, **kwargs)
        channel = self
        context["channel"] = channel
        context["owners"] = [
            (label, person)
            for label, person in (
                (_("Editorial care"), channel.editorial_owner),
                (_("Technical care"), channel.technical_owner),
                (_("Data subject requests"), channel.data_subject_owner),
            )
            if person is not None
        ]
        context["successor_pages"] = [
            item.successor
            for item in channel.successors.all()
            if item.successor is not None and item.successor.live
        ]
        return context


class ChannelStageChange(Orderable):
    """One step of a channel's lifecycle: which stage, since when, and why."""

    page = ParentalKey(
        ChannelProfilePage, on_delete=models.CASCADE, related_name="stage_changes"
    )
    stage = models.CharField(
        _("lifecycle stage"), max_length=20, choices=ChannelStage.choices
    )
    changed_on = models.DateField(_("changed on"))
    reason = models.TextField(_("reason"))

    class Meta(Orderable.Meta):
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")


class ChannelSuccessor(Orderable):
    """A channel that takes over from a dormant or closed one."""

    page = ParentalKey(
        ChannelProfilePage, on_delete=models.CASCADE, related_name="successors"
    )
    successor = models.ForeignKey(
        ChannelProfilePage,
        verbose_name=_("successor channel"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("successor", "smgovernance.ChannelProfilePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("successor channel")
        verbose_name_plural = _("successor channels")
