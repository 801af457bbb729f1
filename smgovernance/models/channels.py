"""Channel profile pages: one page per social media channel of the usage concept."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from .platforms import Platform
from .privacy import LegalBasis


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


class ChannelIndexPage(Page):
    """Lists every channel, grouped by lifecycle stage."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["smgovernance.ChannelProfilePage"]
    max_count_per_parent = 1
    page_description = _("Lists all social media channels, grouped by lifecycle stage.")

    class Meta:
        verbose_name = _("channel index")
        verbose_name_plural = _("channel indexes")


class ChannelProfilePage(Page):
    """One social media channel the authority runs, as the usage concept describes it."""

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
    stage = models.CharField(
        _("lifecycle stage"),
        max_length=20,
        choices=ChannelStage.choices,
        default=ChannelStage.PLANNED,
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

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("platform"), FieldPanel("profile_url"), FieldPanel("handle")],
            heading=_("Platform and profile"),
        ),
        FieldPanel("stage"),
        MultiFieldPanel(
            [
                FieldPanel("privacy_purposes"),
                FieldPanel("legal_basis"),
                FieldPanel("retention"),
            ],
            heading=_("Privacy notice"),
        ),
    ]
    parent_page_types = ["smgovernance.ChannelIndexPage"]
    subpage_types: list[str] = []
    page_description = _(
        "Describes one social media channel: purpose, audience, responsibility."
    )

    class Meta:
        verbose_name = _("social media channel profile")
        verbose_name_plural = _("social media channel profiles")
