"""Feedback on the accessibility statement: what it asks for, and when it is due."""

import datetime

from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from .deadlines import add_one_month


class FeedbackKind(models.TextChoices):
    BARRIER = "barrier", _("Report a barrier")
    ACCESSIBLE_CONTENT = "content", _("Request content in an accessible form")


def feedback_answer_due(received_on: datetime.date) -> datetime.date:
    """Feedback must be answered within one month (BfWebG, O-23)."""
    return add_one_month(received_on)


# The same text from the same client within this time is stored only once.
DUPLICATE_WINDOW = datetime.timedelta(hours=1)
# Per client: at most this many feedback POSTs (django-ratelimit's rate syntax).
DEFAULT_RATE = "5/10m"
# A spreadsheet reads a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def client_text_hash(client: str, text: str) -> str:
    """A keyed hash of the client's address and the text: recognises a resubmission
    without storing the address or a hash that could be reversed by trying addresses."""
    normalised = " ".join(text.split())
    return salted_hmac(
        "smgovernance.feedback", f"{client}\n{normalised}", algorithm="sha256"
    ).hexdigest()


def spreadsheet_safe(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula, prefixed with `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
