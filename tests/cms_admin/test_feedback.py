"""Citizens' accessibility feedback in the admin: overdue filter, read-only messages, retention, dashboard."""

import datetime
import io
import zoneinfo

from django.core.management import call_command
from django.utils import timezone

from smgovernance.models import (
    FeedbackKind,
    FeedbackSubmission,
)


BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def make_submission(received: datetime.date, answered: datetime.date | None = None):
    moment = datetime.datetime.combine(received, datetime.time(10), tzinfo=BERLIN)
    return FeedbackSubmission.objects.create(
        kind=FeedbackKind.BARRIER,
        message=f"Eingang {received.isoformat()}",
        received_on=moment,
        answered_on=answered,
    )


def test_admin_listing_filters_overdue_feedback(admin_client):
    today = timezone.localdate()
    overdue = make_submission(today - datetime.timedelta(days=40))
    answered = make_submission(
        today - datetime.timedelta(days=50),
        answered=today - datetime.timedelta(days=30),
    )
    open_ = make_submission(today - datetime.timedelta(days=3))
    assert overdue.answer_due < today and open_.answer_due > today
    listing = "/admin/snippets/smgovernance/feedbacksubmission/"

    response = admin_client.get(listing, {"overdue": "true"})
    assert response.status_code == 200
    shown = {obj.pk for obj in response.context["object_list"]}
    assert shown == {overdue.pk}
    assert f"/edit/{overdue.pk}/" in response.content.decode()
    assert f"/edit/{answered.pk}/" not in response.content.decode()

    response = admin_client.get(listing)
    assert {obj.pk for obj in response.context["object_list"]} == {
        overdue.pk,
        answered.pk,
        open_.pk,
    }


def test_editors_set_answered_on_but_cannot_add_or_change_the_message(admin_client):
    submission = make_submission(timezone.localdate() - datetime.timedelta(days=40))
    url = f"/admin/snippets/smgovernance/feedbacksubmission/edit/{submission.pk}/"
    response = admin_client.post(
        url, {"answered_on": "2026-11-20", "message": "geändert", "kind": "content"}
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.answered_on == datetime.date(2026, 11, 20)
    assert submission.message.startswith("Eingang")
    assert submission.kind == FeedbackKind.BARRIER
    assert not submission.is_overdue
    response = admin_client.get("/admin/snippets/smgovernance/feedbacksubmission/add/")
    assert response.status_code in (302, 403)


def test_purge_deletes_only_submissions_older_than_the_retention(db, settings):
    today = timezone.localdate()
    old = make_submission(today - datetime.timedelta(days=400))
    recent = make_submission(today - datetime.timedelta(days=300))
    out = io.StringIO()
    call_command("smgovernance_purge_feedback", stdout=out)
    assert list(FeedbackSubmission.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not FeedbackSubmission.objects.filter(pk=old.pk).exists()
    assert out.getvalue().startswith("1 ")

    settings.SMGOVERNANCE_FEEDBACK_RETENTION_DAYS = 30
    call_command("smgovernance_purge_feedback", "--dry-run", stdout=io.StringIO())
    assert FeedbackSubmission.objects.filter(pk=recent.pk).exists()
    call_command("smgovernance_purge_feedback", stdout=io.StringIO())
    assert not FeedbackSubmission.objects.exists()


def test_dashboard_lists_overdue_feedback_only_when_there_is_some(admin_client):
    assert (
        "Überfällige Rückmeldungen" not in admin_client.get("/admin/").content.decode()
    )
    today = timezone.localdate()
    overdue = make_submission(today - datetime.timedelta(days=40))
    make_submission(today - datetime.timedelta(days=2))
    body = admin_client.get("/admin/").content.decode()
    assert "Überfällige Rückmeldungen" in body
    assert f"/admin/snippets/smgovernance/feedbacksubmission/edit/{overdue.pk}/" in body
    assert "1 Rückmeldung wurde nicht innerhalb eines Monats beantwortet." in body
