"""Checks of the archive handover: a channel's posts are offered to the responsible
archive at the agreed interval, and a closed channel up to its last day."""

import datetime
from collections.abc import Iterator

from django.db.models import Max
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from ..models import ChannelProfilePage
from ..rules.archive import (
    OFFER_STAGES,
    covers_last_period,
    next_offer_due,
    offer_interval_months,
)
from ..rules.stages import PUBLIC_STAGES, ChannelStage
from .helpers import page_edit_url, pages, public_channel_list, short_date, today
from .registry import Problem, Severity, memo, register_check


def closed_channels(site: Site | None) -> list[ChannelProfilePage]:
    """Closed channels with the last day their handovers cover: one query per run.
    Unpublished pages count too: the duty to archive does not end with the page."""
    return memo(
        ("closed_channels", site.pk if site else None),
        lambda: list(
            pages(ChannelProfilePage, site)
            .filter(stage=ChannelStage.CLOSED)
            .annotate(covered_until=Max("archive_handovers__period_to"))
            .order_by("path")
        ),
    )


def archived_channels(site: Site | None) -> list[ChannelProfilePage]:
    """Channels on a platform (handovers prefetched by the shared list) and closed ones."""
    channels = [*public_channel_list(site), *closed_channels(site)]
    return sorted(channels, key=lambda channel: channel.path)


def on_platform_since(channel: ChannelProfilePage) -> datetime.date | None:
    """The first day the channel was on a platform, from its stage history."""
    days = [
        c.changed_on for c in channel.stage_changes.all() if c.stage in PUBLIC_STAGES
    ]
    return min(days) if days else channel.stage_changed_on


@register_check(
    "smgovernance.C030",
    Severity.ERROR,
    _("A closed channel has been handed over to the archive up to its last day"),
    concerns=(ChannelProfilePage,),
)
def closed_channel_not_archived(site: Site | None) -> Iterator[Problem]:
    """§ 5 Abs. 1 SächsArchivG: once a channel closes, its posts are lost unless offered."""
    for channel in closed_channels(site):
        ends = [channel.covered_until] if channel.covered_until else []
        if covers_last_period(ends, channel.stage_changed_on):
            continue
        if channel.stage_changed_on:
            message = gettext(
                "The channel “%(channel)s” was closed on %(date)s, but no handover "
                "to the archive covers its posts up to that day: record the handover."
            ) % {"channel": channel.title, "date": short_date(channel.stage_changed_on)}
        else:
            message = gettext(
                "The channel “%(channel)s” is closed, but no handover to the archive "
                "is recorded: record the handover."
            ) % {"channel": channel.title}
        yield Problem(message, channel, page_edit_url(channel))


@register_check(
    "smgovernance.C031",
    Severity.WARNING,
    _("Active and dormant channels are offered to the archive at the agreed interval"),
    concerns=(ChannelProfilePage,),
)
def archive_offer_overdue(site: Site | None) -> Iterator[Problem]:
    for channel in public_channel_list(site):
        if channel.stage not in OFFER_STAGES:
            continue
        months = offer_interval_months(channel.archive_offer_interval_months)
        handovers = [h.handed_over_on for h in channel.archive_handovers.all()]
        if handovers:
            last = max(handovers)
            due = next_offer_due(last, channel.archive_offer_interval_months)
            if due >= today():
                continue
            message = gettext(
                "The last handover of the channel “%(channel)s” to the archive was "
                "on %(date)s; the next was due on %(due)s (every %(months)s months)."
            ) % {
                "channel": channel.title,
                "date": short_date(last),
                "due": short_date(due),
                "months": months,
            }
        else:
            since = on_platform_since(channel)
            if since and next_offer_due(since, months) >= today():
                continue
            message = gettext(
                "No handover of the channel “%(channel)s” to the archive is recorded, "
                "and its posts are to be offered every %(months)s months."
            ) % {"channel": channel.title, "months": months}
        yield Problem(message, channel, page_edit_url(channel))


@register_check(
    "smgovernance.C032",
    Severity.INFO,
    _("Every channel names the archive its posts are offered to"),
    concerns=(ChannelProfilePage,),
)
def responsible_archive_missing(site: Site | None) -> Iterator[Problem]:
    for channel in archived_channels(site):
        if channel.responsible_archive_id:
            continue
        yield Problem(
            gettext(
                "The channel “%(channel)s” names no responsible archive: choose the "
                "archive its posts are offered to."
            )
            % {"channel": channel.title},
            channel,
            page_edit_url(channel),
        )
