"""Deadlines the law and the concept set: yearly evaluation, one month for answers."""

import calendar
import datetime

from django.conf import settings


def add_one_month(day: datetime.date) -> datetime.date:
    """The same day next month, or the month's last day (31 Jan -> 28/29 Feb)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    last = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last))


def interval(setting: str, default_days: int) -> datetime.timedelta:
    """A deadline interval from the settings, in days."""
    return datetime.timedelta(days=getattr(settings, setting, default_days))


def evaluation_interval() -> datetime.timedelta:
    """How often the concept is evaluated (seed §6: yearly)."""
    return interval("SMGOVERNANCE_EVALUATION_INTERVAL_DAYS", 365)


def verification_interval() -> datetime.timedelta:
    """How often the imprint link on a profile is re-checked (O-2, O-5)."""
    return interval("SMGOVERNANCE_VERIFICATION_INTERVAL_DAYS", 365)


def evaluation_due(
    date: datetime.date, next_due: datetime.date | None = None
) -> datetime.date:
    """When the evaluation after one of `date` is due: the earlier of `next_due` and a year."""
    latest_possible = date + evaluation_interval()
    return min(next_due or latest_possible, latest_possible)


def awareness_interval() -> datetime.timedelta:
    """How often users are made aware of the privacy risks on each channel (O-10)."""
    return interval("SMGOVERNANCE_AWARENESS_INTERVAL_DAYS", 183)


def accessibility_interval() -> datetime.timedelta:
    """How often the accessibility statement is reviewed (O-22)."""
    return interval("SMGOVERNANCE_ACCESSIBILITY_INTERVAL_DAYS", 365)
