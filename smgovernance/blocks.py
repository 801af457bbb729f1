"""StreamField blocks of the extension, usable in any StreamField of any site:
the privacy-first Vimeo block and the governance block library for editors.

Every fact a block shows about a channel or a contact comes from the records
(ContactPoint, ChannelProfilePage), so a page built from these blocks can never
contradict the imprint or the contact page. Raw HTML, iframes and scripts are
deliberately not offered.
"""

import copy
import re
import uuid
from functools import cached_property
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .vimeo import VimeoVideo, parse, parse_start_time


CAPTION_LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
    ("cs", _("Czech")),
    ("pl", _("Polish")),
    ("de-simple", _("German (plain language)")),
]
TRANSCRIPT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link"]

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


# ------------------------------------------------------------------------------
# Governance block library (issue: editors build pages)
# ------------------------------------------------------------------------------

# Headings start at h2: the page title is the only h1.
RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link"]
NOTE_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]

BLOCK_PREVIEW_TEMPLATE = "smgovernance/blocks/preview.html"

# Anything that would load or point to a Vimeo player from free text.
VIMEO_PATTERN = re.compile(r"vimeo\.com|<iframe", re.IGNORECASE)


class GovernanceRichTextBlock(blocks.RichTextBlock):
    """Rich text limited to headings h2-h4, emphasis, lists and links.

    No images, embeds or raw HTML: those would bypass alt text, consent and
    the records. Pasted Vimeo code is refused with a pointer to the Vimeo block.
    """

    def __init__(self, features: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(features=features or RICH_TEXT_FEATURES, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if VIMEO_PATTERN.search(value.source or ""):
            raise ValidationError(
                _(
                    "Vimeo videos cannot be placed in rich text: they would load "
                    "before the visitor agrees. Remove the Vimeo address or embed "
                    "code and add a “Vimeo video” block instead."
                )
            )
        return value

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "smgovernance/blocks/rich_text_block.html"
        preview_template = BLOCK_PREVIEW_TEMPLATE
        preview_value = (
            "<h2>Wirtschaft – Wissenschaft – Fachkräfte</h2>"
            "<p>Text with <b>bold</b> words, a <a href='https://example.org/'>link</a> "
            "and a list:</p><ul><li>first point</li><li>second point</li></ul>"
        )
        description = _(
            "Text with subheadings (levels 2 to 4), bold, italic, lists and links."
        )


class ImageValue(blocks.StructValue):
    @property
    def alt(self) -> str:
        """The alt attribute: empty for decorative images, as WCAG asks."""
        return "" if self.get("decorative") else (self.get("alt_text") or "")


class AccessibleImageBlock(blocks.StructBlock):
    """An image that always has alt text, unless the editor marks it decorative."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=255,
        help_text=_(
            "Describe what the image shows for people who cannot see it. "
            "Do not start with “Image of”."
        ),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative image"),
        required=False,
        help_text=_(
            "Tick only if the image adds no information; screen readers then skip it."
        ),
    )
    caption = blocks.CharBlock(
        label=_("Caption"),
        required=False,
        max_length=255,
        help_text=_("Shown below the image, e.g. the photographer's credit."),
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Enter an alternative text, or mark the image as decorative.")
                    )
                }
            )
        return value

    def get_preview_value(self):
        from wagtail.images import get_image_model

        return self.to_python(
            {
                "image": get_image_model()
                .objects.order_by("pk")
                .values_list("pk", flat=True)
                .first(),
                "alt_text": "Example image",
                "decorative": False,
                "caption": "Caption",
            }
        )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "smgovernance/blocks/image_block.html"
        preview_template = BLOCK_PREVIEW_TEMPLATE
        value_class = ImageValue
        description = _(
            "An image with alternative text (or marked decorative) and an optional caption."
        )


class ContactBlock(blocks.StructBlock):
    """A contact point rendered from its record: the same as on the contact page."""

    contact_point = SnippetChooserBlock(
        "smgovernance.ContactPoint",
        label=_("Contact point"),
        help_text=_(
            "Phone, e-mail, address and office hours are taken from the record, "
            "so they always match the contact page. Change them there."
        ),
    )

    def get_preview_value(self):
        from .models import ContactPoint

        return self.to_python(
            {
                "contact_point": ContactPoint.objects.order_by("pk")
                .values_list("pk", flat=True)
                .first()
            }
        )

    class Meta:
        icon = "mail"
        label = _("Contact")
        template = "smgovernance/blocks/contact_block.html"
        preview_template = BLOCK_PREVIEW_TEMPLATE
        description = _(
            "Shows a contact point with phone, e-mail, address and office hours."
        )


class ChannelChooserBlock(blocks.PageChooserBlock):
    """A channel page chooser that loads the channels' platforms in the same query.

    Serialised as a plain PageChooserBlock, so migrations and stored data are unchanged.
    """

    def bulk_to_python(self, values: list) -> list:
        objects = self.model_class.objects.select_related("platform").in_bulk(values)
        result, seen = [], set()
        for pk in values:
            obj = objects.get(pk)
            if obj is not None and pk in seen:
                obj = copy.copy(obj)  # a channel chosen twice: distinct instances
            result.append(obj)
            seen.add(pk)
        return result

    def deconstruct(self) -> tuple:
        _path, args, kwargs = super().deconstruct()
        return "wagtail.blocks.PageChooserBlock", args, kwargs


class ChannelLinksBlock(blocks.StructBlock):
    """Plain links to the authority's channels; closed channels show their successors."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=255,
        help_text=_("Optional, e.g. “Follow us”. Shown as a level 2 heading."),
    )
    channels = blocks.ListBlock(
        ChannelChooserBlock(
            page_type="smgovernance.ChannelProfilePage", label=_("Channel")
        ),
        label=_("Channels"),
        min_num=1,
        help_text=_(
            "Choose channel pages. Links go to the profile without any platform "
            "script; closed channels are marked as closed."
        ),
    )

    def get_preview_value(self):
        from .models import ChannelProfilePage

        ids = list(
            ChannelProfilePage.objects.order_by("path").values_list("pk", flat=True)[:3]
        )
        return self.to_python({"heading": "", "channels": ids})

    class Meta:
        icon = "link"
        label = _("Channel links")
        template = "smgovernance/blocks/channel_links_block.html"
        preview_template = BLOCK_PREVIEW_TEMPLATE
        description = _(
            "Links to the authority's social media channels, without tracking."
        )


class NoteBlock(blocks.StructBlock):
    """A highlighted note ("Hinweis") for information or a warning."""

    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("info", _("Information")), ("warning", _("Warning"))],
        default="info",
    )
    heading = blocks.CharBlock(label=_("Heading"), max_length=255)
    heading_level = blocks.ChoiceBlock(
        label=_("Heading level"),
        choices=[("2", "2"), ("3", "3"), ("4", "4")],
        default="2",
        help_text=_("Choose the level that fits the headings around the note."),
    )
    text = GovernanceRichTextBlock(features=NOTE_TEXT_FEATURES, label=_("Text"))

    class Meta:
        icon = "warning"
        label = _("Note")
        template = "smgovernance/blocks/note_block.html"
        preview_template = BLOCK_PREVIEW_TEMPLATE
        preview_value = {
            "kind": "info",
            "heading": "Hinweis",
            "heading_level": "2",
            "text": "<p>Verwaltungsleistungen erbringen wir nicht über soziale Medien.</p>",
        }
        description = _("A highlighted information or warning with a heading.")


