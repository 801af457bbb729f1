"""Full-response cache for anonymous visitors of public pages.

Why a middleware and not Django's per-site cache: public pages here must never be
served from a cache to editors, previews or anyone with a session, and every page
response carries its own headers (the video embed view, for instance, has its own
Content-Security-Policy). This middleware stores status, headers and body exactly
as the inner middlewares produced them and replays them unchanged.

Purging uses a site-wide *generation*: every cache key contains the current
generation token, and any change to published content replaces the token. All
cached pages become unreachable at once and expire on their own. A finer purge
would have to know which pages show which record: the imprint, the contact page
and the usage concept page all render channel, platform and contact data, the
footer of every page links the legal pages. A single generation is always correct,
costs one cache read per request and no bookkeeping; edits are rare compared with
visits, so the lost hits after a purge do not matter.

Install (after LocaleMiddleware, before CommonMiddleware, so that CSRF, CSP and
X-Frame-Options headers are produced below it and stored with the response)::

    ("django.middleware.locale.LocaleMiddleware",)
    ("smgovernance.cache.PublicPageCacheMiddleware",)
    ("django.middleware.common.CommonMiddleware",)

With more than one application process, use a shared cache (Redis): a process-
local cache would only be purged in the process where the edit happened.

Settings (all optional):
- ``SMGOVERNANCE_CACHE_ENABLED`` (default ``True``)
- ``SMGOVERNANCE_CACHE_ALIAS`` (default ``"default"``)
- ``SMGOVERNANCE_CACHE_TIMEOUT`` seconds (default 600)
- ``SMGOVERNANCE_CACHE_IGNORED_COOKIES``: names of cookies that never change the
  HTML (e.g. one only read by client-side JavaScript); any other cookie bypasses
  the cache.
- ``SMGOVERNANCE_CACHE_PURGE_MODELS``: extra model labels ("app.Model") whose
  changes purge the cache, e.g. snippets of the site's own apps shown on pages.

Pages opt out with the class attribute ``smgovernance_cache = False`` (forms that
take POST, pages that depend on the visitor); any response opts out with
``Cache-Control: private`` or ``no-store`` (Django's ``never_cache`` does that).
Non-page views opt in with the ``cache_public`` decorator.
"""

import functools
import hashlib
import uuid
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import BaseCache, caches
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.cache import cc_delim_re
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move


GENERATION_KEY = "smgovernance:page-cache:generation"
KEY_PREFIX = "smgovernance:page-cache:page"
REQUEST_FLAG = "_smgovernance_cacheable"
CACHE_HEADER = "X-Cache"
# Request headers whose variation the key covers; a response varying on any other
# header is not stored.
HANDLED_VARY = {"cookie", "accept-language"}
# Page fields that only the draft/revision machinery writes: saving them does not
# change what the public sees, so they do not purge.
DRAFT_ONLY_FIELDS = {
    "comments",
    "wagtail_admin_comments",
    "latest_revision_created_at",
    "draft_title",
    "latest_revision",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
}


def _setting(name: str, default: Any) -> Any:
    return getattr(settings, f"SMGOVERNANCE_CACHE_{name}", default)


def page_cache() -> BaseCache:
    """The Django cache that holds pages (Redis when REDIS_URL is set)."""
    return caches[_setting("ALIAS", "default")]


# --- generation ------------------------------------------------------------------


def current_generation() -> str:
    """The token that every page key contains; created when missing (or evicted)."""
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY) or ""
    return generation


def purge() -> None:
    """Make every cached page unreachable by replacing the generation token.

    A fresh random token (not a counter) cannot bring back old entries after the
    token was evicted, and needs no atomic increment.
    """
    page_cache().set(GENERATION_KEY, uuid.uuid4().hex, None)


def _purge_now_and_on_commit() -> None:
    # Now, so this process never serves the old page; again after the commit, so a
    # page rendered by another process from not-yet-committed data is dropped too.
    purge()
    transaction.on_commit(purge)


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


# --- the middleware -----------------------------------------------------------------


