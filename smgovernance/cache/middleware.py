"""Full-response cache for anonymous visitors of public pages.

Why a middleware and not Django's per-site cache: public pages here must never be
served from a cache to editors, previews or anyone with a session, and every page
response carries its own headers (the video embed view, for instance, has its own
Content-Security-Policy). This middleware stores status, headers and body exactly
as the inner middlewares produced them and replays them unchanged.

Purging uses a site-wide *generation* (see `generation.py`): every key contains
the current token, and any change to published content replaces it. A single
generation is always correct, costs one cache read per request and no
bookkeeping; edits are rare compared with visits.

Query strings: a key holds only the query parameters the page declares with the
class attribute ``cache_query_params`` (default none), e.g. ``("kategorie",)`` on
the video list. Any other parameter (``?utm_source=…``, a random cache buster) is
served the plain page from the cache. The declared parameters of a path are
stored next to its page, so they are known before the page is routed.
Non-page views decorated with `cache_public` key on their whole query string.

Install (after LocaleMiddleware, before CommonMiddleware, so that CSRF, CSP and
X-Frame-Options headers are produced below it and stored with the response)::

    ("django.middleware.locale.LocaleMiddleware",)
    ("smgovernance.cache.PublicPageCacheMiddleware",)
    ("django.middleware.common.CommonMiddleware",)

With more than one application process, use a cache shared by all of them (Redis
or Django's database cache): `check --deploy` reports a per-process cache.

Settings (all optional):
- ``SMGOVERNANCE_CACHE_ENABLED`` (default ``True``)
- ``SMGOVERNANCE_CACHE_ALIAS`` (default ``"default"``)
- ``SMGOVERNANCE_CACHE_TIMEOUT`` seconds (default 600)
- ``SMGOVERNANCE_CACHE_IGNORED_COOKIES``: names of cookies that never change the
  HTML (e.g. one only read by client-side JavaScript); the CSRF cookie is always
  ignored (a page that uses it is never stored). Any other cookie bypasses the
  cache.
- ``SMGOVERNANCE_CACHE_PURGE_MODELS``: extra model labels ("app.Model") whose
  changes purge the cache, e.g. snippets of the site's own apps shown on pages.

Pages opt out with the class attribute ``smgovernance_cache = False`` (pages that
depend on the visitor); any response opts out with ``Cache-Control: private`` or
``no-store`` (Django's ``never_cache`` does that). A page that carries a CSRF
token (a form) is never stored. Non-page views opt in with `cache_public`.
"""

import functools
import hashlib
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse, QueryDict
from django.http.response import HttpResponseBase
from django.utils.cache import cc_delim_re

from .generation import (
    KEY_PREFIX,
    cache_setting,
    current_generation,
    safe_get,
    safe_set,
)


REQUEST_FLAG = "_smgovernance_cacheable"
CACHE_HEADER = "X-Cache"
# Request headers whose variation the key covers; a response varying on any other
# header is not stored.
HANDLED_VARY = {"cookie", "accept-language"}
# The declared parameters of a non-page view: its whole query string.
ALL_PARAMS = "*"


# --- marking requests as cacheable -------------------------------------------------


def mark_page_request(page: Any, request: HttpRequest, *args: Any) -> None:
    """`before_serve_page` hook: this request serves a Wagtail page that may be cached."""
    if getattr(page, "smgovernance_cache", True):
        setattr(request, REQUEST_FLAG, page)


def cache_public(view: Callable) -> Callable:
    """Decorator for non-page public views (oEmbed, embed) whose responses may be cached."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        setattr(request, REQUEST_FLAG, True)
        return view(request, *args, **kwargs)

    return wrapped


def declared_query_params(request: HttpRequest) -> tuple[str, ...] | str:
    """The query parameters that change the response of the view that answered."""
    page = getattr(request, REQUEST_FLAG, None)
    if page is True:
        return ALL_PARAMS
    return tuple(getattr(page, "cache_query_params", ()))


# --- keys ---------------------------------------------------------------------------


def ignored_cookies() -> set[str]:
    """Cookies that never change what a page shows."""
    return {settings.CSRF_COOKIE_NAME, *cache_setting("IGNORED_COOKIES", ())}


def _request_may_use_cache(request: HttpRequest) -> bool:
    """Anonymous GET/HEAD of a public URL without a session; never admin or preview."""
    if not cache_setting("ENABLED", True):
        return False
    if request.method not in ("GET", "HEAD"):
        return False
    if getattr(request, "is_preview", False) or getattr(request, "is_dummy", False):
        return False  # Wagtail previews run the middleware on a dummy request
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    ignored = ignored_cookies()
    if any(name not in ignored for name in request.COOKIES):
        return False  # a session, messages or admin cookie
    path = request.path
    return not any(
        path.startswith(prefix) for prefix in ("/admin/", "/django-admin/")
    ) and "preview" not in path.split("/")


def _path_id(request: HttpRequest) -> str | None:
    """Scheme, host, language and path: what every key of one URL shares."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # let the normal path answer with 400
    language = getattr(request, "LANGUAGE_CODE", "")
    return "|".join((request.scheme, host, language, request.path))


