"""Offering a channel's records to the archive (§ 5 Abs. 1 SächsArchivG, § 13 Abs. 4).

A public body offers its records to the responsible archive at an agreed interval,
and a channel that closes is offered up to its last day. Pure functions: the
channel editor, the compliance checks and the concept page all call these.
"""

import calendar
import datetime
from collections.abc import Iterable

from django.conf import settings

from .stages import ChannelStage


# Channels whose records must be offered at the agreed interval.
OFFER_STAGES = (ChannelStage.ACTIVE, ChannelStage.DORMANT)


def default_interval_months() -> int:
    """The interval of offers when a channel agrees none (setting, default 12)."""
    return int(getattr(settings, "SMGOVERNANCE_ARCHIVE_INTERVAL_MONTHS", 12))


def offer_interval_months(agreed: int | None) -> int:
    """The channel's agreed interval, or the default."""
    return agreed or default_interval_months()


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or that month's last day (31 Jan + 1 -> 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last))


def next_offer_due(last_offer: datetime.date, agreed: int | None) -> datetime.date:
    """When the next offer to the archive is due after one made on `last_offer`."""
    return add_months(last_offer, offer_interval_months(agreed))


def covers_last_period(
    period_ends: Iterable[datetime.date], closed_on: datetime.date | None
) -> bool:
    """True when a handover's period reaches the day the channel closed.

    Without a known closing day, any handover counts.
    """
    ends = list(period_ends)
    if not ends:
        return False
    return closed_on is None or max(ends) >= closed_on
