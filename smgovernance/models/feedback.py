"""Feedback sent through the accessibility statement's form (O-23), and the
e-mails it causes: the statement's contact hears of new feedback at once."""

from django.core.mail import send_mail
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..rules.feedback import DUPLICATE_WINDOW, FeedbackKind, feedback_answer_due


class FeedbackSubmission(models.Model):
    """Feedback sent through the statement's form; it must be answered within a month."""

    # No page shows submissions: storing one never purges the public page cache.
    purges_page_cache = False

    # By label: the statement page's module imports this one for its serve().
    page = models.ForeignKey(
        "smgovernance.AccessibilityStatementPage",
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
    # `rules.feedback.client_text_hash`: recognises the same text from the same
    # client; neither the address nor the plain text is in it.
    client_hash = models.CharField(
        max_length=64, blank=True, editable=False, db_index=True
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

    @classmethod
    def is_repeat(cls, client_hash: str) -> bool:
        """Whether the same client sent the same text within the last hour."""
        return cls.objects.filter(
            client_hash=client_hash,
            received_on__gte=timezone.now() - DUPLICATE_WINDOW,
        ).exists()

    def notify(self, recipient: str, admin_url: str) -> None:
        """Tell the statement's contact of this feedback at once.

        Only what is needed to act: the kind of request, the dates and the admin
        link; the message and the sender's details stay in the admin.
        """
        due = formats.date_format(self.answer_due, "DATE_FORMAT")
        received = formats.date_format(
            timezone.localtime(self.received_on), "DATETIME_FORMAT"
        )
        send_mail(
            gettext("New accessibility feedback: answer by %(due)s") % {"due": due},
            gettext(
                "New feedback has come in through the form of the accessibility "
                "statement.\n\n"
                "Request: %(kind)s\n"
                "Received: %(received)s\n"
                "Answer due by: %(due)s\n\n"
                "Read and answer it in the admin:\n%(url)s\n"
            )
            % {
                "kind": self.get_kind_display(),
                "received": received,
                "due": due,
                "url": admin_url,
            },
            None,
            [recipient],
        )
