"""Checks fed by the channel monitor (O-4, O-14, O-15): what the last look at each profile found.

The monitor appends one row per check to the verification log; these checks read
the latest rows of the live channels in a public stage (two queries per run,
shared through `memo`). A newer manual confirmation supersedes an automatic
failure; manual confirmations are wanted again after `verification_interval()`.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import BooleanField, Case, F, Q, Value, When, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from ..models import ChannelProfilePage
from ..models.register import ChannelVerification
from ..monitor import GOOD_OUTCOMES, Outcome
from ..rules.deadlines import verification_interval
from .helpers import page_edit_url, public_channel_list, short_date, today
from .registry import Problem, Severity, memo, register_check


def unreachable_threshold() -> int:
    """After how many unreachable checks in a row a profile is reported (default 3)."""
    return int(getattr(settings, "SMGOVERNANCE_UNREACHABLE_CHECKS", 3))


@dataclass
class ChannelState:
    """The latest rows of one channel's log, newest first, and its last good row."""

    channel: ChannelProfilePage
    rows: list[ChannelVerification] = field(default_factory=list)
    last_good: ChannelVerification | None = None

    @property
    def latest(self) -> ChannelVerification | None:
        return self.rows[0] if self.rows else None

    def unreachable_streak(self) -> int:
        streak = 0
        for row in self.rows:
            if row.outcome != Outcome.UNREACHABLE:
                break
            streak += 1
        return streak


def _newest_first(*partition: F) -> Window:
    return Window(
        RowNumber(),
        partition_by=list(partition),
        order_by=[F("checked_at").desc(), F("pk").desc()],
    )


