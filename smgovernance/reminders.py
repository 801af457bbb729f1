"""Reminder mails for the yearly evaluation (seed §6, O-16). Never unpublishes anything."""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.utils.formats import date_format
from django.utils.translation import gettext

from .compliance import concept_page, latest_evaluation, modeladmin_url, today
from .models import EvaluationRecord
from .rules.deadlines import evaluation_due


def due_date() -> datetime.date | None:
    """When the next evaluation is due; None when none was ever submitted."""
    latest = latest_evaluation()
    if latest is None:
        return None
    return evaluation_due(latest.date, latest.next_due)


def recipients() -> list[str]:
    """Owner and deputy named on the concept page, else SMGOVERNANCE_REMINDER_RECIPIENTS."""
    page = concept_page(None)
    addresses: list[str] = []
    if page is not None:
        for person in (page.evaluation_owner, page.evaluation_deputy):
            if person is not None and person.email not in addresses:
                addresses.append(person.email)
    if not addresses:
        addresses = list(getattr(settings, "SMGOVERNANCE_REMINDER_RECIPIENTS", []))
    return addresses


def send_reminder(on: datetime.date | None = None) -> int:
    """Send the reminder when the evaluation is due within the lead time or overdue.

    Returns the number of mails sent (0 or 1).
    """
    on = on or today()
    lead = datetime.timedelta(
        days=getattr(settings, "SMGOVERNANCE_REMINDER_LEAD_DAYS", 30)
    )
    due = due_date()
    if due is not None and due > on + lead:
        return 0
    to = recipients()
    if not to:
        return 0
    if due is None:
        subject = gettext("Usage concept: no evaluation recorded yet")
        state = gettext("No evaluation of the usage concept has been submitted yet.")
    elif due < on:
        subject = gettext("Usage concept: the yearly evaluation is overdue")
        state = gettext("The yearly evaluation was due on %(due)s and is overdue.") % {
            "due": date_format(due, "SHORT_DATE_FORMAT")
        }
    else:
        subject = gettext("Usage concept: the yearly evaluation is due")
        state = gettext("The yearly evaluation is due on %(due)s.") % {
            "due": date_format(due, "SHORT_DATE_FORMAT")
        }
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    body = "\n\n".join(
        [
            state,
            gettext(
                "Please evaluate whether and how each channel is used and record the "
                "result, with a decision per channel, in the evaluation register:"
            ),
            base + modeladmin_url(EvaluationRecord, "create"),
            gettext("Nothing is unpublished automatically."),
        ]
    )
    send_mail(subject, body, None, to)
    return 1
