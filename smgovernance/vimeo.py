"""Pure parsing of Vimeo video addresses and pasted Vimeo embed code.

No network and no models: editors paste whatever Vimeo shows them, and we keep
only a validated video ID (plus the unlisted-video hash), from which every player
URL is rebuilt. Anything we cannot read with certainty is refused with a German
message that says what is accepted.
"""

import html
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Tag
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


VIMEO_HOSTS = frozenset({"vimeo.com", "www.vimeo.com"})
PLAYER_HOSTS = frozenset({"player.vimeo.com"})
PRO_HOSTS = frozenset({"vimeopro.com", "www.vimeopro.com"})
HOSTS = VIMEO_HOSTS | PLAYER_HOSTS | PRO_HOSTS
PLAYER_JS = "https://player.vimeo.com/api/player.js"
MAX_LENGTH = 5000

ID_RE = re.compile(r"[1-9][0-9]{0,11}")
HASH_RE = re.compile(r"[0-9a-f]{10}")
NAME_RE = re.compile(r"[A-Za-z0-9_.-]{1,100}")
# A page of the video manager, e.g. "general", "collaboration", "interaction-tools":
# letters and hyphens only, so it can never be mistaken for a hash.
SUB_RE = re.compile(r"[a-z][a-z-]{0,39}")
SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
FORBIDDEN_CHARS_RE = re.compile(r"[\s\\\x00-\x1f\x7f<>\"']")
# Last path segment of the legacy Flash player (e.g. vimeo.com/moogaloop.swf) and
# of the HLS redirect, which both name the video in `?clip_id=`.
CLIP_ID_FILES = frozenset({"moogaloop.swf", "play_redirect_hls"})

# Path patterns on vimeo.com / www.vimeo.com. Tokens: ID (video id), EVENT (event
# id), HASH (unlisted hash), NAME (channel, group, user or title), SUB (a manager
# page) and literal path segments. The first pattern that fits wins.
VIDEO_PATTERNS: tuple[tuple[str, ...], ...] = (
    ("ID",),
    ("ID", "HASH"),
    ("video", "ID"),
    ("video", "ID", "HASH"),
    ("m", "ID"),
    ("channels", "NAME", "ID"),
    ("groups", "NAME", "videos", "ID"),
    ("album", "NAME", "video", "ID"),
    ("showcase", "NAME", "video", "ID"),
    ("manage", "ID"),
    ("manage", "ID", "SUB"),
    ("manage", "ID", "SUB", "SUB"),
    ("manage", "videos", "ID"),
    ("manage", "videos", "ID", "SUB"),
    ("manage", "videos", "ID", "SUB", "SUB"),
    ("manage", "videos", "ID", "HASH"),
    ("ondemand", "NAME", "ID"),
    ("event", "EVENT", "videos", "ID"),
)
# vimeopro.com/<user>/<project>/video/<id>
PRO_PATTERNS: tuple[tuple[str, ...], ...] = (
    ("NAME", "NAME", "video", "ID"),
    ("NAME", "NAME", "videos", "ID"),
)
EVENT_PATTERNS: tuple[tuple[str, ...], ...] = (
    ("event", "EVENT"),
    ("event", "EVENT", "embed"),
    ("event", "EVENT", "embed", "interaction"),
    ("event", "EVENT", "embed", "HASH"),
    ("event", "EVENT", "HASH"),
)
# A page of an event other than its player, e.g. /event/<id>/videos (a list).
EVENT_PAGE = ("event", "EVENT", "SUB")
# Review links carry the review hash, which is not the video's privacy hash: an
# unlisted video would not play with it, and without it we cannot tell whether the
# video is public. So they are refused with a request for the share link.
REVIEW_PATTERNS: tuple[tuple[str, ...], ...] = (
    ("review", "ID", "HASH"),
    ("NAME", "review", "ID", "HASH"),
)

# Tags that may surround the iframe in Vimeo's embed code; all are dropped.
HARMLESS_TAGS = frozenset(
    {"div", "p", "a", "span", "br", "strong", "em", "b", "i", "small"}
)
ACTIVE_URL_RE = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)

MESSAGES = {
    "empty": _(
        "Enter the address of a Vimeo video, e.g. https://vimeo.com/76979871, "
        "or paste Vimeo's embed code."
    ),
    "too_long": _(
        "This input is too long. Enter the address of the Vimeo video or Vimeo's "
        "embed code only."
    ),
    "not_vimeo": _(
        "This is not a Vimeo address. Accepted are addresses on vimeo.com or "
        "player.vimeo.com (e.g. https://vimeo.com/76979871) and Vimeo's embed code."
    ),
    "not_video": _(
        "This Vimeo address does not point to a single video (but e.g. to a channel, "
        "a showcase or a profile). Open the video itself and copy its address, e.g. "
        "https://vimeo.com/76979871."
    ),
    "review": _(
        "This is a Vimeo review link. Its hash is only for reviewing and does not "
        "play the video here. Copy the video's share link instead (Share button on "
        "the video page), e.g. https://vimeo.com/76979871 or, for an unlisted video, "
        "https://vimeo.com/76979871/8272103f6e."
    ),
    "bad_id": _(
        "The Vimeo video ID is malformed: it must have 1 to 12 digits and must not "
        "start with 0."
    ),
    "bad_hash": _(
        "The privacy hash of this unlisted video is malformed: it must consist of "
        "exactly 10 characters 0-9 and a-f, e.g. https://vimeo.com/76979871/8272103f6e."
    ),
    "script": _(
        "The embed code contains scripts, event handlers or other active content "
        "besides Vimeo's player. Paste only Vimeo's embed code or the video address."
    ),
    "iframes": _(
        "The embed code must contain exactly one Vimeo video iframe with a src address."
    ),
}


