"""Feedback on the accessibility statement: what it asks for, and when it is due."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from .deadlines import add_one_month


class FeedbackKind(models.TextChoices):
    BARRIER = "barrier", _("Report a barrier")
    ACCESSIBLE_CONTENT = "content", _("Request content in an accessible form")


def feedback_answer_due(received_on: datetime.date) -> datetime.date:
    """Feedback must be answered within one month (BfWebG, O-23)."""
    return add_one_month(received_on)
