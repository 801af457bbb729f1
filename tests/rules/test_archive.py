"""The archive offer rules: month arithmetic, the interval, the last period."""

import datetime

from smgovernance.rules.archive import (
    add_months,
    covers_last_period,
    next_offer_due,
    offer_interval_months,
)


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2026, 11, 15), 14) == datetime.date(2028, 1, 15)
    assert add_months(datetime.date(2026, 3, 31), -13) == datetime.date(2025, 2, 28)


def test_interval_is_the_channels_or_the_setting(settings):
    assert offer_interval_months(6) == 6
    assert offer_interval_months(None) == 12
    settings.SMGOVERNANCE_ARCHIVE_INTERVAL_MONTHS = 3
    assert offer_interval_months(None) == 3
    assert next_offer_due(datetime.date(2026, 10, 15), None) == datetime.date(
        2027, 1, 15
    )


def test_a_handover_covers_the_last_period_only_up_to_the_closing_day():
    closed = datetime.date(2026, 10, 1)
    assert not covers_last_period([], closed)
    assert not covers_last_period([datetime.date(2026, 9, 30)], closed)
    assert covers_last_period([datetime.date(2026, 9, 30), closed], closed)
    assert covers_last_period([datetime.date(2020, 1, 1)], None)
