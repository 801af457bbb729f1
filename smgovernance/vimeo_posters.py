"""Preview images for video pages, fetched from Vimeo on our server, never in a visitor's browser.

O-26: the placeholder shows a poster from our own media storage, so the visitor's
browser never contacts i.vimeocdn.com before consent. An editor (or cron) runs
`manage.py smgovernance_fetch_vimeo_posters` after saving video pages; it asks Vimeo's
oEmbed endpoint for the thumbnail address, downloads the thumbnail, stores it as a
Wagtail image and sets it as the page's poster. Page rendering never calls this.

All network access goes through `http_get`, which only requests Vimeo's oEmbed
endpoint and Vimeo's thumbnail host, refuses redirects and stops after MAX_BYTES;
tests replace it by a fake.
"""

import io
import json
import urllib.request
from urllib.parse import urlencode, urlsplit

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.utils.translation import gettext as _
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from .blocks import parse_video


OEMBED_ENDPOINT = "https://vimeo.com/api/oembed.json"
THUMBNAIL_HOSTS = {"i.vimeocdn.com"}
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_BYTES = 5 * 1024 * 1024
TIMEOUT_SECONDS = 10
POSTER_WIDTH = 1280


class PosterError(Exception):
    """The poster could not be fetched; the page keeps its neutral graphic."""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # a 3xx becomes an HTTPError instead of a request elsewhere


def is_allowed_url(url: str) -> bool:
    """Vimeo's oEmbed endpoint or an https thumbnail on Vimeo's image host."""
    if url.startswith(OEMBED_ENDPOINT + "?"):
        return True
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return False
    return (
        parts.scheme == "https"
        and parts.hostname in THUMBNAIL_HOSTS
        and port is None
        and parts.username is None
    )


def http_get(url: str, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The only network call of this module (tests replace it)."""
    if not is_allowed_url(url):
        raise PosterError(f"refusing to fetch {url!r}")
    opener = urllib.request.build_opener(_NoRedirects)
    # Only https to the two allowed addresses (checked above).
    request = urllib.request.Request(url, headers={"User-Agent": "smgovernance"})  # noqa: S310
    try:
        with opener.open(request, timeout=timeout) as response:
            data = response.read(MAX_BYTES + 1)
    except (OSError, ValueError) as exc:  # URLError, HTTPError, timeouts
        raise PosterError(f"{url}: {exc}") from exc
    if len(data) > MAX_BYTES:
        raise PosterError(f"{url}: larger than {MAX_BYTES} bytes")
    return data


def oembed_url(canonical_url: str) -> str:
    return (
        OEMBED_ENDPOINT
        + "?"
        + urlencode({"url": canonical_url, "width": POSTER_WIDTH, "dnt": 1})
    )


def thumbnail_url(canonical_url: str) -> str:
    """The thumbnail address from Vimeo's oEmbed answer, checked against the allowlist."""
    try:
        data = json.loads(http_get(oembed_url(canonical_url)))
        url = data["thumbnail_url"]
    except (ValueError, KeyError, TypeError) as exc:
        raise PosterError(f"no thumbnail in the oEmbed answer: {exc}") from exc
    if (
        not isinstance(url, str)
        or not is_allowed_url(url)
        or url.startswith(OEMBED_ENDPOINT)
    ):
        raise PosterError(f"unexpected thumbnail address {url!r}")
    return url


def image_extension(content: bytes) -> str:
    """The file extension of a real JPEG/PNG/WebP image, else PosterError."""
    try:
        with PillowImage.open(io.BytesIO(content)) as picture:
            kind = picture.format
            picture.verify()
    except Exception as exc:  # Pillow raises many types for broken input
        raise PosterError(f"not an image: {exc}") from exc
    if kind not in IMAGE_FORMATS:
        raise PosterError(f"unsupported image format {kind}")
    return IMAGE_FORMATS[kind]


def fetch_poster(video_url: str, title: str):
    """Download the Vimeo thumbnail of `video_url` and store it as a Wagtail image."""
    try:
        video = parse_video(video_url)
    except ValidationError as exc:
        raise PosterError(f"not a Vimeo video: {video_url!r}") from exc
    content = http_get(thumbnail_url(video.canonical_url))
    extension = image_extension(content)
    image = get_image_model()(
        title=_("Preview image of “%(title)s” (from Vimeo)") % {"title": title},
        file=ImageFile(io.BytesIO(content), name=f"vimeo-{video.id}.{extension}"),
    )
    image.save()
    return image


def set_poster(page) -> object:
    """Give a video page a fetched poster: into its latest draft, published if it was live.

    A page with unpublished changes keeps them as a draft (now with the poster);
    nothing an editor has not published goes live.
    """
    draft = page.get_latest_revision_as_object()
    image = fetch_poster(draft.video_url, draft.title)
    publish = page.live and not page.has_unpublished_changes
    draft.poster = image
    revision = draft.save_revision(log_action=True)
    if publish:
        revision.publish()
    return image