def _request_may_use_cache(request: HttpRequest) -> bool:
    """Anonymous, cookie-less GET/HEAD of a public URL; never admin or preview."""
    if not _setting("ENABLED", True):
        return False
    if request.method not in ("GET", "HEAD"):
        return False
    if getattr(request, "is_preview", False) or getattr(request, "is_dummy", False):
        return False  # Wagtail previews run the middleware on a dummy request
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    ignored = set(_setting("IGNORED_COOKIES", ()))
    if any(name not in ignored for name in request.COOKIES):
        return False  # a session, CSRF, messages or admin cookie
    path = request.path
    return not any(
        path.startswith(prefix) for prefix in ("/admin/", "/django-admin/")
    ) and "preview" not in path.split("/")


def _cache_key(request: HttpRequest) -> str | None:
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # let the normal path answer with 400
    language = getattr(request, "LANGUAGE_CODE", "")
    raw = "|".join((request.scheme, host, language, request.get_full_path())).encode()
    digest = hashlib.sha256(raw).hexdigest()
    return f"{KEY_PREFIX}:{current_generation()}:{digest}"


def _response_may_be_stored(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Only a complete, public, cookie-less 200 for nobody in particular."""
    if request.method != "GET" or response.status_code != 200:
        return False
    if response.streaming or response.cookies:
        return False
    page = getattr(request, REQUEST_FLAG, None)
    if page is None:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False  # SessionMiddleware is about to set a cookie
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
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


class PublicPageCacheMiddleware:
    """Serve anonymous GET/HEAD of public pages from the cache; store them on a miss."""

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not _request_may_use_cache(request):
            return self.get_response(request)
        key = _cache_key(request)
        if key is None:
            return self.get_response(request)
        cache = page_cache()
        stored = cache.get(key)
        if stored is not None:
            status, headers, content, session_accessed = stored
            response = HttpResponse(content, status=status, headers=dict(headers))
            response[CACHE_HEADER] = "HIT"
            session = getattr(request, "session", None)
            if session_accessed and session is not None:
                # SessionMiddleware then adds "Vary: Cookie" as it did on the miss.
                session.accessed = True
            return response
        response = self.get_response(request)
        if _response_may_be_stored(request, response):
            headers = list(response.headers.items())
            session = getattr(request, "session", None)
            session_accessed = bool(session is not None and session.accessed)
            cache.set(
                key,
                (response.status_code, headers, response.content, session_accessed),
                _setting("TIMEOUT", 600),
            )
            response[CACHE_HEADER] = "MISS"
        return response


# --- purge signals ------------------------------------------------------------------


def _page_saved(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    update_fields = kwargs.get("update_fields")
    if update_fields and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return  # a draft or a lock: the public page is unchanged
    _purge_now_and_on_commit()


def _content_changed(sender: Any, **kwargs: Any) -> None:
    _purge_now_and_on_commit()


def _purge_models() -> list[type[Model]]:
    """Models whose changes can alter public pages."""
    models = [
        *apps.get_app_config("smgovernance").get_models(include_auto_created=True),
        Site,
    ]
    if apps.is_installed("wagtail.images"):
        models.append(get_image_model())
    if apps.is_installed("wagtail.documents"):
        models.append(get_document_model())
    for label in _setting("PURGE_MODELS", ()):
        models.append(apps.get_model(label))
    return models


def connect_signals() -> None:
    """Purge the page cache on every change that can alter a public page.

    Connected per sender (not to every model), so Django keeps its fast bulk
    deletes for unrelated models such as sessions.
    """
    uid = "smgovernance-page-cache"
    page_published.connect(_content_changed, dispatch_uid=f"{uid}-published")
    page_unpublished.connect(_content_changed, dispatch_uid=f"{uid}-unpublished")
    post_page_move.connect(_content_changed, dispatch_uid=f"{uid}-moved")
    page_models = {Page, *get_page_models()}
    for model in page_models:
        post_save.connect(_page_saved, sender=model, dispatch_uid=f"{uid}-save")
    for model in page_models | set(_purge_models()):
        pre_delete.connect(_content_changed, sender=model, dispatch_uid=f"{uid}-pre")
        post_delete.connect(_content_changed, sender=model, dispatch_uid=f"{uid}-del")
        if model not in page_models:
            post_save.connect(
                _content_changed, sender=model, dispatch_uid=f"{uid}-save"
            )
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                _content_changed,
                sender=field.remote_field.through,
                dispatch_uid=f"{uid}-m2m",
            )
