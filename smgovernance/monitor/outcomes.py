"""What one verification of a profile found: the outcome and its German reason."""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..rules.hosts import url_host


class Outcome(models.TextChoices):
    """The result of one check of a channel's profile (stored in the verification log)."""

    VERIFIED = "verified", _("Verified")
    LINK_MISSING = "link_missing", _("Link to our site missing")
    POINTS_ELSEWHERE = "points_elsewhere", _("Link points elsewhere")
    NO_REL_ME = "no_rel_me", _('Our page lacks rel="me"')
    UNREACHABLE = "unreachable", _("Unreachable")
    HANDLE_CHANGED = "handle_changed", _("Handle changed")
    GONE = "gone", _("Profile gone")
    NOT_CHECKABLE = "not_checkable", _("Not automatically checkable")
    CONFIRMED = "confirmed", _("Confirmed manually")


# Outcomes that show the profile is ours and links to us.
GOOD_OUTCOMES = (Outcome.VERIFIED, Outcome.CONFIRMED)


@dataclass(frozen=True)
class Target:
    """Everything a verifier needs to know about a channel (no model instances)."""

    kind: str  # "mastodon" | "bluesky" | "html" (see `verifier_kind`)
    platform_name: str
    profile_url: str
    handle: str
    platform_hosts: tuple[str, ...]
    own_hosts: tuple[str, ...]  # the hosts of our site
    user_agent: str
    did: str = ""


@dataclass(frozen=True)
class Result:
    """One verification: outcome, reason (German), and what was looked at."""

    outcome: str
    reason: str
    checked_url: str = ""
    status: int | None = None
    new_url: str = ""  # where the profile moved to (handle changed)
    links: tuple[str, ...] = field(default=())
    request_sent: bool = True  # False: refused or offline, nothing was asked


def _bare(host: str) -> str:
    return host[4:] if host.startswith("www.") else host


def is_own_host(host: str, own_hosts: tuple[str, ...] | list[str]) -> bool:
    """Whether `host` is one of our site's hosts (with or without "www.")."""
    host = _bare((host or "").lower().rstrip("."))
    return bool(host) and any(
        host == _bare(own) or host.endswith("." + _bare(own)) for own in own_hosts
    )


def is_own_url(url: str, own_hosts: tuple[str, ...] | list[str]) -> bool:
    return url.lower().startswith(("http://", "https://")) and is_own_host(
        url_host(url), own_hosts
    )


def verifier_kind(slug: str, is_federated: bool) -> str:
    """Which verifier fits a platform: federated (Mastodon) API, Bluesky, or HTML."""
    if is_federated or slug.lower() in ("mastodon", "fediverse"):
        return "mastodon"
    if slug.lower() == "bluesky":
        return "bluesky"
    return "html"
