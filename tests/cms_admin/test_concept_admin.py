"""Where findings show up, the commands, the evaluation register and the workflow."""

import csv
import datetime
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import ManagementUtility, call_command
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from smgovernance.models import (
    ChannelIndexPage,
    EvaluationRecord,
    ImprintPage,
    Platform,
    UsageConceptPage,
)
from tests import factories as h
from tests.factories import soup


pytestmark = pytest.mark.django_db


def backdate_evaluations(days: int = 400) -> None:
    day = h.TODAY - datetime.timedelta(days=days)
    EvaluationRecord.objects.update(date=day, next_due=day + datetime.timedelta(365))


def check_command(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command("smgovernance_check", *args, stdout=out, stderr=io.StringIO())
    except SystemExit as exit_:
        return exit_.code, out.getvalue()
    return 0, out.getvalue()


# -- smgovernance_check --------------------------------------------------------


def test_check_command_exits_0_on_the_demo(demo):
    code, out = check_command()
    assert code == 0 and "Keine Befunde" in out


def test_check_command_exits_1_with_json_when_the_evaluation_is_backdated(demo):
    backdate_evaluations()
    code, out = check_command("--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data and set(data[0]) == {"check_id", "severity", "message", "object", "url"}
    overdue = next(f for f in data if f["check_id"] == "smgovernance.C002")
    assert overdue["severity"] == "error"
    assert "Evaluation ist überfällig" in overdue["message"]
    assert overdue["url"].startswith("/admin/")


def test_check_command_exits_1_when_the_concept_is_unpublished(demo):
    UsageConceptPage.objects.get().unpublish()
    code, out = check_command()
    assert code == 1 and "smgovernance.C001" in out


def test_check_command_exits_1_when_the_imprint_is_unpublished(demo):
    imprint = ImprintPage.objects.get()
    imprint.unpublish()
    code, out = check_command()
    assert code == 1
    assert "Das Impressum fehlt oder ist nicht veröffentlicht." in out
    assert f"/admin/pages/{imprint.pk}/edit/" in out


def test_check_command_links_the_register_when_the_evaluation_is_backdated(demo):
    backdate_evaluations()
    code, out = check_command()
    assert code == 1
    assert "Die jährliche Evaluation ist überfällig" in out
    assert "/admin/smgovernance/evaluationrecord/create/" in out


def test_check_command_exits_1_when_a_channel_goes_active_after_the_concept(demo):
    concept = UsageConceptPage.objects.get()
    h.channel(
        "linkedin",
        plat=Platform.objects.get(slug="linkedin"),
        profile_url="https://www.linkedin.com/company/wirtschaft-mittelsachsen",
        activated_on=concept.version_date + datetime.timedelta(days=1),
    )
    code, out = check_command()
    assert code == 1
    assert "„Linkedin“" in out and "Nutzungskonzept" in out
    assert f"/admin/pages/{concept.pk}/edit/" in out


def test_check_command_fail_on_warning(demo):
    h.person(name="Neu", verified_on=None)
    assert check_command()[0] == 0
    assert check_command("--fail-on", "warning")[0] == 1


def test_check_command_usage_error_exits_2(demo):
    with pytest.raises(SystemExit) as exit_:
        ManagementUtility(
            ["manage.py", "smgovernance_check", "--format", "xml"]
        ).execute()
    assert exit_.value.code == 2


# -- smgovernance_remind -------------------------------------------------------


def test_remind_sends_nothing_while_the_evaluation_is_not_due(demo):
    call_command("smgovernance_remind", stdout=io.StringIO())
    assert mail.outbox == []


def test_remind_mails_owner_and_deputy_when_overdue(demo):
    backdate_evaluations()
    page = UsageConceptPage.objects.get()
    call_command("smgovernance_remind", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert set(message.to) == {
        page.evaluation_owner.email,
        page.evaluation_deputy.email,
    }
    assert message.subject == "Nutzungskonzept: Die jährliche Evaluation ist überfällig"
    assert "/admin/smgovernance/evaluationrecord/create/" in message.body
    assert "Nichts wird automatisch depubliziert." in message.body
    assert UsageConceptPage.objects.get().live


def test_remind_mails_when_due_soon(demo):
    backdate_evaluations(days=350)
    call_command("smgovernance_remind", stdout=io.StringIO())
    assert (
        mail.outbox[0].subject == "Nutzungskonzept: Die jährliche Evaluation steht an"
    )


# -- evaluation register: append-only -----------------------------------------


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


# -- where findings show up ------------------------------------------------------


def test_dashboard_panel_counts_findings(admin_client, demo):
    backdate_evaluations()
    document = soup(admin_client.get("/admin/"))
    panel = document.find(id="smgovernance-compliance-content")
    counts = [a.get_text(" ", strip=True) for a in panel.select("li a")]
    assert counts == ["Fehler: 1", "Warnung: 0", "Hinweis: 0"]
    assert panel.find("a", string="Prüfbericht öffnen")["href"] == (
        "/admin/smgovernance/compliance/"
    )


def test_report_filters_and_csv(admin_client, demo):
    backdate_evaluations()
    h.person(name="Neu", verified_on=None)
    document = soup(admin_client.get("/admin/smgovernance/compliance/"))
    rows = document.select("tr.finding")
    assert {r["class"][1] for r in rows} == {"finding--error", "finding--warning"}
    assert {r.find("td").get_text(strip=True) for r in rows} == {"Fehler", "Warnung"}
    assert "Prüfbericht" in document.select_one("header").get_text(" ", strip=True)
    document = soup(
        admin_client.get("/admin/smgovernance/compliance/?severity=warning")
    )
    assert {r["class"][1] for r in document.select("tr.finding")} == {
        "finding--warning"
    }
    document = soup(
        admin_client.get("/admin/smgovernance/compliance/?check=smgovernance.C002")
    )
    assert len(document.select("tr.finding")) == 1
    response = admin_client.get("/admin/smgovernance/compliance/?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(response.content.decode())))
    assert table[0] == ["Prüfung", "Schweregrad", "Meldung", "Objekt", "Link"]
    assert {row[0] for row in table[1:]} == {"smgovernance.C002", "smgovernance.C006"}


def test_page_editor_warns_about_findings_on_that_page(admin_client):
    page = h.channel("instagram", retention="")
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    text = BeautifulSoup(response.content, "html.parser").get_text(" ")
    assert "Datenschutzhinweise des Kanals" in text
    other = h.channel("facebook")
    response = admin_client.get(f"/admin/pages/{other.pk}/edit/")
    assert "Datenschutzhinweise des Kanals" not in response.content.decode()


# -- approval workflow ------------------------------------------------------------


def user_in(group_name: str, django_user_model):
    user = django_user_model.objects.create_user("wf", "wf@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_wirtschaftsfoerderung_cannot_publish_the_concept_or_channel_index(
    client, demo, django_user_model
):
    from home.demo import workflow  # the demo seeds the groups and the workflow

    index = ChannelIndexPage.objects.get()
    workflow.build({"home": demo.root_page})  # idempotent, as load_demo runs it

    client.force_login(user_in("Wirtschaftsförderung", django_user_model))
    concept = UsageConceptPage.objects.get()
    response = client.post(
        f"/admin/pages/{concept.pk}/edit/",
        {"title": "Geändert", "slug": "nutzungskonzept", "action-publish": "1"},
    )
    assert response.status_code in (302, 403)
    assert Page.objects.get(pk=concept.pk).title == "Nutzungskonzept Social Media"

    title = index.title
    data = nested_form_data(
        {"title": "Geänderte Kanäle", "slug": "kanaele", "intro": ""}
    )
    response = client.post(
        f"/admin/pages/{index.pk}/edit/", {**data, "action-publish": "1"}
    )
    index.refresh_from_db()
    assert index.title == title  # saved as a draft at most, not published
    response = client.post(
        f"/admin/pages/{index.pk}/edit/", {**data, "action-submit": "1"}
    )
    index.refresh_from_db()
    assert index.title == title
    state = index.workflow_states.get()
    assert state.current_task_state.task.name == "Freigabe Pressestelle"


def test_workflow_covers_the_concept_page(demo):
    concept = UsageConceptPage.objects.get()
    assert concept.get_workflow().name == "Freigabe durch die Pressestelle"
    assert list(
        Group.objects.filter(name__in=["Pressestelle", "Wirtschaftsförderung"])
        .values_list("name", flat=True)
        .order_by("name")
    ) == ["Pressestelle", "Wirtschaftsförderung"]
