"""Archives and the handover log: a channel's posts are records that are offered to
the responsible archive (Saxony: § 5 Abs. 1 SächsArchivG names "Beiträge in den
Sozialen Medien"; § 13 Abs. 4 for the county archives)."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .sites import SiteScopedModel


class ArchiveRecord(SiteScopedModel):
    """An archive that records are offered to, with its contact."""

    name = models.CharField(_("name"), max_length=255)
    address = models.TextField(
        _("address"), help_text=_("Street, postcode and town of the archive.")
    )
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("contact phone"), max_length=50, blank=True)

    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
    ]

    class Meta:
        verbose_name = _("archive")
        verbose_name_plural = _("archives")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "name"], name="smgovernance_archive_name_per_site"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ChannelArchiveFields(models.Model):
    """A channel's archive: who receives its posts, and how often (in the channel)."""

    responsible_archive = models.ForeignKey(
        ArchiveRecord,
        verbose_name=_("responsible archive"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="channels",
        help_text=_("The archive the channel's posts are offered to."),
    )
    archive_offer_interval_months = models.PositiveSmallIntegerField(
        _("offer interval (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "How often the posts are offered to the archive, as agreed with it. "
            "Empty: the default interval (usually 12 months)."
        ),
    )

    class Meta:
        abstract = True


class HandoverForm(models.TextChoices):
    EXPORT = "export", _("Export file of the platform")
    WARC = "warc", _("Web archive (WARC)")
    PRINTOUT = "printout", _("Printout")
    OTHER = "other", _("Other")


class ArchiveHandover(Orderable):
    """One offer of a channel's records to its archive: what, when, how, by whom."""

    page = ParentalKey(
        "smgovernance.ChannelProfilePage",
        on_delete=models.CASCADE,
        related_name="archive_handovers",
    )
    handed_over_on = models.DateField(_("handed over on"))
    period_from = models.DateField(_("period from"))
    period_to = models.DateField(
        _("period to"), help_text=_("The last day whose posts the handover contains.")
    )
    form = models.CharField(
        _("form"),
        max_length=20,
        choices=HandoverForm.choices,
        default=HandoverForm.EXPORT,
    )
    reference = models.CharField(
        _("reference number"),
        max_length=100,
        blank=True,
        help_text=_("The archive's or your file reference, if there is one."),
    )
    handed_over_by = models.CharField(
        _("handed over by"), max_length=255, help_text=_("Name or unit.")
    )

    panels = [
        FieldRowPanel(
            [
                FieldPanel("handed_over_on"),
                FieldPanel("period_from"),
                FieldPanel("period_to"),
            ]
        ),
        FieldRowPanel([FieldPanel("form"), FieldPanel("reference")]),
        FieldPanel("handed_over_by"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("archive handover")
        verbose_name_plural = _("archive handovers")

    def __str__(self) -> str:
        return f"{self.handed_over_on:%d.%m.%Y} – {self.get_form_display()}"

    def clean(self) -> None:
        errors = {}
        if self.period_from and self.period_to and self.period_to < self.period_from:
            errors["period_to"] = _("The period must end on or after its first day.")
        elif (
            self.period_to
            and self.handed_over_on
            and self.period_to > self.handed_over_on
        ):
            errors["period_to"] = _(
                "A handover cannot contain posts after the day it was made."
            )
        if errors:
            raise ValidationError(errors)


def with_last_handover(channels: models.QuerySet) -> models.QuerySet:
    """Channels annotated with `last_handover_on` and `last_handover_to` (no extra query)."""
    latest = ArchiveHandover.objects.filter(page=models.OuterRef("pk")).order_by(
        "-handed_over_on", "-pk"
    )
    return channels.annotate(
        last_handover_on=models.Subquery(latest.values("handed_over_on")[:1]),
        last_handover_to=models.Subquery(latest.values("period_to")[:1]),
    )
