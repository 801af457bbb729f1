"""manage.py smgovernance_remind: mails only when the evaluation is due or overdue,
one per body (Wagtail Site)."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.db.models import QuerySet
from wagtail.models import Page, Site

from smgovernance.concept_io import SCHEMA, import_data
from smgovernance.models import EvaluationRecord, UsageConceptPage
from smgovernance.reminders import send_reminder
from tests import factories as h
from tests.factories import backdate_evaluations


pytestmark = pytest.mark.django_db


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
    assert message.subject == (
        "Nutzungskonzept: Die jährliche Evaluation ist überfällig "
        "(Wirtschaftsregion Mittelsachsen)"
    )
    assert "Wirtschaftsregion Mittelsachsen" in message.body
    assert "/admin/smgovernance/evaluationrecord/create/" in message.body
    assert "Nichts wird automatisch depubliziert." in message.body
    assert UsageConceptPage.objects.get().live


def test_remind_mails_when_due_soon(demo):
    backdate_evaluations(days=350)
    call_command("smgovernance_remind", stdout=io.StringIO())
    assert mail.outbox[0].subject.startswith(
        "Nutzungskonzept: Die jährliche Evaluation steht an ("
    )


# -- several bodies ------------------------------------------------------------------

OVERDUE = h.TODAY - datetime.timedelta(days=400)


def second_site(hostname: str, name: str = "") -> Site:
    """Another body: its own root page below the tree root, its own hostname."""
    root = Page.get_first_root_node().add_child(
        title=name or hostname, slug=hostname.split(".")[0]
    )
    return Site.objects.create(hostname=hostname, root_page=root, site_name=name)


def concept_file(owner: str, email: str) -> dict:
    """A body's concept naming `owner` as the owner of the evaluation."""
    return {
        "schema": SCHEMA,
        "contact_points": [
            {"name": "Bürgerbüro", "phone": "0371 488 0", "email": "buero@example.net"}
        ],
        "persons": [
            {
                "name": owner,
                "function": "Leitung",
                "phone": "0371 488 1",
                "email": email,
                "contact_point": "Bürgerbüro",
            }
        ],
        "concept": {
            "slug": "nutzungskonzept",
            "title": "Nutzungskonzept",
            "version": "1.0",
            "version_date": "2026-01-05",
            "preamble": "<p>Präambel</p>",
            "task": "<p>Aufgabe</p>",
            "self_commitment": "<p>Selbstverpflichtung</p>",
            "evaluation_owner": owner,
        },
    }


@pytest.fixture
def bodies(settings) -> dict[str, Site]:
    """Three bodies: the default site (overdue), "stadt" (current evaluation) and
    "gemeinde" (no evaluation, no concept page)."""
    settings.SMGOVERNANCE_REMINDER_RECIPIENTS = ["fallback@example.org"]
    default = Site.objects.get(is_default_site=True)
    import_data(concept_file("Anna Kreis", "kreis@example.org"))
    h.evaluation(date=OVERDUE)
    stadt = second_site("stadt.example.org", "Stadt Freiberg")
    import_data(concept_file("Bernd Stadt", "stadt@example.org"), site=stadt)
    h.evaluation(site=stadt)
    gemeinde = second_site("gemeinde.example.org")
    return {"kreis": default, "stadt": stadt, "gemeinde": gemeinde}


def test_each_body_gets_its_own_reminder(bodies):
    assert send_reminder() == 2  # the Stadt evaluated this year
    by_recipient = {tuple(message.to): message for message in mail.outbox}
    assert set(by_recipient) == {("kreis@example.org",), ("fallback@example.org",)}
    kreis = by_recipient[("kreis@example.org",)]
    assert kreis.subject.startswith("Nutzungskonzept: Die jährliche Evaluation ist")
    assert kreis.subject.endswith(f"({bodies['kreis'].hostname})")
    # Named by its hostname (no site name): the body whose concept names nobody.
    gemeinde = by_recipient[("fallback@example.org",)]
    assert "gemeinde.example.org" in gemeinde.subject
    assert "gemeinde.example.org" in gemeinde.body
    assert gemeinde.subject.startswith("Nutzungskonzept: Noch keine Evaluation erfasst")


def test_a_body_is_reminded_by_its_own_latest_evaluation(bodies):
    """The default site's current evaluation does not spare the Stadt its reminder."""
    h.evaluation(site=bodies["kreis"])
    h.unlock_evaluation_log()  # time travel past the log's append-only guard
    QuerySet(EvaluationRecord).filter(site=bodies["stadt"]).update(
        date=OVERDUE, next_due=OVERDUE + datetime.timedelta(days=365)
    )
    assert send_reminder() == 2
    [stadt] = [m for m in mail.outbox if m.to == ["stadt@example.org"]]
    assert "Stadt Freiberg" in stadt.subject and "Stadt Freiberg" in stadt.body
    assert all(m.to != ["kreis@example.org"] for m in mail.outbox)


def test_remind_with_a_site_reminds_only_that_body(bodies):
    out = io.StringIO()
    call_command("smgovernance_remind", "--site", "gemeinde.example.org", stdout=out)
    assert [m.to for m in mail.outbox] == [["fallback@example.org"]]
    assert out.getvalue().startswith("1 ")
    call_command("smgovernance_remind", "--now", "--site", "stadt.example.org")
    assert len(mail.outbox) == 1  # the Stadt is not due


def test_remind_refuses_an_unknown_site(bodies):
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("smgovernance_remind", "--site", "dorf.example.org", stderr=err)
    assert exit_.value.code == 2
    assert "dorf.example.org" in err.getvalue()
    assert mail.outbox == []
