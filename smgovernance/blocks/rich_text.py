"""Rich text for the block library: headings h2-h4, emphasis, lists and links."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.rich_text import RichText

from ..rules.text import CONTENT_FEATURES, mentions_vimeo
from .preview import BLOCK_PREVIEW_TEMPLATE


class GovernanceRichTextBlock(blocks.RichTextBlock):
    """Rich text limited to headings h2-h4, emphasis, lists and links.

    No images, embeds or raw HTML: those would bypass alt text, consent and
    the records. Pasted Vimeo code is refused with a pointer to the Vimeo block.
    """

    def __init__(self, features: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(features=features or CONTENT_FEATURES, **kwargs)

    def clean(self, value: RichText) -> RichText:
        value = super().clean(value)
        if mentions_vimeo(value.source):
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


# Migrations refer to the block by its package path (`smgovernance.blocks.X`).
DECONSTRUCT_ALIASES = {
    GovernanceRichTextBlock: "smgovernance.blocks.GovernanceRichTextBlock"
}
