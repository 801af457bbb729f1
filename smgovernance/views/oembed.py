"""oEmbed 1.0 provider for our video pages (JSON only).

Other sites discover it through the `<link rel="alternate">` of each video page
(`embedding.oembed_discovery_url`); the iframe it returns points at the page's
frameable view (`embedding.embed_url`).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    JsonResponse,
)
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.models import Site

from ..cache import cache_public
from ..embedding import embed_url, secure_if_requested
from ..models import VideoPage
from .methods import TEXT, allow_methods


EMBED_WIDTH = 640
EMBED_HEIGHT = 360
# The smallest player we describe: a smaller maxwidth/maxheight gets this size
# rather than an iframe of 1 x 0 pixels that nobody can use.
MIN_WIDTH = 200
MIN_HEIGHT = 113


def find_video_page(request: HttpRequest, url: str) -> VideoPage | None:
    """The live video page at `url` (its page or embed address) on one of our sites."""
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


def embed_size(request: HttpRequest) -> tuple[int, int]:
    """16:9 at 640 px wide, or smaller when the consumer asks for a maximum, but
    never below MIN_WIDTH x MIN_HEIGHT."""
    width, height = EMBED_WIDTH, EMBED_HEIGHT
    max_width = positive_int(request.GET.get("maxwidth"))
    max_height = positive_int(request.GET.get("maxheight"))
    if max_width and max_width < width:
        width, height = max_width, max_width * 9 // 16
    if max_height and max_height < height:
        width, height = max_height * 16 // 9, max_height
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        width, height = MIN_WIDTH, MIN_HEIGHT
    return width, height


@allow_methods("GET")
@cache_public
def oembed_endpoint(request: HttpRequest) -> HttpResponse:
    """oEmbed 1.0 provider for our video pages (JSON only).

    Cached like pages (only 200 answers are stored; the key holds scheme, host and
    query, and publishing a page purges it). Addresses are built from the request,
    so behind an HTTPS proxy (SECURE_PROXY_SSL_HEADER) they are https.
    """
    url = request.GET.get("url", "").strip()
    if not url:
        return HttpResponseBadRequest(
            _("The url parameter is missing."), content_type=TEXT
        )
    if request.GET.get("format", "json") != "json":
        return HttpResponse(
            _("Only the json format is supported."),
            status=501,
            content_type=TEXT,
        )
    page = find_video_page(request, url)
    if page is None:
        return HttpResponse(
            _("This address is not one of our video pages."),
            status=404,
            content_type=TEXT,
        )
    width, height = embed_size(request)
    site = page.get_site()
    provider_url = secure_if_requested(request, site.root_url + "/" if site else "")
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
            "provider_url": provider_url,
            "html": str(iframe),
            "width": width,
            "height": height,
        }
    )
