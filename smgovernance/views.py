"""Public views: the frameable video view, the oEmbed provider and the consent page."""

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    JsonResponse,
)
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from wagtail.models import Page, Site

from .cache import cache_public


EMBED_WIDTH = 640
EMBED_HEIGHT = 360
CSP_MIDDLEWARE = "csp.middleware.CSPMiddleware"


def is_origin(value: object) -> bool:
    """A bare scheme://host[:port], safe to put into a CSP header."""
    if not isinstance(value, str) or any(char in value for char in " ;,'\"\r\n\t"):
        return False
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return False
    return (
        parts.scheme in ("http", "https")
        and bool(parts.hostname)
        and parts.path in ("", "/")
        and not parts.query
        and not parts.fragment
        and parts.username is None
    )


def embed_origins() -> list[str]:
    """SMGOVERNANCE_EMBED_ORIGINS, read per request; malformed entries are dropped."""
    origins = getattr(settings, "SMGOVERNANCE_EMBED_ORIGINS", [])
    if isinstance(origins, str):
        origins = [origins]
    return [origin.rstrip("/") for origin in origins if is_origin(origin)]


def render_video_embed(request: HttpRequest, page: Page) -> HttpResponse:
    """The video page's frameable view; only the configured origins may frame it."""
    ancestors = ["'self'", *embed_origins()]

    def view(request: HttpRequest) -> HttpResponse:
        response = TemplateResponse(
            request,
            "smgovernance/video_embed.html",
            {"page": page, "self": page, "video": page.vimeo_value},
        )
        if CSP_MIDDLEWARE not in settings.MIDDLEWARE:
            # Without django-csp's middleware nobody else sets the header.
            response["Content-Security-Policy"] = "frame-ancestors " + " ".join(
                ancestors
            )
        return response

    try:
        from csp.decorators import csp_replace
    except ImportError:  # django-csp not installed: the fallback above applies
        pass
    else:
        view = csp_replace({"frame-ancestors": ancestors})(view)
    return xframe_options_exempt(view)(request)


def embed_url(request: HttpRequest | None, page: Page) -> str:
    return page.get_full_url(request) + "embed/"


def oembed_discovery_url(request: HttpRequest | None, page: Page) -> str:
    """Absolute oEmbed URL of a video page; "" when the site did not include our URLs."""
    try:
        endpoint = reverse("smgovernance:oembed")
    except NoReverseMatch:
        return ""
    query = urlencode({"url": page.get_full_url(request), "format": "json"})
    url = endpoint + "?" + query
    return request.build_absolute_uri(url) if request is not None else url


def find_video_page(request: HttpRequest, url: str) -> Page | None:
    """The live video page at `url` (its page or embed address) on one of our sites."""
    from .models import VideoPage

    try:
        parts = urlsplit(url)
        hostname = (parts.hostname or "").lower()
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not hostname:
        return None
    site = Site.objects.filter(hostname=hostname).select_related("root_page").first()
    if site is None:
        if hostname != request.get_host().rsplit(":", 1)[0].lower():
            return None
        site = Site.find_for_request(request)
    if site is None:
        return None
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    if path.endswith("/embed/"):
        path = path[: -len("embed/")]
    url_path = site.root_page.url_path + path.lstrip("/")
    return VideoPage.objects.live().public().filter(url_path=url_path).first()


def positive_int(value: str | None) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if number > 0 else None


@cache_public
def oembed(request: HttpRequest) -> HttpResponse:
    """oEmbed 1.0 provider for our video pages (JSON only).

    Cached like pages (only 200 answers are stored; the key holds scheme, host and
    query, and publishing a page purges it).
    """
    url = request.GET.get("url", "").strip()
    if not url:
        return HttpResponseBadRequest(
            _("The url parameter is missing."), content_type="text/plain"
        )
    if request.GET.get("format", "json") != "json":
        return HttpResponse(
            _("Only the json format is supported."),
            status=501,
            content_type="text/plain",
        )
    page = find_video_page(request, url)
    if page is None:
        return HttpResponse(
            _("This address is not one of our video pages."),
            status=404,
            content_type="text/plain",
        )
    width, height = EMBED_WIDTH, EMBED_HEIGHT
    max_width = positive_int(request.GET.get("maxwidth"))
    max_height = positive_int(request.GET.get("maxheight"))
    if max_width and max_width < width:
        width, height = max_width, max_width * 9 // 16
    if max_height and max_height < height:
        width, height = max_height * 16 // 9, max_height
    site = page.get_site()
    iframe = format_html(
        '<iframe src="{}" width="{}" height="{}" title="{}" '
        'allow="fullscreen; picture-in-picture" '
        'referrerpolicy="strict-origin-when-cross-origin"></iframe>',
        embed_url(request, page),
        width,
        height,
        page.title,
    )
    return JsonResponse(
        {
            "version": "1.0",
            "type": "video",
            "title": page.title,
            "provider_name": (site.site_name if site else "")
            or getattr(settings, "WAGTAIL_SITE_NAME", ""),
            "provider_url": site.root_url + "/" if site else "",
            "html": str(iframe),
            "width": width,
            "height": height,
        }
    )


def consent(request: HttpRequest) -> HttpResponse:
    """Shows and revokes the remembered consent; useful without JavaScript too."""
    return TemplateResponse(request, "smgovernance/consent.html", {})
