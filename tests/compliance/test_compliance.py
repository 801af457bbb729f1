"""The compliance registry: every check with a passing and a failing fixture."""

import datetime
import re

import pytest
from django.apps import apps
from django.utils import translation
from wagtail.rich_text import RichText

from smgovernance.compliance import CHECKS, Severity, helpers, run_checks
from smgovernance.models import (
    AccessibilityStatementPage,
    AwarenessAction,
    AwarenessKind,
    ChannelProfilePage,
    ContentPage,
    ImprintPage,
    ImprintResponsiblePerson,
    TransferBasis,
    VideoPage,
)
from tests import factories as h


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


def test_c004_channel_activated_after_concept_version():
    page = h.concept(version_date=h.TODAY - datetime.timedelta(days=1))
    h.channel("facebook", activated_on=h.TODAY - datetime.timedelta(days=2))
    h.channel("pilot", stage="pilot", activated_on=h.TODAY)
    assert run("smgovernance.C004") == []
    h.channel("instagram", activated_on=h.TODAY)
    findings = run("smgovernance.C004")
    assert ids(findings) == ["smgovernance.C004"]
    assert "Instagram" in findings[0].message and findings[0].obj.pk == page.pk


def test_c004_reads_the_stage_history_not_the_publication_date():
    h.concept(version_date=LONG_AGO)
    channel = h.channel("facebook", activated_on=LONG_AGO - datetime.timedelta(1))
    published = ChannelProfilePage.objects.get(pk=channel.pk).first_published_at
    assert published.date() > LONG_AGO
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
    broken = h.channel("instagram")
    ChannelProfilePage.objects.filter(pk=broken.pk).update(retention="")
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
    monkeypatch.setattr(helpers, "installed_model", lambda label: None)
    assert run("smgovernance.C011") == []


def _unpublish_imprint() -> None:
    ImprintPage.objects.get().unpublish()


def _update(model, **fields):
    def change() -> None:
        model.objects.update(**fields)

    return change


def _update_channel(slug: str, **fields):
    def change() -> None:
        ChannelProfilePage.objects.filter(slug=slug).update(**fields)

    return change


def _drop_imprint_persons() -> None:
    ImprintResponsiblePerson.objects.all().delete()


def _cite_rstv() -> None:
    ImprintPage.objects.update(body="<p>Verantwortlich nach § 55 Abs. 2 RStV</p>")


def _remove_barriers() -> None:
    AccessibilityStatementPage.objects.update(known_barriers=[])


def _content_with_unknown_phone() -> None:
    page = ContentPage.objects.live().first()
    page.body = [("text", RichText("<p>Rufen Sie 0371 999999 an.</p>"))]
    page.save(update_fields=["body"])


OLD = datetime.date(2020, 1, 1)


@pytest.mark.parametrize(
    ("check_id", "severity", "break_it"),
    [
        ("smgovernance.C015", "error", _update(ImprintPage, street="")),
        ("smgovernance.C015", "error", _drop_imprint_persons),
        (
            "smgovernance.C016",
            "warning",
            _update(ImprintPage, provider_verified_on=OLD),
        ),
        (
            "smgovernance.C017",
            "error",
            _update_channel("vimeo", imprint_verified_on=None),
        ),
        (
            "smgovernance.C018",
            "warning",
            _update_channel("vimeo", imprint_verified_on=OLD),
        ),
        (
            "smgovernance.C019",
            "error",
            _update_channel("vimeo", alternative_contact_page=None),
        ),
        (
            "smgovernance.C020",
            "error",
            _update_channel("vimeo", comments_enabled=True, netiquette_page=None),
        ),
        (
            "smgovernance.C021",
            "error",
            _update_channel("vimeo", risk_assessment_on=None),
        ),
        (
            "smgovernance.C021",
            "error",
            _update_channel("vimeo", processing_record_ref=""),
        ),
        ("smgovernance.C022", "warning", _cite_rstv),
        (
            "smgovernance.C022",
            "warning",
            _update_channel("vimeo", retention="Nach TMG"),
        ),
        ("smgovernance.C023", "error", _update(VideoPage, transcript="")),
        ("smgovernance.C024", "error", _update(AccessibilityStatementPage, stand=OLD)),
        ("smgovernance.C025", "error", _remove_barriers),
        ("smgovernance.C026", "error", _update_channel("vimeo", live=False)),
        ("smgovernance.C027", "warning", _content_with_unknown_phone),
    ],
)
def test_obligation_checks_pass_on_the_demo_and_fail_when_broken(
    demo, check_id, severity, break_it
):
    assert run(check_id) == []
    break_it()
    findings = run(check_id)
    assert ids(findings) and set(ids(findings)) == {check_id}
    assert {f.severity for f in findings} == {severity}
    assert all(f.url.startswith("/admin/pages/") for f in findings)
    with translation.override("de"):
        assert all(f.message and f.message != "" for f in run(check_id))


def test_c023_only_videos_published_after_the_deadline_need_a_transcript(demo):
    VideoPage.objects.update(transcript="", publication_date=datetime.date(2019, 1, 1))
    assert run("smgovernance.C023") == []


def test_c025_a_fully_compliant_statement_needs_no_barriers(demo):
    _remove_barriers()
    AccessibilityStatementPage.objects.update(conformance_status="full")
    assert run("smgovernance.C025") == []


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


def test_run_over_the_demo_with_2000_more_channels_stays_within_30_queries(
    demo, django_assert_max_num_queries
):
    """Every check has data to read in the demo (imprint, privacy notice, concept,
    content pages, registers); the queries stay at 30 as channels grow."""
    from smgovernance.models import Platform

    h.many_channels(2000, Platform.objects.get(slug="facebook"))
    with django_assert_max_num_queries(30):
        findings = run_checks()
    assert len(by_id(findings, "smgovernance.C005")) >= 2000


def by_id(findings: list, check_id: str) -> list:
    return [f for f in findings if f.check_id == check_id]
