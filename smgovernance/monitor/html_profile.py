"""Platforms that block automated reading (Facebook, X, Vimeo): one look at the page.

The public profile page is fetched once. When it shows a link to our site, the
profile is verified; when it is gone (404/410) or redirects to another profile,
the result says so. Everything else (a login wall, an app shell without content,
a refusal) is "not automatically checkable": an editor confirms by hand.
"""

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from django.utils.translation import gettext

from ..rules.hosts import url_host
from .fetch import FetchError, fetch
from .outcomes import Outcome, Result, Target, is_own_url
from .transport import transport_failure


# Paths a platform redirects to instead of showing a profile to a stranger.
LOGIN_PATHS = re.compile(
    r"^/(login|i/flow/login|checkpoint|accounts/login|log_in)\b", re.I
)
URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'\\]+")


def page_links(html: str) -> tuple[str, ...]:
    """Link targets of a page: hrefs and addresses written out in the text."""
    soup = BeautifulSoup(html, "html.parser")
    hrefs = [str(a.get("href")) for a in soup.find_all("a") if a.get("href")]
    return tuple(dict.fromkeys(hrefs + URL_IN_TEXT.findall(html)))


def _manual(reason: str, url: str, status: int | None = None) -> Result:
    return Result(
        Outcome.NOT_CHECKABLE,
        reason + " " + gettext("Please check the profile yourself and confirm it."),
        url,
        status,
    )


def verify_html_profile(target: Target) -> Result:
    url = target.profile_url
    hosts = list(target.platform_hosts) or [url_host(url)]
    try:
        response = fetch(url, hosts, user_agent=target.user_agent, accept="text/html")
    except FetchError as error:
        if error.kind == FetchError.OFF_HOST_REDIRECT:
            return _manual(
                gettext("%(platform)s redirects strangers to %(location)s.")
                % {"platform": target.platform_name, "location": error.location},
                url,
            )
        return transport_failure(error, url)
    if response.status in (404, 410):
        return Result(
            Outcome.GONE,
            gettext("The profile no longer exists (HTTP %(status)s).")
            % {"status": response.status},
            url,
            response.status,
        )
    if response.status != 200:
        return _manual(
            gettext("%(platform)s refused to show the profile (HTTP %(status)s).")
            % {"platform": target.platform_name, "status": response.status},
            url,
            response.status,
        )
    final_path = urlsplit(response.url).path
    if response.redirects and LOGIN_PATHS.match(final_path):
        return _manual(
            gettext("%(platform)s shows a login page instead of the profile.")
            % {"platform": target.platform_name},
            url,
            response.status,
        )
    if response.redirects and final_path.rstrip("/").lower() != (
        urlsplit(url).path.rstrip("/").lower()
    ):
        return Result(
            Outcome.HANDLE_CHANGED,
            gettext("The profile now redirects to %(url)s.") % {"url": response.url},
            url,
            response.status,
            new_url=response.url,
        )
    links = page_links(response.text())
    ours = [link for link in links if is_own_url(link, target.own_hosts)]
    if ours:
        return Result(
            Outcome.VERIFIED,
            gettext("The public profile links to %(url)s.") % {"url": ours[0]},
            url,
            response.status,
            links=tuple(ours),
        )
    return _manual(
        gettext("The link to our imprint cannot be seen on the public profile page."),
        url,
        response.status,
    )