@dataclass(frozen=True)
class VimeoVideo:
    """A validated Vimeo video (or live event): everything else is rebuilt from this."""

    id: str
    hash: str | None = None
    kind: str = "video"  # "video" or "event"

    @property
    def player_url(self) -> str:
        """The player address with do-not-track; `h` only for unlisted videos."""
        if self.kind == "event":
            if self.hash:
                return f"https://vimeo.com/event/{self.id}/embed/{self.hash}?dnt=1"
            return f"https://vimeo.com/event/{self.id}/embed?dnt=1"
        if self.hash:
            return f"https://player.vimeo.com/video/{self.id}?h={self.hash}&dnt=1"
        return f"https://player.vimeo.com/video/{self.id}?dnt=1"

    @property
    def canonical_url(self) -> str:
        """The public page of the video on vimeo.com, which we store and link."""
        prefix = "event/" if self.kind == "event" else ""
        if self.hash:
            return f"https://vimeo.com/{prefix}{self.id}/{self.hash}"
        return f"https://vimeo.com/{prefix}{self.id}"


def error(code: str) -> ValidationError:
    return ValidationError(MESSAGES[code], code=f"vimeo_{code}")


def parse(value: str) -> VimeoVideo:
    """Read a Vimeo URL or pasted embed code; raise ValidationError for anything else."""
    if not isinstance(value, str):
        raise error("empty")
    text = value.strip()
    if not text:
        raise error("empty")
    if len(text) > MAX_LENGTH:
        raise error("too_long")
    if "<" not in text and "&lt;" in text.lower():
        text = html.unescape(text).strip()  # embed code pasted HTML-escaped
    if "<" in text:
        return parse_url(iframe_src(text))
    return parse_url(text)


def iframe_src(code: str) -> str:
    """The `src` of the one iframe in Vimeo's embed code, after checking the rest is inert."""
    try:
        document = BeautifulSoup(code, "html.parser")
        elements = list(document.find_all(True))
    except Exception as exc:  # html.parser may give up on broken markup
        raise error("iframes") from exc
    iframes = []
    for element in elements:
        if not isinstance(element, Tag):
            continue
        name = (element.name or "").lower()
        attributes = {str(k).lower(): v for k, v in element.attrs.items()}
        for attribute, raw in attributes.items():
            attr_value = " ".join(raw) if isinstance(raw, list) else str(raw or "")
            if attribute.startswith("on") or attribute == "srcdoc":
                raise error("script")
            if ACTIVE_URL_RE.match(attr_value):
                raise error("script")
        if name == "iframe":
            iframes.append(attributes)
        elif name == "script":
            src = str(attributes.get("src") or "").strip()
            if src.startswith("//"):
                src = "https:" + src
            extra = set(attributes) - {"src", "async", "defer", "type"}
            if (
                src != PLAYER_JS
                or element.get_text().strip()
                or extra
                or str(attributes.get("type") or "text/javascript").lower()
                != "text/javascript"
            ):
                raise error("script")
        elif name not in HARMLESS_TAGS:
            raise error("script")
    if len(iframes) != 1:
        raise error("iframes")
    attributes = iframes[0]
    src = str(attributes.get("src") or "").strip()
    if not src:
        raise error("iframes")
    data_src = attributes.get("data-src")
    if data_src is not None and str(data_src).strip() != src:
        raise error("script")
    return src


