"""Channel profile pages: one page per social media channel of the usage concept."""

import datetime

import swapper
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import (
    GOVERNANCE_BLOCKS,
    ITEM_BLOCKS,
    WEBSITE_LINK_BLOCKS,
    InteractionFeatureBlock,
)
from ..forms import ChannelProfilePageForm
from ..rules.hosts import is_outdated_host
from ..rules.stages import (
    PUBLIC_STAGES,
    REACHABLE_STAGES,
    ChannelStage,
    unmet_requirements,
)
from ..rules.text import PLAIN_FEATURES
from .archive import ChannelArchiveFields
from .channel_history import ChannelStageChange, ChannelSuccessor
from .channel_profile_panels import CHANNEL_EDIT_HANDLER, PAGE_LINKS
from .contacts import ContactPoint, ResponsiblePerson
from .mixins import ViewRestrictionsInOneQueryMixin
from .platforms import Platform, ThirdPartyProvider, validate_profile_url
from .privacy import LegalBasis
from .register_entry import RegisterEntryMixin


swapper.set_app_prefix("wagtailcore", "wagtail")
PAGE_MODEL = swapper.get_model_name("wagtailcore", "Page")


def list_of_items(label: str, help_text: str) -> StreamField:
    """An editor-friendly list of short texts (one block per item)."""
    return StreamField(
        ITEM_BLOCKS,
        blank=True,
        verbose_name=label,
        help_text=help_text,
    )


# The records a channel's facts name (`includes/channel_facts.html`), joined with it.
FACT_RECORDS = (
    "platform__provider",
    "instance_operator",
    "responsible_unit",
    "editorial_owner",
    "technical_owner",
    "data_subject_owner",
)


class ChannelProfilePage(
    ViewRestrictionsInOneQueryMixin, ChannelArchiveFields, RegisterEntryMixin, Page
):
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
        features=PLAIN_FEATURES,
        default="",
        help_text=_("Why the channel exists (Zweck der Nutzung)."),
    )
    platform_reasons = RichTextField(
        _("reasons for this platform"),
        features=PLAIN_FEATURES,
        blank=True,
        help_text=_("Why this platform was chosen, e.g. its reach in a target group."),
    )
    type_and_scope = RichTextField(
        _("type and scope of use"),
        features=PLAIN_FEATURES,
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
        WEBSITE_LINK_BLOCKS,
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
    edit_handler = CHANNEL_EDIT_HANDLER
    # Site search: the platform's name finds the channel even when its title
    # does not repeat it.
    search_fields = [
        *Page.search_fields,
        index.SearchField("handle"),
        index.SearchField("intro"),
        index.SearchField("purpose"),
        index.RelatedFields("platform", [index.SearchField("name")]),
    ]
    parent_page_types = ["smgovernance.ChannelIndexPage"]
    subpage_types: list[str] = []
    page_description = _(
        "Describes one social media channel: purpose, audience, responsibility."
    )

    # A change stamp for the fragment cache of the listing pages (smgovernance.fragments).
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("social media channel profile")
        verbose_name_plural = _("social media channel profiles")

    # -- behaviour ---------------------------------------------------------------

    @classmethod
    def with_related(cls) -> models.QuerySet:
        """Channels with every record their page names, in a fixed number of queries."""
        return cls.objects.select_related(
            *FACT_RECORDS,
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
        return is_outdated_host(self.profile_url, self.platform.outdated_host_list)

    def page_type_errors(self) -> dict[str, str]:
        """The contact and netiquette links must point to pages of those types."""
        errors: dict[str, str] = {}
        for field, label, message in PAGE_LINKS:
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
        # One rule for the editor, the checks and the import (O-9, O-17).
        errors.update(unmet_requirements(self))
        if errors:
            raise ValidationError(errors)

    def record_stage_change(
        self, reason: str, on: datetime.date | None = None
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

    @property
    def is_closed(self) -> bool:
        return self.stage == ChannelStage.CLOSED

    @property
    def is_dormant(self) -> bool:
        return self.stage == ChannelStage.DORMANT

    @property
    def is_active(self) -> bool:
        return self.stage == ChannelStage.ACTIVE

    @property
    def is_public(self) -> bool:
        """The channel exists on the platform (pilot, active, dormant)."""
        return self.stage in PUBLIC_STAGES

    @property
    def is_reachable(self) -> bool:
        """Citizens may write to us on the channel (pilot, active)."""
        return self.stage in REACHABLE_STAGES

    def get_context(
        self, request: HttpRequest, *args: object, **kwargs: object
    ) -> dict:
        context = super().get_context(request, *args, **kwargs)
        channel = self
        context["channel"] = channel
        if channel.is_public:
            context.update(self.official_statement(request))
        context["successor_pages"] = [
            item.successor
            for item in channel.successors.all()
            if item.successor is not None and item.successor.live
        ]
        return context
