"""The preview page the block library shows in the block chooser."""

from wagtail import blocks


BLOCK_PREVIEW_TEMPLATE = "smgovernance/blocks/preview.html"


def previewed_in_the_block_chooser(block: blocks.Block) -> blocks.Block:
    """Give a block the library's preview page (with its styles) in the block chooser.

    Set on the instance's meta after construction, so the block's own behaviour
    and its deconstructed form (and so the migrations) stay unchanged.
    """
    block.meta.preview_template = BLOCK_PREVIEW_TEMPLATE
    return block
