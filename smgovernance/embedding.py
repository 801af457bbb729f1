"""Embedding our video pages on other sites: the one home of the embed rules.

- Which origins may frame the embed view (``is_origin``, ``embed_origins``): a
  site's own list (the site setting ``EmbedSettings``, one origin per line) when it
  has one, else ``SMGOVERNANCE_EMBED_ORIGINS``. The system check (``checks.py``),
  the setting's form and the response below use the same ``is_origin``, so an entry
  they accept is never dropped at runtime, and the other way round.
- The frame-ancestors allowlist of the embed view (``frame_ancestors``) and the
  frameable response itself (``render_video_embed``).
- The addresses other sites discover: ``embed_url`` and ``oembed_discovery_url``.

This module takes the page as an argument and imports neither models nor views,
so the video page model and the setting's model can import it; it reads the site
setting through the app registry. The oEmbed provider is in ``views/oembed.py``.
"""

import re
from urllib.parse import urlencode, urlsplit

from django.apps import apps
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.views.decorators.clickjacking import xframe_options_exempt
from wagtail.models import Page, Site


try:
    from csp.decorators import csp_replace
except ImportError:  # django-csp is an optional dependency (extra "csp")
    csp_replace = None


CSP_MIDDLEWARE = "csp.middleware.CSPMiddleware"
SETTING = "SMGOVERNANCE_EMBED_ORIGINS"
# Characters that would end or extend a CSP source list, or hide in a header.
FORBIDDEN_CHARACTERS = frozenset(" ;,'\"\\\r\n\t\f\v")
# A CSP host-part: letters, digits and "-" in dot-separated labels, or "*." first.
HOST = re.compile(r"(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*")


def is_origin(value: object) -> bool:
    """A bare scheme://host[:port] (an optional trailing "/" aside), safe in a CSP header.

    Refused: user info, a port outside 0-65535 or empty, a path, query or fragment,
    whitespace, quotes and separators, and hosts a CSP source cannot name
    (non-ASCII names must be written in their xn-- form).
    """
    if not isinstance(value, str) or not value:
        return False
    if any(char in FORBIDDEN_CHARACTERS for char in value):
        return False
    try:
        parts = urlsplit(value)
        port = parts.port  # raises ValueError on a port outside 0-65535
    except ValueError:
        return False
    host = parts.hostname or ""
    netloc = host if port is None else f"{host}:{port}"
    return (
        parts.scheme in ("http", "https")
        and HOST.fullmatch(host) is not None
        # the same netloc again: no user info, no empty or zero-padded port
        and parts.netloc.lower() == netloc
        and parts.path in ("", "/")
        and "?" not in value
        and "#" not in value
    )


def configured_origins() -> list[object]:
    """The raw entries of the setting; a single string counts as one entry."""
    origins = getattr(settings, SETTING, [])
    if isinstance(origins, str):
        return [origins]
    return list(origins or [])


def origin_lines(text: str) -> list[str]:
    """The entries of a site's list: one per line, blank lines left out."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def site_origins(site: Site | None) -> list[str]:
    """The raw entries of the site's own list (the `EmbedSettings` site setting).

    Read without creating the setting's row, so a public request never writes.
    """
    if site is None:
        return []
    model = apps.get_model("smgovernance", "EmbedSettings")
    text = (
        model.objects.filter(site=site).values_list("embed_origins", flat=True).first()
    )
    return origin_lines(text or "")


def embed_origins(site: Site | None = None) -> list[str]:
    """The valid origins that may frame the embed view of `site`, read per request.

    The site's own list replaces the setting when it is not empty; without a site
    (the system checks) it is the setting's. Invalid entries are dropped
    (``checks.py`` reports those of the setting as smgovernance.E002; the site
    setting's form refuses them).
    """
    entries = site_origins(site) or configured_origins()
    return [origin.rstrip("/") for origin in entries if is_origin(origin)]


def frame_ancestors(site: Site | None = None) -> list[str]:
    """The CSP frame-ancestors sources of the embed view: this site and the origins."""
    return ["'self'", *embed_origins(site)]


def render_video_embed(request: HttpRequest, page: Page) -> HttpResponse:
    """The video page's frameable view; only the origins of its site may frame it.

    `page` is a VideoPage (anything with `vimeo_value`); it is passed in, so this
    module needs no models.
    """
    ancestors = frame_ancestors(Site.find_for_request(request) or page.get_site())

    def view(request: HttpRequest) -> HttpResponse:
        response = TemplateResponse(
            request,
            "smgovernance/video_embed.html",
            {"page": page, "self": page, "video": page.vimeo_value},
        )
        # Framed by other sites: a site isolated with Cross-Origin-Embedder-Policy
        # require-corp may only frame a document that allows cross-origin use.
        # Who may frame it at all is decided by frame-ancestors.
        response["Cross-Origin-Resource-Policy"] = "cross-origin"
        if CSP_MIDDLEWARE not in settings.MIDDLEWARE:
            # Without django-csp's middleware nobody else sets the header.
            response["Content-Security-Policy"] = "frame-ancestors " + " ".join(
                ancestors
            )
        return response

    if csp_replace is not None:
        view = csp_replace({"frame-ancestors": ancestors})(view)
    return xframe_options_exempt(view)(request)


def secure_if_requested(request: HttpRequest | None, url: str) -> str:
    """`url` as https when the request came over https (also behind an HTTPS proxy
    with SECURE_PROXY_SSL_HEADER), so an answer never points back to http."""
    if request is not None and request.is_secure() and url.startswith("http://"):
        return "https://" + url[len("http://") :]
    return url


def page_address(request: HttpRequest | None, page: Page) -> str:
    """The page's absolute address where its Site is really served (`Site.root_url`),
    in the request's scheme."""
    return secure_if_requested(request, page.get_full_url(request) or "")


def embed_url(request: HttpRequest | None, page: Page) -> str:
    """The absolute address of a video page's frameable view."""
    return page_address(request, page) + "embed/"


def oembed_discovery_url(request: HttpRequest | None, page: Page) -> str:
    """Absolute oEmbed URL of a video page; "" when the site did not include our URLs."""
    try:
        endpoint = reverse("smgovernance:oembed")
    except NoReverseMatch:
        return ""
    query = urlencode({"url": page_address(request, page), "format": "json"})
    url = endpoint + "?" + query
    return request.build_absolute_uri(url) if request is not None else url
