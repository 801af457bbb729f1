"""The privacy-first Vimeo block: nothing loads from Vimeo before the visitor's click."""

import uuid
from functools import cached_property

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from ..rules.text import SECTION_FEATURES
from ..vimeo import VimeoVideo, parse, parse_start_time


CAPTION_LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
    ("cs", _("Czech")),
    ("pl", _("Polish")),
    ("de-simple", _("German (plain language)")),
]
TRANSCRIPT_FEATURES = SECTION_FEATURES

EVENT_MESSAGE = _(
    "This is a Vimeo live event, not a single video. Live events cannot be embedded "
    "here; after the event, use the address of the recorded video."
)


def parse_video(value: str) -> VimeoVideo:
    """A Vimeo video (not a live event) or a German ValidationError."""
    video = parse(value)
    if video.kind != "video":
        raise ValidationError(EVENT_MESSAGE, code="vimeo_event")
    return video


class VimeoValue(blocks.StructValue):
    """Everything the template needs, built from the validated ID: never from raw input."""

    @cached_property
    def video(self) -> VimeoVideo | None:
        try:
            return parse_video(self.get("video") or "")
        except ValidationError:
            return None

    @property
    def start_seconds(self) -> int | None:
        try:
            return parse_start_time(self.get("start_time"))
        except ValidationError:
            return None

    @property
    def player_url(self) -> str:
        """The URL the consent script loads after the click: dnt=1, autoplay=1, #t=."""
        if self.video is None:
            return ""
        url = self.video.player_url + "&autoplay=1"
        if self.start_seconds:
            url += f"#t={self.start_seconds}s"
        return url

    @property
    def canonical_url(self) -> str:
        return self.video.canonical_url if self.video else ""

    @cached_property
    def dom_id(self) -> str:
        """A unique id prefix, so two players on one page never share ids."""
        return f"vimeo-{uuid.uuid4().hex[:10]}"

    @property
    def caption_language_label(self) -> str:
        return str(dict(CAPTION_LANGUAGES).get(self.get("caption_language"), ""))


class VimeoBlock(blocks.StructBlock):
    """A Vimeo video behind a local consent placeholder: nothing loads before the click."""

    video = blocks.TextBlock(
        label=_("Vimeo video"),
        rows=2,
        help_text=_(
            "The address of the video on vimeo.com or Vimeo's embed code. Only the "
            "video ID (and the hash of unlisted videos) is kept."
        ),
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=255,
        help_text=_(
            "Heading of the placeholder and title of the video frame for screen readers."
        ),
    )
    poster = ImageChooserBlock(
        label=_("Preview image"),
        required=False,
        help_text=_(
            "Shown from our own server before consent. Without one, a neutral graphic is shown."
        ),
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        required=False,
        features=TRANSCRIPT_FEATURES,
        help_text=_("The spoken text and a description of what is shown."),
    )
    captions_available = blocks.BooleanBlock(
        label=_("Captions available"), required=False
    )
    caption_language = blocks.ChoiceBlock(
        label=_("Caption language"),
        choices=CAPTION_LANGUAGES,
        required=False,
        default="de",
    )
    start_time = blocks.CharBlock(
        label=_("Start time"),
        required=False,
        max_length=10,
        help_text=_("Optional, in seconds (90) or minutes:seconds (1:30)."),
    )

    class Meta:
        icon = "media"
        label = _("Vimeo video")
        description = _("A Vimeo video that loads only after the visitor agrees.")
        template = "smgovernance/blocks/vimeo_block.html"
        value_class = VimeoValue
        form_classname = "struct-block vimeo-block"
        preview_value = {
            "video": "https://vimeo.com/76979871",
            "title": _("Example video"),
            "captions_available": False,
            "caption_language": "de",
        }

    def clean(self, value: VimeoValue) -> VimeoValue:
        errors: dict[str, ValidationError] = {}
        try:
            cleaned = super().clean(value)
        except blocks.StructBlockValidationError as exc:
            errors.update(exc.block_errors)
            cleaned = value
        if "video" not in errors:
            try:
                cleaned["video"] = parse_video(cleaned.get("video") or "").canonical_url
            except ValidationError as exc:
                errors["video"] = exc
        if "start_time" not in errors:
            try:
                parse_start_time(cleaned.get("start_time"))
            except ValidationError as exc:
                errors["start_time"] = exc
        if cleaned.get("captions_available") and not cleaned.get("caption_language"):
            errors["caption_language"] = ValidationError(
                _("Choose the language of the captions.")
            )
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return cleaned
