"""Mastodon and other fediverse servers: the public account lookup API.

`GET https://<instance>/api/v1/accounts/lookup?acct=<name>` returns the account
with its profile fields. Mastodon itself checks each field that links to a web
page: when that page links back to the profile with `rel="me"`, the field gets a
`verified_at` date. So a field that links to our site and carries `verified_at`
is the proof we look for; otherwise the result says which part is missing.
"""

import json
import re
from urllib.parse import quote, urlsplit

from bs4 import BeautifulSoup
from django.utils.translation import gettext

from ..rules.hosts import url_host
from .fetch import FetchError, fetch
from .outcomes import Outcome, Result, Target, is_own_url
from .transport import transport_failure


API_MAX_BYTES = 256 * 1024


def account_name(target: Target) -> str:
    """The local account name from the handle (@name@host, @name) or the profile URL."""
    handle = (target.handle or "").strip().lstrip("@")
    if handle:
        return handle.split("@", 1)[0]
    path = urlsplit(target.profile_url).path.strip("/")
    match = re.match(r"^(?:@|users/)([^/]+)", path)
    return match.group(1) if match else ""


def field_links(account: dict) -> list[tuple[str, bool]]:
    """(href, verified) of every link in the account's profile fields."""
    links: list[tuple[str, bool]] = []
    for item in account.get("fields") or []:
        if not isinstance(item, dict):
            continue
        verified = bool(item.get("verified_at"))
        soup = BeautifulSoup(str(item.get("value") or ""), "html.parser")
        hrefs = [a.get("href", "") for a in soup.find_all("a") if a.get("href")]
        text = soup.get_text(" ")
        hrefs += re.findall(r"https?://[^\s<>\"']+", text) if not hrefs else []
        links.extend((href, verified) for href in hrefs)
    return links


def _same_profile(a: str, b: str) -> bool:
    def norm(url: str) -> str:
        parts = urlsplit(url.strip())
        return f"{url_host(url)}{parts.path.rstrip('/')}".lower()

    return norm(a) == norm(b)


def verify_mastodon(target: Target) -> Result:
    host = url_host(target.profile_url)
    name = account_name(target)
    if not host or not name:
        return Result(
            Outcome.LINK_MISSING,
            gettext("The profile address names no account on a Mastodon server."),
        )
    url = f"https://{host}/api/v1/accounts/lookup?acct={quote(name)}"
    try:
        response = fetch(
            url,
            [host],
            user_agent=target.user_agent,
            accept="application/json",
            max_bytes=API_MAX_BYTES,
        )
    except FetchError as error:
        return transport_failure(error, url)
    if response.status in (404, 410):
        return Result(
            Outcome.GONE,
            gettext(
                "The server %(host)s knows no account “%(name)s” (HTTP %(status)s)."
            )
            % {"host": host, "name": name, "status": response.status},
            url,
            response.status,
        )
    if response.status != 200:
        return Result(
            Outcome.UNREACHABLE,
            gettext("The server %(host)s answered with HTTP %(status)s.")
            % {"host": host, "status": response.status},
            url,
            response.status,
        )
    try:
        account = json.loads(response.body)
        if not isinstance(account, dict):
            raise ValueError("not an object")
    except ValueError:
        return Result(
            Outcome.UNREACHABLE,
            gettext("The server %(host)s sent no readable account data.")
            % {"host": host},
            url,
            response.status,
        )
    moved = account.get("moved")
    if isinstance(moved, dict) and moved.get("url"):
        return Result(
            Outcome.HANDLE_CHANGED,
            gettext("The account has moved to %(url)s.") % {"url": moved["url"]},
            url,
            response.status,
            new_url=str(moved["url"]),
        )
    account_url = str(account.get("url") or "")
    if account_url and not _same_profile(account_url, target.profile_url):
        return Result(
            Outcome.HANDLE_CHANGED,
            gettext("The account's address is now %(url)s.") % {"url": account_url},
            url,
            response.status,
            new_url=account_url,
        )
    links = field_links(account)
    ours = [
        (href, verified)
        for href, verified in links
        if is_own_url(href, target.own_hosts)
    ]
    all_links = tuple(href for href, _verified in links)
    if any(verified for _href, verified in ours):
        href = next(href for href, verified in ours if verified)
        return Result(
            Outcome.VERIFIED,
            gettext("A profile field links to %(url)s and Mastodon has verified it.")
            % {"url": href},
            url,
            response.status,
            links=all_links,
        )
    if ours:
        return Result(
            Outcome.NO_REL_ME,
            gettext(
                "A profile field links to %(url)s, but Mastodon has not verified it: "
                'the linked page must link back to the profile with rel="me".'
            )
            % {"url": ours[0][0]},
            url,
            response.status,
            links=all_links,
        )
    if links:
        return Result(
            Outcome.POINTS_ELSEWHERE,
            gettext("The profile fields link to %(links)s, not to our site.")
            % {"links": ", ".join(all_links)},
            url,
            response.status,
            links=all_links,
        )
    return Result(
        Outcome.LINK_MISSING,
        gettext("No profile field links to our site (imprint)."),
        url,
        response.status,
    )
