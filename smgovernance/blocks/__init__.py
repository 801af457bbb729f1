"""StreamField blocks of the extension, usable in any StreamField of any site.

One module per kind of block; this package re-exports them, so
`smgovernance.blocks.VimeoBlock` (a public contract) and the paths that
migrations import keep working. Blocks never import models: choosers name
their model by label ("smgovernance.ContactPoint").
"""

from .accessibility import KnownBarrierBlock
from .call_to_action import CallToActionBlock, CallToActionValue
from .channel_links import ChannelChooserBlock, ChannelLinksBlock
from .channel_profile import ITEM_BLOCKS, WEBSITE_LINK_BLOCKS, InteractionFeatureBlock
from .contact import ContactBlock
from .image import AccessibleImageBlock, ImageValue
from .library import GOVERNANCE_BLOCKS, prefetch_for_render
from .netiquette import (
    NetiquetteMeasureBlock,
    NetiquetteMeasureValue,
    NetiquetteRuleBlock,
)
from .note import NoteBlock
from .preview import BLOCK_PREVIEW_TEMPLATE, previewed_in_the_block_chooser
from .rich_text import GovernanceRichTextBlock
from .vimeo import (
    CAPTION_LANGUAGES,
    EVENT_MESSAGE,
    TRANSCRIPT_FEATURES,
    VimeoBlock,
    VimeoValue,
    parse_video,
)


__all__ = [
    "BLOCK_PREVIEW_TEMPLATE",
    "CAPTION_LANGUAGES",
    "EVENT_MESSAGE",
    "GOVERNANCE_BLOCKS",
    "TRANSCRIPT_FEATURES",
    "AccessibleImageBlock",
    "CallToActionBlock",
    "CallToActionValue",
    "ChannelChooserBlock",
    "ChannelLinksBlock",
    "ContactBlock",
    "GovernanceRichTextBlock",
    "ImageValue",
    "ITEM_BLOCKS",
    "InteractionFeatureBlock",
    "WEBSITE_LINK_BLOCKS",
    "KnownBarrierBlock",
    "NetiquetteMeasureBlock",
    "NetiquetteMeasureValue",
    "NetiquetteRuleBlock",
    "NoteBlock",
    "VimeoBlock",
    "VimeoValue",
    "parse_video",
    "prefetch_for_render",
    "previewed_in_the_block_chooser",
]