class CallToActionValue(blocks.StructValue):
    @property
    def href(self) -> str:
        page = self.get("page")
        if page is not None:
            return page.url or ""
        return self.get("url") or ""


class CallToActionBlock(blocks.StructBlock):
    """A prominent link to one page of the site or one external https address."""

    text = blocks.TextBlock(
        label=_("Text"),
        required=False,
        help_text=_("One or two sentences that say why to follow the link."),
    )
    page = blocks.PageChooserBlock(
        label=_("Page on this site"),
        required=False,
        help_text=_("Either choose a page here …"),
    )
    url = blocks.URLBlock(
        label=_("External address"),
        required=False,
        help_text=_("… or enter an https address, e.g. https://amt24.sachsen.de/."),
    )
    link_label = blocks.CharBlock(
        label=_("Link label"),
        max_length=100,
        help_text=_("Says where the link goes, e.g. “Zum Serviceportal Amt24”."),
    )

    def clean(self, value):
        value = super().clean(value)
        page, url = value.get("page"), (value.get("url") or "").strip()
        errors = {}
        if page is None and not url:
            errors["page"] = ValidationError(
                _("Choose a page or enter an external address.")
            )
        elif page is not None and url:
            errors["url"] = ValidationError(
                _(
                    "Choose either a page or an external address, not both. "
                    "Remove one of them."
                )
            )
        elif url and not url.lower().startswith("https://"):
            errors["url"] = ValidationError(
                _("External addresses must start with https://.")
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "arrow-right"
        label = _("Call to action")
        template = "smgovernance/blocks/call_to_action_block.html"
        preview_template = BLOCK_PREVIEW_TEMPLATE
        value_class = CallToActionValue
        preview_value = {
            "text": "Anträge stellen Sie online über das Serviceportal des Freistaats.",
            "url": "https://amt24.sachsen.de/",
            "link_label": "Zum Serviceportal Amt24",
        }
        description = _("A highlighted link to a page or an external https address.")


def previewed_in_the_block_chooser(block: blocks.Block) -> blocks.Block:
    """Give a block the library's preview page (with its styles) in the block chooser.

    Set on the instance's meta after construction, so the block's own behaviour
    and its deconstructed form (and so the migrations) stay unchanged.
    """
    block.meta.preview_template = BLOCK_PREVIEW_TEMPLATE
    return block


# The blocks a ContentPage body offers.
GOVERNANCE_BLOCKS: list[tuple[str, blocks.Block]] = [
    ("text", GovernanceRichTextBlock()),
    ("image", AccessibleImageBlock()),
    ("vimeo", previewed_in_the_block_chooser(VimeoBlock())),
    ("contact", ContactBlock()),
    ("channel_links", ChannelLinksBlock()),
    ("note", NoteBlock()),
    ("call_to_action", CallToActionBlock()),
]


def prefetch_for_render(stream: blocks.StreamValue) -> None:
    """Load what contact and channel blocks show in bulk: a page renders flat in queries.

    Office hours of all contact points and platforms of all linked channels take
    one query each, however many blocks the page has.
    """
    points, channels = [], []
    for child in stream:
        if isinstance(child.block, ContactBlock) and child.value.get("contact_point"):
            points.append(child.value["contact_point"])
        elif isinstance(child.block, ChannelLinksBlock):
            channels += [c for c in child.value.get("channels") or [] if c]
    prefetch_related_objects(points, "office_hours")
    prefetch_related_objects(channels, "platform")  # no query: ChannelChooserBlock
