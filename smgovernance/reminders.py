"""Reminder mails for the yearly evaluation (seed §6, O-16). Never unpublishes anything.

Each body (Wagtail Site) is reminded on its own: its due date comes from its own
latest submitted evaluation, and the mail goes to the owner and deputy named on
its own concept page.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.utils.formats import date_format
from django.utils.translation import gettext
from wagtail.models import Site

from .compliance import concept_page, latest_evaluation, modeladmin_url, today
from .models import EvaluationRecord
from .rules.deadlines import evaluation_due


def due_date(site: Site | None = None) -> datetime.date | None:
    """When the site's next evaluation is due; None when it never submitted one."""
    latest = latest_evaluation(site)
    if latest is None:
        return None
    return evaluation_due(latest.date, latest.next_due)


def recipients(site: Site | None = None) -> list[str]:
    """Owner and deputy named on the site's concept page, else
    SMGOVERNANCE_REMINDER_RECIPIENTS."""
    page = concept_page(site)
    addresses: list[str] = []
    if page is not None:
        for person in (page.evaluation_owner, page.evaluation_deputy):
            if person is not None and person.email not in addresses:
                addresses.append(person.email)
    if not addresses:
        addresses = list(getattr(settings, "SMGOVERNANCE_REMINDER_RECIPIENTS", []))
    return addresses


def body_name(site: Site | None) -> str:
    """How a mail names the body: the site's name, else its hostname."""
    if site is None:
        return ""
    return site.site_name or site.hostname


def send_reminder(on: datetime.date | None = None, site: Site | None = None) -> int:
    """Remind every body (or only `site`) whose evaluation is due within the lead
    time or overdue, one mail each. Returns the number of mails sent."""
    on = on or today()
    if site is not None:
        bodies: list[Site | None] = [site]
    else:
        sites = Site.objects.select_related("root_page").order_by("hostname", "port")
        bodies = list(sites) or [None]
    return sum(remind_body(body, on) for body in bodies)


def remind_body(site: Site | None, on: datetime.date) -> int:
    """The reminder of one body (None: an installation without sites); 0 or 1 mails."""
    lead = datetime.timedelta(
        days=getattr(settings, "SMGOVERNANCE_REMINDER_LEAD_DAYS", 30)
    )
    due = due_date(site)
    if due is not None and due > on + lead:
        return 0
    to = recipients(site)
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
    name = body_name(site)
    about = []
    if name:
        subject = f"{subject} ({name})"
        about = [
            gettext("This reminder concerns the usage concept of %(body)s.")
            % {"body": name}
        ]
    body = "\n\n".join(
        [
            *about,
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
