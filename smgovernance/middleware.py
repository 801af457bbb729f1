"""Request guards and response headers of the public site.

MIDDLEWARE order (see `config/settings/base.py`)::

    ("django.middleware.security.SecurityMiddleware",)
    ("smgovernance.middleware.MethodGuardMiddleware",)  # TRACE: 405, before any work
    ...
    ("smgovernance.cache.PublicPageCacheMiddleware",)
    ...
    ("django.contrib.auth.middleware.AuthenticationMiddleware",)
    ("smgovernance.middleware.RateLimitMiddleware",)  # only sees uncached requests
    ...
    ("csp.middleware.CSPMiddleware",)
    (
        "smgovernance.middleware.BrowserPolicyMiddleware",
    )  # headers stored with cached pages

Settings (all optional):
- ``SMGOVERNANCE_RATELIMIT_ENABLED`` (default True)
- ``SMGOVERNANCE_RATELIMIT_RENDER`` (default ``"10/10s"``): uncached GET/HEAD per client
- ``SMGOVERNANCE_RATELIMIT_POST`` (default ``"10/m"``): POST (and other writes) per client
- ``SMGOVERNANCE_CLIENT_IP_HEADER``: the request.META key a trusted reverse proxy
  fills with the client's address (e.g. ``"HTTP_X_REAL_IP"``); default REMOTE_ADDR
- ``SMGOVERNANCE_PLAYER_ORIGINS`` (default ``["https://player.vimeo.com"]``): the
  players allowed fullscreen, autoplay and picture-in-picture on pages that embed them
"""

import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.http.response import HttpResponseBase
from django.template.loader import render_to_string
from django_ratelimit.core import is_ratelimited

from .cache.generation import current_generation, safe_get, safe_set


logger = logging.getLogger("smgovernance.ratelimit")

REFUSED_METHODS = {"TRACE", "TRACK", "CONNECT"}
# Powerful features no page of the site uses. The header lists each as "()".
DENIED_FEATURES = (
    "accelerometer",
    "ambient-light-sensor",
    "bluetooth",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)
# Features a video player needs: only the player's origin (and ours) gets them.
PLAYER_FEATURES = ("autoplay", "fullscreen", "picture-in-picture")
TOO_MANY_TEMPLATES = ["429.html", "smgovernance/429.html"]
RETRY_AFTER_SECONDS = 60


def client_ip(request: HttpRequest) -> str:
    """The visitor's address: from the proxy's header when one is configured."""
    header = getattr(settings, "SMGOVERNANCE_CLIENT_IP_HEADER", "")
    value = request.META.get(header, "") if header else ""
    address = value.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "")
    return address or "unknown"


class MethodGuardMiddleware:
    """TRACE (and the TRACK/CONNECT variants) answer 405 on every URL."""

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method in REFUSED_METHODS:
            return HttpResponseNotAllowed(
                ["GET", "HEAD", "POST", "OPTIONS"],
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


# --- rate limit ---------------------------------------------------------------------


def _rate(name: str, default: str) -> str:
    return getattr(settings, f"SMGOVERNANCE_RATELIMIT_{name}", default)


def _ratelimit_key(group: str, request: HttpRequest) -> str:
    return client_ip(request)


def too_many_requests(request: HttpRequest) -> HttpResponse:
    """The German 429 page: the site's `429.html`, else the package's plain one.

    Rendered once per cache generation: answering a flood must stay cheap.
    """
    generation = current_generation()
    key = f"smgovernance:429:{generation}:{request.get_host()}" if generation else ""
    content = safe_get(key) if key else None
    if content is None:
        content = render_to_string(TOO_MANY_TEMPLATES, {}, request=request)
        if key:
            safe_set(key, content, 600)
    response = HttpResponse(content, status=429)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class RateLimitMiddleware:
    """A per-client limit on uncached renders and on every POST.

    Sits below the page cache, so cached pages never count; logged-in users (the
    editors, whose admin autosaves) are not limited. The counters live in the
    default cache, shared by all workers. A failing cache lets requests through.
    """

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if self._limited(request):
            logger.warning("Rate limit reached by %s", client_ip(request))
            return too_many_requests(request)
        return self.get_response(request)

    def _limited(self, request: HttpRequest) -> bool:
        if not getattr(settings, "SMGOVERNANCE_RATELIMIT_ENABLED", True):
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        if request.method == "OPTIONS":
            return False
        if request.method in ("GET", "HEAD"):
            group, rate = "smgovernance:render", _rate("RENDER", "10/10s")
        else:
            group, rate = "smgovernance:post", _rate("POST", "10/m")
        try:
            return is_ratelimited(
                request, group=group, key=_ratelimit_key, rate=rate, increment=True
            )
        except Exception:  # the cache is down: never refuse because of it
            logger.warning("Rate limit not checked: cache unavailable.", exc_info=True)
            return False


# --- browser policies ---------------------------------------------------------------


def _player_origins() -> list[str]:
    return list(
        getattr(settings, "SMGOVERNANCE_PLAYER_ORIGINS", ["https://player.vimeo.com"])
    )


def permissions_policy(content: bytes) -> str:
    """No powerful feature anywhere; player features only for an embedded player."""
    players = [o for o in _player_origins() if o.encode() in content]
    allowed = " ".join(["self", *(f'"{origin}"' for origin in players)])
    parts = [f"{feature}=()" for feature in DENIED_FEATURES]
    if players:
        parts += [f"{feature}=({allowed})" for feature in PLAYER_FEATURES]
    else:
        parts += ["autoplay=()", "fullscreen=(self)", "picture-in-picture=()"]
    return ", ".join(parts)


class BrowserPolicyMiddleware:
    """Permissions-Policy and Cross-Origin-Resource-Policy on every response.

    A response that sets its own header keeps it: the frameable embed view sets
    ``Cross-Origin-Resource-Policy: cross-origin``, so that sites isolating
    themselves with ``Cross-Origin-Embedder-Policy: require-corp`` can still
    frame it; who may frame it is decided by its CSP frame-ancestors.
    """

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if "Permissions-Policy" not in response:
            content = b"" if response.streaming else response.content
            response["Permissions-Policy"] = permissions_policy(content)
        if "Cross-Origin-Resource-Policy" not in response:
            response["Cross-Origin-Resource-Policy"] = "same-origin"
        return response
