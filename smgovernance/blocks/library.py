"""The governance block library a ContentPage body offers, and bulk loading for render.

Every fact a block shows about a channel or a contact comes from the records
(ContactPoint, ChannelProfilePage), so a page built from these blocks can never
contradict the imprint or the contact page. Raw HTML, iframes and scripts are
deliberately not offered.
"""

from django.db.models import prefetch_related_objects
from wagtail import blocks

from .call_to_action import CallToActionBlock
from .channel_links import ChannelLinksBlock
from .contact import ContactBlock
from .image import AccessibleImageBlock
from .note import NoteBlock
from .preview import previewed_in_the_block_chooser
from .rich_text import GovernanceRichTextBlock
from .vimeo import VimeoBlock


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
