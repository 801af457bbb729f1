"""The archive handover checks C030–C032, each through `run_checks`."""

import datetime

import pytest
from django.utils import translation

from smgovernance.compliance import Severity, run_checks
from smgovernance.models import ChannelStage
from smgovernance.rules.archive import add_months
from tests import factories as h


pytestmark = pytest.mark.django_db

CLOSED_ON = datetime.date(2026, 10, 1)


def findings(check_id: str) -> list:
    with translation.override("de"):
        return [f for f in run_checks() if f.check_id == check_id]


def test_c030_closing_a_channel_without_a_handover_is_an_error():
    closed = h.channel("x", stage=ChannelStage.CLOSED, activated_on=CLOSED_ON)
    [finding] = findings("smgovernance.C030")
    assert finding.severity == Severity.ERROR
    assert finding.obj.pk == closed.pk
    assert finding.url == f"/admin/pages/{closed.pk}/edit/"
    assert "eingestellt" in finding.message and "01.10.2026" in finding.message

    # A handover that stops short of the closing day does not cover the last period.
    h.handover(
        closed, handed_over_on=CLOSED_ON, period_to=CLOSED_ON - datetime.timedelta(1)
    )
    assert len(findings("smgovernance.C030")) == 1
    h.handover(
        closed, handed_over_on=CLOSED_ON + datetime.timedelta(3), period_to=CLOSED_ON
    )
    assert findings("smgovernance.C030") == []


def test_c030_concerns_closed_channels_only():
    h.channel("facebook", stage=ChannelStage.DORMANT, **h.GATE_FIELDS)
    assert findings("smgovernance.C030") == []


def test_c031_last_handover_older_than_the_interval_is_a_warning(settings):
    channel = h.channel("facebook", activated_on=h.TODAY - datetime.timedelta(400))
    [never] = findings("smgovernance.C031")
    assert never.severity == Severity.WARNING and never.obj.pk == channel.pk
    assert "keine Übergabe" in never.message and "12 Monate" in never.message

    last = add_months(h.TODAY, -13)
    h.handover(channel, handed_over_on=last, period_to=last)
    [late] = findings("smgovernance.C031")
    assert late.obj.pk == channel.pk and "fällig" in late.message

    recent = add_months(h.TODAY, -2)
    h.handover(channel, handed_over_on=recent, period_to=recent)
    assert findings("smgovernance.C031") == []
    settings.SMGOVERNANCE_ARCHIVE_INTERVAL_MONTHS = 1
    assert len(findings("smgovernance.C031")) == 1


def test_c031_uses_the_interval_agreed_for_the_channel():
    channel = h.channel(
        "facebook",
        stage=ChannelStage.DORMANT,
        archive_offer_interval_months=24,
        **h.GATE_FIELDS,
    )
    last = add_months(h.TODAY, -13)
    h.handover(channel, handed_over_on=last, period_to=last)
    assert findings("smgovernance.C031") == []


def test_c031_a_new_channel_is_not_due_yet():
    h.channel("facebook", activated_on=h.TODAY - datetime.timedelta(30))
    assert findings("smgovernance.C031") == []


def test_c032_channel_without_responsible_archive_is_an_info():
    channel = h.channel("facebook")
    h.channel("geplant", stage=ChannelStage.PLANNED)
    [finding] = findings("smgovernance.C032")
    assert finding.severity == Severity.INFO and finding.obj.pk == channel.pk
    assert "kein zuständiges Archiv" in finding.message

    channel.responsible_archive = h.archive()
    channel.save_revision().publish()
    assert findings("smgovernance.C032") == []
