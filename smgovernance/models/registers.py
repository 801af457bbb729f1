"""Registers the concept promises to keep: yearly evaluations (O-16) and
privacy-awareness actions (O-10).

Evaluations are append-only once submitted, at the model layer: `save()` and
`delete()` of a submitted record raise `SubmittedEvaluationError`, and the
queryset's `update()` and `delete()` refuse to touch submitted rows. A mistake is
corrected by a new record whose `corrects` points to the old one; a chain of
corrections never loops back.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable

from ..rules.deadlines import evaluation_interval
from .channel_profile import ChannelProfilePage
from .sites import SiteScopedModel, SiteScopedQuerySet


class Decision(models.TextChoices):
    CONTINUE = "continue", _("Continue")
    ADJUST = "adjust", _("Adjust")
    PAUSE = "pause", _("Let rest")
    DISCONTINUE = "discontinue", _("Discontinue")


# Set once by the dossier feature through `EvaluationRecord.attach_dossier()`.
DOSSIER_FIELDS = ("dossier", "dossier_sha256", "dossier_size")


class SubmittedEvaluationError(ValidationError):
    """A submitted evaluation (or its decisions) was to be changed or deleted."""

    def __init__(self) -> None:
        super().__init__(
            gettext(
                "This evaluation has been submitted and can no longer be changed "
                "or deleted. Record a correction as a new evaluation instead."
            ),
            code="submitted",
        )


class EvaluationQuerySet(SiteScopedQuerySet):
    """`update()` and `delete()` refuse querysets that contain a submitted record."""

    def refuse_submitted(self) -> None:
        if self.filter(submitted=True).exists():
            raise SubmittedEvaluationError()

    def update(self, **kwargs: object) -> int:
        self.refuse_submitted()
        return super().update(**kwargs)

    update.queryset_only = True

    def delete(self) -> tuple[int, dict[str, int]]:
        self.refuse_submitted()
        return super().delete()

    delete.queryset_only = True

    def _update_unguarded(self, **kwargs: object) -> int:
        """For `attach_dossier` only: writes past the guard."""
        return super().update(**kwargs)


class EvaluationRecord(SiteScopedModel, ClusterableModel):
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
    # The dossier (PDF/A) produced when the evaluation is submitted: set once, never
    # replaced; the hash and size let `smgovernance_dossier --verify` detect changes.
    dossier = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("dossier"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    dossier_sha256 = models.CharField(
        _("SHA-256 of the dossier"), max_length=64, blank=True, editable=False
    )
    dossier_size = models.PositiveBigIntegerField(
        _("size of the dossier (bytes)"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = EvaluationQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("site"),
                FieldPanel("date"),
                FieldPanel("evaluator"),
                FieldPanel("next_due"),
            ],
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
        # Related managers and the delete collector use the guarded queryset too.
        base_manager_name = "objects"

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y} – {self.evaluator}"

    def clean(self) -> None:
        if self.next_due is None and self.date:
            self.next_due = self.date + evaluation_interval()
        if self.next_due and self.date and self.next_due <= self.date:
            raise ValidationError(
                {"next_due": _("The next evaluation must be due after this one.")}
            )
        self.refuse_correction_cycle()

    def refuse_correction_cycle(self) -> None:
        """A correction chain must end: no record corrects itself, directly or not."""
        if self.pk is None or self.corrects_id is None:
            return
        seen = set()
        current = self.corrects_id
        while current is not None and current not in seen:
            if current == self.pk:
                raise ValidationError(
                    {
                        "corrects": _(
                            "An evaluation cannot correct itself or one of its own "
                            "corrections. Choose the evaluation this one corrects."
                        )
                    }
                )
            seen.add(current)
            current = (
                EvaluationRecord.objects.filter(pk=current)
                .values_list("corrects_id", flat=True)
                .first()
            )

    def is_stored_as_submitted(self) -> bool:
        """Whether the database holds this record as submitted (whatever `self` says)."""
        return (
            self.pk is not None
            and EvaluationRecord.objects.filter(pk=self.pk, submitted=True).exists()
        )

    def refuse_dossier_change(self) -> None:
        """The dossier, its hash and size are recorded once: no save replaces them."""
        stored = (
            type(self)
            .objects.filter(pk=self.pk, dossier__isnull=False)
            .values_list(*DOSSIER_FIELDS)
            .first()
        )
        if stored and stored != (
            self.dossier_id,
            self.dossier_sha256,
            self.dossier_size,
        ):
            raise SubmittedEvaluationError()

    @property
    def dossier_kilobytes(self) -> int | None:
        """The dossier's size in kB, as a link states it (at least 1)."""
        if self.dossier_size is None:
            return None
        return max(1, round(self.dossier_size / 1000))

    def save(self, *args, **kwargs) -> None:
        if self.is_stored_as_submitted():
            raise SubmittedEvaluationError()
        self.refuse_correction_cycle()
        if self.pk is not None:
            self.refuse_dossier_change()
        if self.next_due is None and self.date:
            self.next_due = self.date + evaluation_interval()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs) -> tuple[int, dict[str, int]]:
        if self.is_stored_as_submitted():
            raise SubmittedEvaluationError()
        return super().delete(*args, **kwargs)

    def attach_dossier(self, document: models.Model, sha256: str, size: int) -> None:
        """Record the evaluation's dossier: the one write allowed on a submitted record.

        Writes only `dossier`, `dossier_sha256` and `dossier_size`, and only while all
        three are still empty in the database; otherwise it raises
        `SubmittedEvaluationError` and changes nothing. Nothing else of the record
        changes (not even `updated_at`). The instance is updated to match.
        """
        values = dict(zip(DOSSIER_FIELDS, (document, sha256, size), strict=True))
        written = EvaluationRecord.objects.filter(
            pk=self.pk, dossier__isnull=True, dossier_sha256="", dossier_size=None
        )._update_unguarded(**values)
        if written != 1:
            raise SubmittedEvaluationError()
        for name, value in values.items():
            setattr(self, name, value)


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

    def refuse_if_submitted(self) -> None:
        """A submitted evaluation's stored decisions are part of it: append-only too.

        New decisions are let through: they are written right after a record that
        is created as submitted. So is saving a decision unchanged, which the
        editor's form does for every row when a draft is submitted.
        """
        if (
            self.pk is not None
            and EvaluationRecord.objects.filter(
                pk=self.evaluation_id, submitted=True
            ).exists()
            and not self.is_stored_unchanged()
        ):
            raise SubmittedEvaluationError()

    def is_stored_unchanged(self) -> bool:
        """Whether the database holds this decision with exactly these values."""
        names = [f.attname for f in self._meta.concrete_fields]
        stored = type(self).objects.filter(pk=self.pk).values(*names).first()
        return stored == {name: getattr(self, name) for name in names}

    def save(self, *args, **kwargs) -> None:
        self.refuse_if_submitted()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs) -> tuple[int, dict[str, int]]:
        self.refuse_if_submitted()
        return super().delete(*args, **kwargs)


class AwarenessKind(models.TextChoices):
    POST = "post", _("Post on the channel")
    PINNED = "pinned", _("Pinned note")
    WEBSITE = "website", _("Note on the website")
    OTHER = "other", _("Other")


class AwarenessAction(SiteScopedModel):
    """A time the users were made aware of the risks to their privacy (O-10)."""

    # A record for the admin and the checks; no public page shows it.
    purges_page_cache = False

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
        FieldPanel("site"),
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
