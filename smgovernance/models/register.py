"""The verification log of the official-channel register: one row per look at a profile.

Rows are only ever added: by the channel monitor (an outcome and its German reason)
or by an editor who confirmed the profile by hand (who, when, what was checked).
Saving an existing row, updating or deleting rows raises `AppendOnlyError`; the
rows go only with their channel page. The results live here and not on the page,
so that publishing an older draft of the page can never overwrite them.
"""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ..monitor.outcomes import GOOD_OUTCOMES, Outcome
from .public_channels import page_site, public_channels


class AppendOnlyError(RuntimeError):
    """The verification log is append-only: rows are never changed or deleted."""


class VerificationQuerySet(models.QuerySet):
    def update(self, **kwargs: object) -> int:
        raise AppendOnlyError("The verification log cannot be changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("The verification log cannot be deleted.")

    def automatic(self) -> "VerificationQuerySet":
        """Rows written by the monitor (not manual confirmations)."""
        return self.exclude(outcome=Outcome.CONFIRMED)


class ChannelVerification(models.Model):
    """One check of a channel's public profile, by the monitor or by hand."""

    channel = models.ForeignKey(
        "smgovernance.ChannelProfilePage",
        verbose_name=_("channel"),
        on_delete=models.CASCADE,
        related_name="verifications",
    )
    checked_at = models.DateTimeField(_("checked at"), default=timezone.now)
    outcome = models.CharField(_("result"), max_length=20, choices=Outcome.choices)
    reason = models.TextField(_("reason"), blank=True)
    profile_url = models.URLField(_("profile URL"), max_length=500, blank=True)
    checked_url = models.URLField(_("address checked"), max_length=1000, blank=True)
    http_status = models.PositiveSmallIntegerField(
        _("HTTP status"), null=True, blank=True
    )
    new_url = models.URLField(
        _("new address of the profile"), max_length=500, blank=True
    )
    request_sent = models.BooleanField(
        _("request sent"),
        default=True,
        help_text=_("False when the check ran offline or the address was refused."),
    )
    confirmed_by = models.CharField(
        _("confirmed by"),
        max_length=255,
        blank=True,
        help_text=_("Who checked the profile by hand (name at the time)."),
    )
    confirmed_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by (user)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = VerificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("channel verification")
        verbose_name_plural = _("channel verifications")
        ordering = ["-checked_at", "-pk"]
        indexes = [
            models.Index(
                fields=["channel", "-checked_at"], name="smg_verification_latest"
            )
        ]

    def __str__(self) -> str:
        return f"{self.channel_id} {self.checked_at:%Y-%m-%d %H:%M} {self.outcome}"

    def save(self, *args: object, **kwargs: object) -> None:
        if not self._state.adding:
            raise AppendOnlyError("The verification log cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("The verification log cannot be deleted.")

    @property
    def is_good(self) -> bool:
        return self.outcome in GOOD_OUTCOMES


def _latest(field: str, **filters: object) -> Subquery:
    # Offline or refused checks asked nobody: they are no verification.
    rows = ChannelVerification.objects.filter(
        channel=OuterRef("pk"), request_sent=True, **filters
    )
    return Subquery(rows.order_by("-checked_at", "-pk").values(field)[:1])


def with_verification_state(channels: models.QuerySet) -> models.QuerySet:
    """Channels annotated with their last check and last confirmation (one query).

    `last_checked_at`, `last_outcome`, `last_reason`: the latest check that asked
    the platform, or a manual confirmation; `last_good_at`: the latest verified or
    manually confirmed row; `last_confirmed_at`, `last_confirmed_by`: the latest
    manual confirmation.
    """
    return channels.annotate(
        last_checked_at=_latest("checked_at"),
        last_outcome=_latest("outcome"),
        last_reason=_latest("reason"),
        last_good_at=_latest("checked_at", outcome__in=GOOD_OUTCOMES),
        last_confirmed_at=_latest("checked_at", outcome=Outcome.CONFIRMED),
        last_confirmed_by=_latest("confirmed_by", outcome=Outcome.CONFIRMED),
    )


def official_channels(
    index: Page, request: HttpRequest | None = None
) -> models.QuerySet:
    """The official channels of the index's site: live, public, in a public stage."""
    return public_channels(index, page_site(index, request)).public()


def register_channels(index: Page, request: HttpRequest | None = None) -> list:
    """The official channels of the index's site, each with its last verification.

    The register files, the channel index's statements and its JSON-LD `sameAs`
    all list exactly these (`official_channels`).
    """
    channels = official_channels(index, request).select_related("responsible_unit")
    return list(with_verification_state(channels))


def last_good_checks(index: Page, request: HttpRequest | None = None) -> list:
    """The official channels' profile URL and `last_good_at`, nothing else: what
    the channel index shows of the register (one light query)."""
    return list(
        official_channels(index, request)
        .select_related(None)
        .only("pk", "path", "profile_url")
        .annotate(last_good_at=_latest("checked_at", outcome__in=GOOD_OUTCOMES))
    )
