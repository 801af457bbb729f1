"""The compliance registry: every check with a passing and a failing fixture."""

import datetime
import re

import pytest
from django.apps import apps
from django.utils import translation

from smgovernance import compliance
from smgovernance.compliance import CHECKS, Severity, run_checks
from smgovernance.models import AwarenessAction, AwarenessKind, TransferBasis
from tests import concept_helpers as h


pytestmark = pytest.mark.django_db

LONG_AGO = h.TODAY - datetime.timedelta(days=800)


def ids(findings) -> list[str]:
    return [f.check_id for f in findings]


def run(check_id: str) -> list:
    check = next(c for c in CHECKS if c.id == check_id)
    return list(check.run(None))


def test_registry_ids_are_unique_stable_and_titles_german():
    check_ids = [check.id for check in CHECKS]
    assert len(check_ids) == len(set(check_ids))
    assert all(re.fullmatch(r"smgovernance\.C\d{3}", i) for i in check_ids)
    for check in CHECKS:
        with translation.override("en"):
            english = str(check.title)
        with translation.override("de"):
            german = str(check.title)
        assert german and german != english, check.id
        assert check.severity in Severity.values


def test_finding_messages_are_german():
    with translation.override("de"):
        findings = run("smgovernance.C002")
    assert findings[0].message.startswith("Es wurde noch keine Evaluation")


def test_c001_concept_page_missing_or_unpublished():
    assert ids(run("smgovernance.C001")) == ["smgovernance.C001"]
    page = h.concept(live=False)
    findings = run("smgovernance.C001")
    assert findings[0].obj.pk == page.pk
    assert findings[0].url == f"/admin/pages/{page.pk}/edit/"
    page.save_revision().publish()
    assert run("smgovernance.C001") == []


def test_c002_evaluation_overdue():
    assert ids(run("smgovernance.C002")) == ["smgovernance.C002"]
    old = h.evaluation(date=LONG_AGO)
    findings = run("smgovernance.C002")
    assert findings[0].obj == old and findings[0].severity == Severity.ERROR
    assert findings[0].url == "/admin/smgovernance/evaluationrecord/create/"
    h.evaluation(date=h.TODAY - datetime.timedelta(days=30))
    assert run("smgovernance.C002") == []


def test_c002_interval_is_configurable(settings):
    h.evaluation(date=h.TODAY - datetime.timedelta(days=100))
    assert run("smgovernance.C002") == []
    settings.SMGOVERNANCE_EVALUATION_INTERVAL_DAYS = 90
    assert ids(run("smgovernance.C002")) == ["smgovernance.C002"]


def test_c002_drafts_do_not_count():
    h.evaluation(submitted=False)
    assert ids(run("smgovernance.C002")) == ["smgovernance.C002"]


def test_c003_latest_evaluation_unpublished():
    h.evaluation(published=True, date=h.TODAY - datetime.timedelta(days=2))
    assert run("smgovernance.C003") == []
    h.evaluation(published=False)
    assert ids(run("smgovernance.C003")) == ["smgovernance.C003"]


def test_c004_channel_activated_after_concept_version(settings):
    settings.SMGOVERNANCE_CHANNEL_ACTIVATION_FIELD = "first_published_at"
    page = h.concept(version_date=h.TODAY + datetime.timedelta(days=1))
    h.channel("facebook")
    assert run("smgovernance.C004") == []
    page.version_date = h.TODAY - datetime.timedelta(days=1)
    page.save_revision().publish()
    findings = run("smgovernance.C004")
    assert ids(findings) == ["smgovernance.C004"]
    assert "Facebook" in findings[0].message and findings[0].obj.pk == page.pk


def test_c004_is_silent_while_channels_have_no_activation_date(settings):
    settings.SMGOVERNANCE_CHANNEL_ACTIVATION_FIELD = "no_such_field"
    h.concept(version_date=LONG_AGO)
    h.channel("facebook")
    assert run("smgovernance.C004") == []


