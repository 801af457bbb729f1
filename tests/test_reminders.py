"""manage.py smgovernance_remind: mails only when the evaluation is due or overdue."""

import io

import pytest
from django.core import mail
from django.core.management import call_command

from smgovernance.models import UsageConceptPage
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
