"""Feedback sent through the accessibility statement's form (O-23)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..rules.feedback import FeedbackKind, feedback_answer_due
from .accessibility import AccessibilityStatementPage


class FeedbackSubmission(models.Model):
    """Feedback sent through the statement's form; it must be answered within a month."""

    page = models.ForeignKey(
        AccessibilityStatementPage,
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback_submissions",
    )
    kind = models.CharField(_("request"), max_length=10, choices=FeedbackKind.choices)
    page_url = models.CharField(_("page concerned"), max_length=500, blank=True)
    message = models.TextField(_("message"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    received_on = models.DateTimeField(_("received on"), default=timezone.now)
    answer_due = models.DateField(_("answer due"))
    answered_on = models.DateField(
        _("answered on"),
        null=True,
        blank=True,
        help_text=_("Set when the answer has been sent."),
    )

    class Meta:
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")
        ordering = ["answer_due", "received_on"]

    def __str__(self) -> str:
        received = timezone.localdate(self.received_on).strftime("%d.%m.%Y")
        return f"{self.get_kind_display()} ({received})"

    def save(self, *args, **kwargs) -> None:
        if self.answer_due is None:
            self.answer_due = feedback_answer_due(timezone.localdate(self.received_on))
        super().save(*args, **kwargs)

    @property
    def is_overdue(self) -> bool:
        return self.answered_on is None and self.answer_due < timezone.localdate()
