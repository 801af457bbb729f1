"""The page editor and the compliance checks apply the same rules (issue 12).

Each disagreement the two homes of a rule had is tested here: the stage
requirements (C009, C017, C019, C021 against the channel editor), the outdated
host (C010 against the editor's warning) and the check ids and severities
(stated once, in the registry).
"""

import datetime
import pathlib
import re

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError

from smgovernance.compliance import CHECKS, Severity, register_check, run_checks
from smgovernance.compliance.channels import REQUIREMENT_CHECKS
from smgovernance.editor import page_feedback
from smgovernance.models import ChannelProfilePage, EvaluationRecord
from smgovernance.reminders import due_date
from smgovernance.rules.deadlines import evaluation_due
from smgovernance.rules.stages import (
    STAGE_REQUIREMENTS,
    ChannelStage,
    unmet_requirements,
)
from tests import factories as h


pytestmark = pytest.mark.django_db

COMPLIANCE_DIR = (
    pathlib.Path(__file__).resolve().parents[2] / "smgovernance" / "compliance"
)

# The value that leaves each stage requirement unmet.
BLANK = {
    "alternative_contact_page": None,
    "imprint_verified_on": None,
    "privacy_purposes": "",
    "legal_basis": "",
    "retention": "",
    "risk_assessment_on": None,
    "processing_record_ref": "",
}


def requirement_findings(channel: ChannelProfilePage) -> set[str]:
    """The ids of the requirement checks that report this channel."""
    found = set()
    for check in CHECKS:
        if check.id in REQUIREMENT_CHECKS:
            found |= {f.check_id for f in check.run(None) if f.obj.pk == channel.pk}
    return found


def checks_for(fields: set[str]) -> set[str]:
    """The ids of the requirement checks that report any of `fields`."""
    return {
        check_id
        for check_id, reported in REQUIREMENT_CHECKS.items()
        if fields & set(reported)
    }


def editor_errors(channel: ChannelProfilePage) -> set[str]:
    """The requirement fields the page editor refuses (the model's validation)."""
    try:
        channel.full_clean()
    except ValidationError as error:
        return set(error.message_dict) & set(BLANK)
    return set()


@pytest.fixture
def complete_channel() -> ChannelProfilePage:
    """A live channel with every stage requirement met."""
    channel = h.channel("facebook")
    assert unmet_requirements(channel) == {}
    return channel


def with_values(channel: ChannelProfilePage, **values: object) -> ChannelProfilePage:
    """The channel with `values` stored as they are (bypassing validation), reloaded."""
    ChannelProfilePage.objects.filter(pk=channel.pk).update(**values)
    return ChannelProfilePage.objects.get(pk=channel.pk)


def test_every_stage_requirement_is_reported_by_exactly_one_check():
    reported = [field for fields in REQUIREMENT_CHECKS.values() for field in fields]
    assert sorted(reported) == sorted(r.field for r in STAGE_REQUIREMENTS)
    assert set(BLANK) == set(reported)


@pytest.mark.parametrize("stage", ChannelStage.values)
def test_checks_report_exactly_what_the_stage_table_requires(complete_channel, stage):
    """For every stage and every requirement left unmet: the table decides the findings."""
    channel = with_values(complete_channel, stage=stage)
    assert requirement_findings(channel) == set()
    for field, blank in BLANK.items():
        channel = with_values(complete_channel, stage=stage, **{field: blank})
        unmet = set(unmet_requirements(channel))
        assert unmet <= {field}
        assert requirement_findings(channel) == checks_for(unmet), (stage, field)
        with_values(complete_channel, **{field: getattr(complete_channel, field)})


@pytest.mark.parametrize("stage", ChannelStage.values)
def test_page_editor_refuses_exactly_what_the_checks_report(complete_channel, stage):
    """A channel the editor accepts is not reported, and the editor refuses what is.

    Before, the editor gated only active channels (and not their retention), so
    a pilot channel without a checked imprint link or an active channel without
    retention was saved and then reported as an error by C017 or C009.
    """
    for field, blank in BLANK.items():
        channel = with_values(complete_channel, stage=stage, **{field: blank})
        refused = editor_errors(channel)
        assert refused == set(unmet_requirements(channel)), (stage, field)
        assert checks_for(refused) == requirement_findings(channel), (stage, field)
        with_values(complete_channel, **{field: getattr(complete_channel, field)})


def test_whitespace_is_not_a_privacy_purpose(complete_channel):
    """The table strips text: the old C009 took "  " for a purpose."""
    channel = with_values(complete_channel, privacy_purposes="   ")
    assert requirement_findings(channel) == {"smgovernance.C009"}


@pytest.mark.parametrize(
    ("url", "reported"),
    [
        ("https://twitter.com:443/mswirtschaft", True),
        ("https://TWITTER.com./mswirtschaft", True),
        ("https://twitter.com/mswirtschaft", True),
        ("https://www.facebook.com:443/mswirtschaft", False),
    ],
)
def test_outdated_host_with_port_is_reported_and_warned_alike(url, reported):
    """C010 used to split the URL and keep the port: twitter.com:443 slipped through."""
    plat = h.platform(outdated_hosts="twitter.com")
    channel = h.channel("twitter", plat=plat)
    channel = with_values(channel, profile_url=url)
    findings = [f for f in run_checks() if f.check_id == "smgovernance.C010"]
    assert bool(findings) is reported
    warned = [m for m in page_feedback(channel) if "twitter.com" in m]
    assert bool(warned) is reported
    if reported:
        assert "twitter.com" in findings[0].message
        assert ":443" not in findings[0].message


def test_each_check_id_and_severity_is_stated_once():
    """Ids and severities live in the decorator only (before: in the function and in CHECKS)."""
    ids = [check.id for check in CHECKS]
    assert len(ids) == len(set(ids)) and ids == sorted(ids)
    assert len(ids) == 27
    source = "\n".join(p.read_text() for p in sorted(COMPLIANCE_DIR.glob("*.py")))
    for check_id in ids:
        assert len(re.findall(rf'"{re.escape(check_id)}"', source)) == 1, check_id


def test_a_check_id_cannot_be_registered_twice():
    with pytest.raises(ImproperlyConfigured):
        register_check("smgovernance.C001", Severity.ERROR, "again")(lambda site: [])
    assert len(CHECKS) == 27


def test_the_runner_stamps_the_registered_id_and_severity():
    severity = {check.id: check.severity for check in CHECKS}
    findings = run_checks()
    assert findings  # an empty site misses the concept, the imprint …
    for finding in findings:
        assert finding.severity == severity[finding.check_id]


def test_evaluation_check_and_reminder_share_the_due_date():
    """C002 and the reminder mail both call `rules.deadlines.evaluation_due`."""
    date = h.TODAY - datetime.timedelta(days=400)
    latest = h.evaluation(date=date)
    EvaluationRecord.objects.filter(pk=latest.pk).update(
        next_due=date + datetime.timedelta(days=500)
    )
    assert due_date() == evaluation_due(date, date + datetime.timedelta(days=500))
    assert due_date() == date + datetime.timedelta(days=365) < h.TODAY
    c002 = [f for f in run_checks() if f.check_id == "smgovernance.C002"]
    assert len(c002) == 1 and c002[0].obj.pk == latest.pk
