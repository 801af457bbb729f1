"""Registers the concept promises to keep: yearly evaluations (O-16) and
privacy-awareness actions (O-10). Evaluations are append-only once submitted."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from ..rules.deadlines import evaluation_interval
from .channel_profile import ChannelProfilePage


class Decision(models.TextChoices):
    CONTINUE = "continue", _("Continue")
    ADJUST = "adjust", _("Adjust")
    PAUSE = "pause", _("Let rest")
    DISCONTINUE = "discontinue", _("Discontinue")


class EvaluationRecord(ClusterableModel):
    """One yearly evaluation of whether and how each channel is used."""

    date = models.DateField(_("date of the evaluation"))
    evaluator = models.CharField(
        _("evaluator"), max_length=255, help_text=_("Who carried out the evaluation.")
    )
    findings = models.TextField(_("findings"))
    next_due = models.DateField(
        _("next evaluation due"),
        blank=True,
        help_text=_("Left empty: one evaluation interval after the date."),
    )
    published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_("Published evaluations appear on the usage concept page."),
    )
    submitted = models.BooleanField(
        _("submitted"),
        default=False,
        help_text=_(
            "Once submitted, the evaluation can no longer be changed or deleted. "
            "Corrections are new records."
        ),
    )
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("corrects"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("evaluator"), FieldPanel("next_due")],
            heading=_("Evaluation"),
        ),
        FieldPanel("findings"),
        InlinePanel(
            "decisions", heading=_("Decisions per channel"), label=_("Decision")
        ),
        FieldPanel("corrects"),
        FieldPanel("published"),
        FieldPanel("submitted"),
    ]

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y} – {self.evaluator}"

    def clean(self) -> None:
        if self.next_due is None and self.date:
            self.next_due = self.date + evaluation_interval()
        if self.next_due and self.date and self.next_due <= self.date:
            raise ValidationError(
                {"next_due": _("The next evaluation must be due after this one.")}
            )

    def save(self, *args, **kwargs) -> None:
        if self.next_due is None and self.date:
            self.next_due = self.date + evaluation_interval()
        super().save(*args, **kwargs)


class ChannelDecision(Orderable):
    """The evaluation's decision on one channel, with its reasons."""

    evaluation = ParentalKey(
        EvaluationRecord, on_delete=models.CASCADE, related_name="decisions"
    )
    channel = models.ForeignKey(
        ChannelProfilePage,
        verbose_name=_("channel"),
        on_delete=models.PROTECT,
        related_name="evaluation_decisions",
    )
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    reasons = models.TextField(_("reasons"))

    panels = [FieldPanel("channel"), FieldPanel("decision"), FieldPanel("reasons")]

    class Meta(Orderable.Meta):
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")


class AwarenessKind(models.TextChoices):
    POST = "post", _("Post on the channel")
    PINNED = "pinned", _("Pinned note")
    WEBSITE = "website", _("Note on the website")
    OTHER = "other", _("Other")


class AwarenessAction(models.Model):
    """A time the users were made aware of the risks to their privacy (O-10)."""

    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=AwarenessKind.choices)
    link = models.URLField(_("link"), blank=True)
    description = models.TextField(_("description"), blank=True)
    channels = models.ManyToManyField(
        ChannelProfilePage,
        verbose_name=_("channels"),
        blank=True,
        related_name="awareness_actions",
        help_text=_("The channels the action reached. None: the website."),
    )

    panels = [
        FieldPanel("date"),
        FieldPanel("kind"),
        FieldPanel("link"),
        FieldPanel("description"),
        FieldPanel("channels"),
    ]

    class Meta:
        verbose_name = _("privacy-awareness action")
        verbose_name_plural = _("privacy-awareness actions")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y} – {self.get_kind_display()}"
