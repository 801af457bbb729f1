"""rules.deadlines: one calendar month for answers, the yearly evaluation."""

import datetime

import pytest

from smgovernance.rules.deadlines import (
    add_one_month,
    evaluation_due,
    evaluation_interval,
    interval,
    verification_interval,
)


D = datetime.date


@pytest.mark.parametrize(
    ("day", "due"),
    [
        (D(2027, 1, 31), D(2027, 2, 28)),
        (D(2028, 1, 31), D(2028, 2, 29)),
        (D(2028, 1, 29), D(2028, 2, 29)),
        (D(2027, 1, 28), D(2027, 2, 28)),
        (D(2026, 3, 31), D(2026, 4, 30)),
        (D(2026, 5, 15), D(2026, 6, 15)),
        (D(2026, 12, 15), D(2027, 1, 15)),
        (D(2026, 12, 31), D(2027, 1, 31)),
        (D(2027, 2, 28), D(2027, 3, 28)),
    ],
)
def test_one_month_is_the_same_day_next_month_or_its_last_day(day, due):
    assert add_one_month(day) == due


def test_one_month_is_never_more_than_31_days_and_always_later():
    day = D(2026, 1, 1)
    while day.year < 2029:
        due = add_one_month(day)
        assert 28 <= (due - day).days <= 31, day
        assert (due.year * 12 + due.month) - (day.year * 12 + day.month) == 1, day
        day += datetime.timedelta(days=1)


def test_intervals_default_to_a_year(settings):
    for name in (
        "SMGOVERNANCE_EVALUATION_INTERVAL_DAYS",
        "SMGOVERNANCE_VERIFICATION_INTERVAL_DAYS",
    ):
        if hasattr(settings, name):
            delattr(settings, name)
    assert evaluation_interval() == datetime.timedelta(days=365)
    assert verification_interval() == datetime.timedelta(days=365)


def test_intervals_come_from_the_settings(settings):
    settings.SMGOVERNANCE_EVALUATION_INTERVAL_DAYS = 180
    settings.SMGOVERNANCE_VERIFICATION_INTERVAL_DAYS = 90
    assert evaluation_interval() == datetime.timedelta(days=180)
    assert verification_interval() == datetime.timedelta(days=90)


def test_interval_without_a_setting_uses_the_default():
    assert interval("SMGOVERNANCE_NO_SUCH_SETTING", 7) == datetime.timedelta(days=7)


def test_evaluation_is_due_a_year_after_the_last(settings):
    settings.SMGOVERNANCE_EVALUATION_INTERVAL_DAYS = 365
    assert evaluation_due(D(2026, 3, 1)) == D(2027, 3, 1)


def test_an_earlier_planned_date_wins(settings):
    settings.SMGOVERNANCE_EVALUATION_INTERVAL_DAYS = 365
    assert evaluation_due(D(2026, 3, 1), D(2026, 9, 1)) == D(2026, 9, 1)


def test_a_planned_date_beyond_the_interval_is_clamped(settings):
    """Nobody can postpone the yearly evaluation by entering a later date."""
    settings.SMGOVERNANCE_EVALUATION_INTERVAL_DAYS = 365
    assert evaluation_due(D(2026, 3, 1), D(2028, 1, 1)) == D(2027, 3, 1)


def test_evaluation_due_follows_the_configured_interval(settings):
    settings.SMGOVERNANCE_EVALUATION_INTERVAL_DAYS = 30
    assert evaluation_due(D(2026, 3, 1)) == D(2026, 3, 31)
    assert evaluation_due(D(2026, 3, 1), D(2026, 12, 1)) == D(2026, 3, 31)