def parse_url(value: str) -> VimeoVideo:
    """Check a Vimeo address strictly and return the video it names."""
    text = value.strip()
    if FORBIDDEN_CHARS_RE.search(text):
        raise error("not_vimeo")
    if text.startswith("//"):
        text = "https:" + text
    elif not SCHEME_RE.match(text):
        host = text.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].lower()
        if host not in HOSTS:
            raise error("not_vimeo")
        text = "https://" + text
    try:
        parts = urlsplit(text)
    except ValueError as exc:
        raise error("not_vimeo") from exc
    # netloc must be exactly the host: no user info, no port, no trailing dot.
    if (
        parts.scheme.lower() not in ("http", "https")
        or parts.netloc.lower() not in HOSTS
    ):
        raise error("not_vimeo")
    host = parts.netloc.lower()
    query = parse_qs(parts.query, keep_blank_values=True)
    query_hash = hash_from_query(query)
    segments = parts.path.split("/")[1:] if parts.path else []
    if segments and segments[-1] == "":
        segments = segments[:-1]
    if any(segment == "" for segment in segments):
        raise error("not_video")

    if host in PLAYER_HOSTS:
        if len(segments) == 2 and segments[0] == "video":
            return video(segments[1], None, query_hash)
        if segments and segments[-1].lower() in CLIP_ID_FILES:
            return video(clip_id(query), None, query_hash)
        raise error("not_video")
    if host in PRO_HOSTS:
        return video_from_patterns(PRO_PATTERNS, segments, query_hash)

    if segments and segments[-1].lower() in CLIP_ID_FILES:
        return video(clip_id(query), None, query_hash)
    if match(EVENT_PAGE, segments) is not None and segments[2].lower() != "embed":
        raise error("not_video")
    for pattern in EVENT_PATTERNS:
        values = match(pattern, segments)
        if values is not None:
            return event(values["EVENT"], values.get("HASH"), query_hash)
    if any(match(pattern, segments) is not None for pattern in REVIEW_PATTERNS):
        raise error("review")
    return video_from_patterns(VIDEO_PATTERNS, segments, query_hash)


def video_from_patterns(
    patterns: tuple[tuple[str, ...], ...], segments: list[str], query_hash: str | None
) -> VimeoVideo:
    for pattern in patterns:
        values = match(pattern, segments)
        if values is not None:
            if "EVENT" in values and not ID_RE.fullmatch(values["EVENT"]):
                raise error("bad_id")
            return video(values["ID"], values.get("HASH"), query_hash)
    raise error("not_video")


def match(pattern: tuple[str, ...], segments: list[str]) -> dict[str, str] | None:
    """Token values if the path has the pattern's shape; ID/HASH are checked later."""
    if len(pattern) != len(segments):
        return None
    values: dict[str, str] = {}
    for part, segment in zip(pattern, segments, strict=True):
        if part in ("ID", "EVENT"):
            if not segment.isascii() or not segment.isdigit():
                return None
            values[part] = segment
        elif part == "HASH":
            values[part] = segment
        elif part == "NAME":
            if not NAME_RE.fullmatch(segment):
                return None
        elif part == "SUB":
            if not SUB_RE.fullmatch(segment) or HASH_RE.fullmatch(segment):
                return None
        elif part != segment.lower():
            return None
    return values


def hash_from_query(query: dict[str, list[str]]) -> str | None:
    """The unlisted hash from `h=` or `unlisted_hash=`; both must agree."""
    hashes = query.get("h", []) + query.get("unlisted_hash", [])
    if not hashes:
        return None
    if any(not HASH_RE.fullmatch(value) for value in hashes) or len(set(hashes)) > 1:
        raise error("bad_hash")
    if len(query.get("h", [])) > 1 or len(query.get("unlisted_hash", [])) > 1:
        raise error("bad_hash")
    return hashes[0]


def clip_id(query: dict[str, list[str]]) -> str:
    """The video id of the legacy Flash player (`moogaloop.swf?clip_id=`)."""
    values = query.get("clip_id", [])
    if not values:
        raise error("not_video")
    if len(values) > 1:
        raise error("bad_id")
    return values[0]


def video(video_id: str, path_hash: str | None, query_hash: str | None) -> VimeoVideo:
    if not ID_RE.fullmatch(video_id):
        raise error("bad_id")
    return VimeoVideo(
        id=video_id, hash=checked_hash(path_hash, query_hash), kind="video"
    )


def event(event_id: str, path_hash: str | None, query_hash: str | None) -> VimeoVideo:
    if not ID_RE.fullmatch(event_id):
        raise error("bad_id")
    return VimeoVideo(
        id=event_id, hash=checked_hash(path_hash, query_hash), kind="event"
    )


def checked_hash(path_hash: str | None, query_hash: str | None) -> str | None:
    if path_hash is not None and not HASH_RE.fullmatch(path_hash):
        raise error("bad_hash")
    if path_hash and query_hash and path_hash != query_hash:
        raise error("bad_hash")
    return path_hash or query_hash


START_TIME_RE = re.compile(r"^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})$|^(\d{1,6})$")


def parse_start_time(value: str | None) -> int | None:
    """Seconds from "90", "1:30" or "1:02:03"; None when empty."""
    text = (value or "").strip()
    if not text:
        return None
    found = START_TIME_RE.match(text)
    if not found:
        raise ValidationError(
            _(
                "Enter the start time in seconds (e.g. 90) or as minutes:seconds (e.g. 1:30)."
            ),
            code="vimeo_start_time",
        )
    hours, minutes, seconds, plain = found.groups()
    if plain is not None:
        return int(plain)
    if int(seconds) > 59 or (hours is not None and int(minutes) > 59):
        raise ValidationError(
            _(
                "Enter the start time in seconds (e.g. 90) or as minutes:seconds (e.g. 1:30)."
            ),
            code="vimeo_start_time",
        )
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
