"""Blocks of the accessibility statement."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from ..rules.text import INLINE_FEATURES


class KnownBarrierBlock(blocks.StructBlock):
    """One piece of content that is not accessible, why, and how to get it instead."""

    item = blocks.CharBlock(
        label=_("Content"),
        max_length=255,
        help_text=_("What is not accessible, e.g. videos without audio description."),
    )
    reason = blocks.TextBlock(
        label=_("Reason"),
        help_text=_("Why it is not accessible (yet), and until when it will be fixed."),
    )
    alternative = blocks.RichTextBlock(
        label=_("Accessible alternative"),
        features=INLINE_FEATURES,
        help_text=_("How people can get the same information in an accessible way."),
    )

    class Meta:
        icon = "warning"
        label = _("Known barrier")
        template = "smgovernance/blocks/known_barrier_block.html"
        description = _(
            "A content that is not accessible, with reason and alternative."
        )
        preview_value = {
            "item": "Videos",
            "reason": "No audio description yet.",
            "alternative": "Transcripts on each video page.",
        }