def test_c005_awareness_action_overdue():
    channel = h.channel("facebook")
    h.channel("closed", stage="closed")
    assert [f.obj.pk for f in run("smgovernance.C005")] == [channel.pk]
    old = AwarenessAction.objects.create(date=LONG_AGO, kind=AwarenessKind.POST)
    old.channels.add(channel)
    assert ids(run("smgovernance.C005")) == ["smgovernance.C005"]
    recent = AwarenessAction.objects.create(date=h.TODAY, kind=AwarenessKind.POST)
    recent.channels.add(channel)
    assert run("smgovernance.C005") == []


def test_c006_person_not_confirmed():
    h.person(verified_on=h.TODAY)
    assert run("smgovernance.C006") == []
    stale = h.person(name="Hartmut Schneider", verified_on=LONG_AGO)
    findings = run("smgovernance.C006")
    assert [f.obj for f in findings] == [stale]
    assert (
        findings[0].url
        == f"/admin/snippets/smgovernance/responsibleperson/edit/{stale.pk}/"
    )


def test_c007_provider_check_stale():
    h.provider()
    assert run("smgovernance.C007") == []
    h.provider(name="Vimeo", dpf_checked_on=None)
    assert ids(run("smgovernance.C007")) == ["smgovernance.C007"]


def test_c008_third_country_without_transfer_basis():
    h.provider()
    assert run("smgovernance.C008") == []
    h.provider(name="X", transfer_basis=TransferBasis.NONE)
    assert ids(run("smgovernance.C008")) == ["smgovernance.C008"]


def test_c009_channel_privacy_notice_incomplete():
    h.channel("facebook")
    h.channel("planned", stage="planned", retention="")
    assert run("smgovernance.C009") == []
    broken = h.channel("instagram", retention="")
    assert [f.obj.pk for f in run("smgovernance.C009")] == [broken.pk]


def test_c010_channel_on_outdated_host():
    h.channel("facebook")
    assert run("smgovernance.C010") == []
    h.channel("twitter", profile_url="https://twitter.com/mswirtschaft")
    findings = run("smgovernance.C010")
    assert (
        ids(findings) == ["smgovernance.C010"] and "twitter.com" in findings[0].message
    )


@pytest.mark.parametrize(
    ("check_id", "label"),
    [
        ("smgovernance.C011", "smgovernance.ImprintPage"),
        ("smgovernance.C012", "smgovernance.PrivacyPage"),
        ("smgovernance.C013", "smgovernance.AlternativeContactPage"),
        ("smgovernance.C014", "smgovernance.AccessibilityStatementPage"),
    ],
)
def test_legal_page_checks(check_id, label, demo):
    """A published legal page passes; unpublished, the finding links its editor."""
    assert run(check_id) == []
    page = apps.get_model(label).objects.get()
    page.unpublish()
    findings = run(check_id)
    assert ids(findings) == [check_id] and findings[0].obj.pk == page.pk
    assert findings[0].url == f"/admin/pages/{page.pk}/edit/"
    page.delete()
    assert ids(run(check_id)) == [check_id]


def test_legal_page_checks_wait_for_their_page_types(monkeypatch):
    """A page type that is not installed is not checked."""
    monkeypatch.setattr(compliance, "installed_model", lambda label: None)
    assert run("smgovernance.C011") == []


def test_demo_has_no_error_findings(demo):
    assert [f for f in run_checks() if f.severity == Severity.ERROR] == []


def test_run_over_2000_channels_stays_within_30_queries(django_assert_max_num_queries):
    plat = h.platform()
    h.concept()
    h.evaluation()
    h.person()
    h.many_channels(2000, plat)
    with django_assert_max_num_queries(30):
        findings = run_checks()
    by_check = {}
    for f in findings:
        by_check[f.check_id] = by_check.get(f.check_id, 0) + 1
    assert by_check["smgovernance.C009"] == 2000  # retention left empty on purpose
    assert by_check["smgovernance.C005"] == 2000
    assert findings[0].severity == Severity.ERROR
