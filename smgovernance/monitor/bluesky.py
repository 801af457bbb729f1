"""Bluesky: resolve the handle to its DID and read the profile, through the public API.

Bluesky accounts are identified by a DID; the handle is a domain name that points
to it. When the handle is on our own domain, our site serves the DID at
`/.well-known/atproto-did` (from the channel's `bluesky_did`) and that alone proves
the account is ours. Otherwise the profile's description must link to our site.

The API host (`public.api.bsky.app`, Bluesky's public AppView) is the only host
this verifier asks besides the platform's profile hosts; like them it can be
rerouted through ``SMGOVERNANCE_PLATFORM_ORIGINS``.
"""

import json
import re
from urllib.parse import quote, urlsplit

from django.utils.translation import gettext

from .fetch import FetchError, fetch
from .outcomes import Outcome, Result, Target, is_own_host, is_own_url
from .transport import transport_failure


API_HOST = "public.api.bsky.app"
API_MAX_BYTES = 256 * 1024
DID_PATTERN = re.compile(r"^did:(plc:[a-z2-7]{24}|web:[a-z0-9.:%-]+)$")


def bluesky_handle(target: Target) -> str:
    """The handle without "@", from the channel or its profile URL (bsky.app/profile/x)."""
    handle = (target.handle or "").strip().lstrip("@").lower()
    if handle:
        return handle
    match = re.match(r"^/profile/([^/]+)", urlsplit(target.profile_url).path)
    return match.group(1).lower() if match else ""


def _api(target: Target, method: str, **params: str) -> tuple[int, dict, str]:
    query = "&".join(f"{key}={quote(value)}" for key, value in params.items())
    url = f"https://{API_HOST}/xrpc/{method}?{query}"
    response = fetch(
        url,
        [API_HOST, *target.platform_hosts],
        user_agent=target.user_agent,
        accept="application/json",
        max_bytes=API_MAX_BYTES,
    )
    try:
        data = json.loads(response.body)
    except ValueError:
        data = {}
    return response.status, data if isinstance(data, dict) else {}, url


def verify_bluesky(target: Target) -> Result:
    handle = bluesky_handle(target)
    if not handle:
        return Result(
            Outcome.LINK_MISSING,
            gettext("The channel names no Bluesky handle."),
        )
    did = target.did.strip()
    try:
        if did:
            status, profile, url = _api(target, "app.bsky.actor.getProfile", actor=did)
            if status != 200:
                return _not_found(status, url, did)
            current = str(profile.get("handle") or "").lower()
            if current and current != handle:
                return Result(
                    Outcome.HANDLE_CHANGED,
                    gettext("The account %(did)s is now called %(handle)s.")
                    % {"did": did, "handle": current},
                    url,
                    status,
                    new_url=f"https://bsky.app/profile/{current}",
                )
        status, resolved, url = _api(
            target, "com.atproto.identity.resolveHandle", handle=handle
        )
        if status != 200 or not resolved.get("did"):
            return _not_found(status, url, handle)
        if did and resolved["did"] != did:
            return Result(
                Outcome.POINTS_ELSEWHERE,
                gettext(
                    "The handle %(handle)s now belongs to another account "
                    "(%(other)s, not %(did)s)."
                )
                % {"handle": handle, "other": resolved["did"], "did": did},
                url,
                status,
            )
        if not did:
            status, profile, url = _api(
                target, "app.bsky.actor.getProfile", actor=resolved["did"]
            )
            if status != 200:
                return _not_found(status, url, handle)
    except FetchError as error:
        return transport_failure(error, error.detail)
    if is_own_host(handle, target.own_hosts):
        return Result(
            Outcome.VERIFIED,
            gettext("The handle %(handle)s is on our own domain.") % {"handle": handle},
            url,
            status,
        )
    description = str(profile.get("description") or "")
    links = tuple(re.findall(r"(?:https?://)?[\w.-]+\.[a-z]{2,}[^\s]*", description))
    if any(is_own_url(_with_scheme(link), target.own_hosts) for link in links):
        return Result(
            Outcome.VERIFIED,
            gettext("The profile description links to our site."),
            url,
            status,
            links=links,
        )
    if links:
        return Result(
            Outcome.POINTS_ELSEWHERE,
            gettext("The profile description links to %(links)s, not to our site.")
            % {"links": ", ".join(links)},
            url,
            status,
            links=links,
        )
    return Result(
        Outcome.LINK_MISSING,
        gettext("The profile description does not link to our site (imprint)."),
        url,
        status,
    )


def _with_scheme(link: str) -> str:
    return (
        link if link.lower().startswith(("http://", "https://")) else f"https://{link}"
    )


def _not_found(status: int, url: str, name: str) -> Result:
    if status in (400, 404, 410):
        return Result(
            Outcome.GONE,
            gettext("Bluesky cannot find %(name)s (HTTP %(status)s).")
            % {"name": name, "status": status},
            url,
            status,
        )
    return Result(
        Outcome.UNREACHABLE,
        gettext("Bluesky answered with HTTP %(status)s.") % {"status": status},
        url,
        status,
    )


def is_did(value: str) -> bool:
    """A did:plc or did:web identifier, as the channel's DID field accepts."""
    return bool(DID_PATTERN.match(value or ""))