def channel_states(site: Site | None) -> list[ChannelState]:
    """Each public channel with its newest rows and its last good row: one query.

    Offline or refused checks asked nobody and say nothing about the profile, so
    they are left out.
    """

    def load() -> list[ChannelState]:
        states = {c.pk: ChannelState(c) for c in public_channel_list(site)}
        depth = max(unreachable_threshold(), 1)
        good = Case(
            When(outcome__in=GOOD_OUTCOMES, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
        rows = (
            ChannelVerification.objects.filter(channel_id__in=states, request_sent=True)
            .annotate(
                good=good,
                rank=_newest_first(F("channel_id")),
                good_rank=_newest_first(F("channel_id"), F("good")),
            )
            .filter(Q(rank__lte=depth) | Q(good=True, good_rank=1))
            .order_by("channel_id", "rank")
        )
        for row in rows:
            state = states[row.channel_id]
            if row.rank <= depth:
                state.rows.append(row)
            if row.good and row.good_rank == 1:
                state.last_good = row
        return list(states.values())

    return memo(("channel_states", site.pk if site else None), load)


def _problem(message: str, channel: ChannelProfilePage, url: str = "") -> Problem:
    return Problem(message, channel, url or page_edit_url(channel))


@register_check(
    "smgovernance.C028",
    Severity.ERROR,
    _("The channels' profiles link to the imprint"),
    concerns=(ChannelProfilePage,),
)
def profile_without_imprint_link(site: Site | None) -> Iterator[Problem]:
    """O-4: the last check found no link to our site, or a link elsewhere."""
    for state in channel_states(site):
        row = state.latest
        if row is None or row.outcome not in (
            Outcome.LINK_MISSING,
            Outcome.POINTS_ELSEWHERE,
        ):
            continue
        channel = state.channel
        yield _problem(
            gettext(
                "“%(channel)s”: The %(platform)s profile does not link to the "
                "imprint (check of %(date)s: %(reason)s)"
            )
            % {
                "platform": channel.platform.name,
                "channel": channel.title,
                "date": short_date(timezone.localdate(row.checked_at)),
                "reason": row.reason,
            },
            channel,
        )


@register_check(
    "smgovernance.C029",
    Severity.WARNING,
    _("The channels' profiles can be reached"),
    concerns=(ChannelProfilePage,),
)
def profile_unreachable(site: Site | None) -> Iterator[Problem]:
    """The profile could not be read several times in a row."""
    threshold = unreachable_threshold()
    for state in channel_states(site):
        streak = state.unreachable_streak()
        if threshold and streak >= threshold:
            yield _problem(
                gettext(
                    "“%(channel)s”: profile unreachable for %(count)s checks "
                    "(last: %(reason)s)"
                )
                % {
                    "channel": state.channel.title,
                    "count": streak,
                    "reason": state.latest.reason,
                },
                state.channel,
            )


@register_check(
    "smgovernance.C033",
    Severity.ERROR,
    _("The channels' profiles still exist under their address"),
    concerns=(ChannelProfilePage,),
)
def profile_moved_or_gone(site: Site | None) -> Iterator[Problem]:
    """A changed handle (the profile redirects) or a deleted profile (404/410)."""
    for state in channel_states(site):
        row = state.latest
        if row is None:
            continue
        values = {
            "channel": state.channel.title,
            "url": row.new_url,
            "reason": row.reason,
        }
        if row.outcome == Outcome.HANDLE_CHANGED:
            message = gettext(
                "“%(channel)s”: the handle has changed (%(reason)s). Check the profile "
                "and correct the profile address."
            )
        elif row.outcome == Outcome.GONE:
            message = gettext(
                "“%(channel)s”: the profile no longer exists (%(reason)s). Close the "
                "channel or correct the profile address."
            )
        else:
            continue
        yield _problem(message % values, state.channel)


@register_check(
    "smgovernance.C034",
    Severity.WARNING,
    _("Mastodon has verified the link to our site"),
    concerns=(ChannelProfilePage,),
)
def profile_link_not_verified(site: Site | None) -> Iterator[Problem]:
    """O-14: the profile links to us, but Mastodon found no rel="me" link back."""
    for state in channel_states(site):
        row = state.latest
        if row is not None and row.outcome == Outcome.NO_REL_ME:
            yield _problem(
                gettext(
                    "“%(channel)s”: The %(platform)s profile links to our site, "
                    'but the link is not verified: our page lacks rel="me" '
                    "(%(reason)s)"
                )
                % {
                    "platform": state.channel.platform.name,
                    "channel": state.channel.title,
                    "reason": row.reason,
                },
                state.channel,
            )


def _verification_admin_url(channel: ChannelProfilePage) -> str:
    return reverse("smgovernance_admin:channel_verification", args=[channel.pk])


@register_check(
    "smgovernance.C035",
    Severity.WARNING,
    _("Profiles that cannot be checked automatically are confirmed by hand yearly"),
    concerns=(ChannelProfilePage,),
)
def manual_confirmation_due(site: Site | None) -> Iterator[Problem]:
    """O-4: where the monitor cannot see the imprint link, a person confirms it yearly."""
    since = today() - verification_interval()
    for state in channel_states(site):
        row = state.latest
        if row is None or row.outcome not in (
            Outcome.NOT_CHECKABLE,
            Outcome.UNREACHABLE,
            Outcome.CONFIRMED,
        ):
            continue
        good = state.last_good
        good_on = timezone.localdate(good.checked_at) if good is not None else None
        if good_on is not None and good_on >= since:
            continue
        if row.outcome == Outcome.UNREACHABLE and good is None:
            continue  # C029 reports an unreachable profile
        channel = state.channel
        if good is not None and good.outcome == Outcome.CONFIRMED:
            message = gettext(
                "“%(channel)s”: manual confirmation older than a year (last on "
                "%(date)s by %(name)s). Check the profile and confirm it again."
            ) % {
                "channel": channel.title,
                "date": short_date(good_on),
                "name": good.confirmed_by,
            }
        elif good is not None:
            message = gettext(
                "“%(channel)s”: the imprint link was last seen on %(date)s. Check "
                "the profile and confirm it by hand."
            ) % {"channel": channel.title, "date": short_date(good_on)}
        else:
            message = gettext(
                "“%(channel)s” cannot be checked automatically: check the profile "
                "and confirm the imprint link by hand."
            ) % {"channel": channel.title}
        yield _problem(message, channel, _verification_admin_url(channel))