def filtered_query(query: QueryDict, declared: Iterable[str] | str) -> str:
    """The part of the query string that the key holds, in a canonical order."""
    if declared == ALL_PARAMS:
        items = [(name, value) for name in query for value in query.getlist(name)]
    else:
        items = [(name, value) for name in declared for value in query.getlist(name)]
    return urlencode(sorted(items))


def _key(generation: str, path_id: str, query: str, kind: str = "page") -> str:
    digest = hashlib.sha256(f"{path_id}?{query}".encode()).hexdigest()
    return f"{KEY_PREFIX}:{kind}:{generation}:{digest}"


# --- storing ------------------------------------------------------------------------


def _response_may_be_stored(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Only a complete, public, cookie-less 200 for nobody in particular."""
    if request.method != "GET" or response.status_code != 200:
        return False
    if response.streaming or response.cookies:
        return False  # also the CSRF cookie that a page with a form (re)sets
    page = getattr(request, REQUEST_FLAG, None)
    if page is None:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False  # SessionMiddleware is about to set a cookie
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get(
        "CSRF_COOKIE_USED"
    ):
        return False  # the page contains a CSRF token: a form for this visitor
    cache_control = {
        part.strip().split("=")[0].lower()
        for part in response.get("Cache-Control", "").split(",")
    }
    if cache_control & {"private", "no-store", "no-cache"}:
        return False
    vary = {v.lower() for v in cc_delim_re.split(response.get("Vary", "")) if v}
    if vary - HANDLED_VARY:
        return False
    for header in (
        "Content-Security-Policy",
        "Content-Security-Policy-Report-Only",
    ):
        if "'nonce-" in response.get(header, ""):
            return False  # a nonce must never be replayed
    # Pages behind a password or login: anonymous visitors get a form or a
    # redirect there; neither is stored, whatever hook produced it.
    return not (hasattr(page, "get_view_restrictions") and page.get_view_restrictions())


def _replay(request: HttpRequest, stored: tuple) -> HttpResponse:
    status, headers, content, session_accessed = stored
    response = HttpResponse(content, status=status, headers=dict(headers))
    response[CACHE_HEADER] = "HIT"
    session = getattr(request, "session", None)
    if session_accessed and session is not None:
        # SessionMiddleware then adds "Vary: Cookie" as it did on the miss.
        session.accessed = True
    return response


class PublicPageCacheMiddleware:
    """Serve anonymous GET/HEAD of public pages from the cache; store them on a miss.

    Every cache call is guarded: when the cache fails, the page is rendered and
    served uncached, and a warning is logged.
    """

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not _request_may_use_cache(request):
            return self.get_response(request)
        path_id = _path_id(request)
        if path_id is None:
            return self.get_response(request)
        generation = current_generation()
        if generation is None:
            return self.get_response(request)  # the cache is down: uncached
        key = None
        if not request.GET:
            key = _key(generation, path_id, "")
        else:
            declared = safe_get(_key(generation, path_id, "", kind="params"))
            if declared is not None:
                key = _key(generation, path_id, filtered_query(request.GET, declared))
        stored = safe_get(key) if key else None
        if stored is not None:
            return _replay(request, stored)
        response = self.get_response(request)
        if _response_may_be_stored(request, response):
            self._store(request, response, generation, path_id)
        return response

    def _store(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        generation: str,
        path_id: str,
    ) -> None:
        declared = declared_query_params(request)
        timeout = cache_setting("TIMEOUT", 600)
        session = getattr(request, "session", None)
        entry = (
            response.status_code,
            list(response.headers.items()),
            response.content,
            bool(session is not None and session.accessed),
        )
        key = _key(generation, path_id, filtered_query(request.GET, declared))
        stored = safe_set(key, entry, timeout)
        if stored:
            safe_set(_key(generation, path_id, "", kind="params"), declared, timeout)
            response[CACHE_HEADER] = "MISS"
