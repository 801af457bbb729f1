"""The evaluation register: created through the admin, append-only once submitted."""

import datetime

import pytest
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from smgovernance.models import ChannelProfilePage, EvaluationRecord
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


# --- Who may submit and publish (issue 13, item 3) ---------------------------------


def group_member(name: str):
    """A staff user in one of the demo's editor groups (built by `load_demo`)."""
    user = h.editor(username=name.lower()[:10])
    user.groups.add(Group.objects.get(name=name))
    return user


@pytest.mark.parametrize(
    ("group", "may_submit"), [("Pressestelle", True), ("Wirtschaftsförderung", False)]
)
def test_only_who_may_publish_the_concept_submits_or_publishes(
    client, demo, group, may_submit
):
    client.force_login(group_member(group))
    channel = ChannelProfilePage.objects.get(slug="facebook")
    before = set(EvaluationRecord.objects.values_list("pk", flat=True))
    create_url = "/admin/smgovernance/evaluationrecord/create/"
    form = h.soup(client.get(create_url))
    for name in ("submitted", "published"):
        assert (form.find("input", {"name": name}).has_attr("disabled")) is (
            not may_submit
        )
    response = client.post(create_url, evaluation_form(channel.pk, True))
    assert response.status_code == 302
    record = EvaluationRecord.objects.exclude(pk__in=before).get()
    assert record.submitted is may_submit
    assert record.published is may_submit
    concept = client.get("/nutzungskonzept/").content.decode()
    assert (f'id="evaluation-{record.pk}"' in concept) is may_submit

    # Editing the draft with the boxes ticked does not submit it either.
    if not may_submit:
        response = client.post(
            f"/admin/smgovernance/evaluationrecord/edit/{record.pk}/",
            evaluation_form(channel.pk, True),
        )
        assert response.status_code == 302
        record.refresh_from_db()
        assert (record.submitted, record.published) == (False, False)
        assert record.findings == "Geprüft."


def test_drafts_wait_on_the_dashboard_of_who_may_submit_them(client, demo):
    draft = h.evaluation(submitted=False, published=False, findings="Entwurf")
    edit_url = f"/admin/smgovernance/evaluationrecord/edit/{draft.pk}/"
    client.force_login(group_member("Pressestelle"))
    panel = h.soup(client.get("/admin/")).find(
        id="smgovernance-evaluation-drafts-section"
    )
    assert panel is not None
    assert "wartet auf Prüfung" in panel.get_text()
    assert panel.find("a", href=edit_url)
    client.force_login(group_member("Wirtschaftsförderung"))
    dashboard = h.soup(client.get("/admin/"))
    assert dashboard.find(id="smgovernance-evaluation-drafts-section") is None
