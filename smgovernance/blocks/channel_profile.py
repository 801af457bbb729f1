"""Blocks of the channel profile page: interaction features, short lists, website links."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class InteractionFeatureBlock(blocks.StructBlock):
    name = blocks.CharBlock(
        label=_("Feature"), max_length=255, help_text=_("E.g. comments.")
    )
    needs_registration = blocks.BooleanBlock(
        label=_("Needs registration on the platform"), required=False
    )

    class Meta:
        icon = "comment"
        label = _("Interaction feature")


# One short text per entry: the channel's content kinds, target groups, what it lacks.
ITEM_BLOCKS = [("item", blocks.CharBlock(label=_("Entry"), max_length=255))]

# Other websites of ours with the same information as the channel (O-12).
WEBSITE_LINK_BLOCKS = [
    (
        "link",
        blocks.StructBlock(
            [
                ("text", blocks.CharBlock(label=_("Link text"), max_length=255)),
                ("url", blocks.URLBlock(label=_("Address"))),
            ],
            icon="link",
            label=_("Website"),
        ),
    )
]
