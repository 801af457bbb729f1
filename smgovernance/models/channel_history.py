"""A channel's history: its stage changes and the channels that succeed it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import PageChooserPanel
from wagtail.models import Orderable

from ..rules.stages import ChannelStage


# By label: the channel page module imports this one.
CHANNEL_PAGE = "smgovernance.ChannelProfilePage"


class ChannelStageChange(Orderable):
    """One step of a channel's lifecycle: which stage, since when, and why."""

    page = ParentalKey(
        CHANNEL_PAGE, on_delete=models.CASCADE, related_name="stage_changes"
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
        CHANNEL_PAGE, on_delete=models.CASCADE, related_name="successors"
    )
    successor = models.ForeignKey(
        CHANNEL_PAGE,
        verbose_name=_("successor channel"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("successor", CHANNEL_PAGE)]

    class Meta(Orderable.Meta):
        verbose_name = _("successor channel")
        verbose_name_plural = _("successor channels")
