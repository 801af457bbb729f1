"""The evaluation register: created through the admin, append-only once submitted."""

import datetime

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from smgovernance.models import EvaluationRecord
from tests import factories as h


pytestmark = pytest.mark.django_db


def evaluation_form(channel_pk: int, submitted: bool) -> dict:
    return nested_form_data(
        {
            "date": "2026-11-20",
            "evaluator": "Pressestelle",
            "findings": "Geprüft.",
            "next_due": "",
            "published": "on",
            "submitted": "on" if submitted else "",
            "corrects": "",
            "decisions": inline_formset(
                [
                    {
                        "channel": channel_pk,
                        "decision": "adjust",
                        "reasons": "Zu wenig Reichweite.",
                    }
                ]
            ),
        }
    )


def test_evaluation_is_created_through_the_admin(admin_client):
    channel = h.channel("facebook")
    response = admin_client.post(
        "/admin/smgovernance/evaluationrecord/create/",
        evaluation_form(channel.pk, True),
    )
    assert response.status_code == 302
    record = EvaluationRecord.objects.get()
    assert record.next_due == datetime.date(2027, 11, 20)
    assert record.decisions.get().get_decision_display() == "Anpassen"


def test_draft_evaluation_can_be_edited(admin_client):
    channel = h.channel("facebook")
    record = h.evaluation(submitted=False)
    response = admin_client.post(
        f"/admin/smgovernance/evaluationrecord/edit/{record.pk}/",
        evaluation_form(channel.pk, False),
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.findings == "Geprüft."


def test_submitted_evaluation_cannot_be_edited_or_deleted(admin_client):
    channel = h.channel("facebook")
    record = h.evaluation(findings="Original")
    edit_url = f"/admin/smgovernance/evaluationrecord/edit/{record.pk}/"
    response = admin_client.get(edit_url, follow=True)
    assert "kann nicht mehr geändert" in response.content.decode()
    response = admin_client.post(edit_url, evaluation_form(channel.pk, True))
    assert response.status_code == 302
    response = admin_client.post(
        f"/admin/smgovernance/evaluationrecord/delete/{record.pk}/"
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.findings == "Original"
    listing = admin_client.get("/admin/smgovernance/evaluationrecord/")
    assert f"/evaluationrecord/edit/{record.pk}/" not in listing.content.decode()


def test_a_correction_is_a_new_record(admin_client):
    channel = h.channel("facebook")
    record = h.evaluation(findings="Original")
    data = evaluation_form(channel.pk, True)
    data["corrects"] = str(record.pk)
    admin_client.post("/admin/smgovernance/evaluationrecord/create/", data)
    assert EvaluationRecord.objects.get(corrects=record).findings == "Geprüft."
