"""A highlighted note ("Hinweis") for information or a warning."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from ..rules.text import LIST_FEATURES
from .preview import BLOCK_PREVIEW_TEMPLATE
from .rich_text import GovernanceRichTextBlock


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
    text = GovernanceRichTextBlock(features=LIST_FEATURES, label=_("Text"))

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
