"""Plain links to the authority's channels, without any platform script."""

import copy

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .preview import BLOCK_PREVIEW_TEMPLATE


CHANNEL_PAGE = "smgovernance.ChannelProfilePage"


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
        ChannelChooserBlock(page_type=CHANNEL_PAGE, label=_("Channel")),
        label=_("Channels"),
        min_num=1,
        help_text=_(
            "Choose channel pages. Links go to the profile without any platform "
            "script; closed channels are marked as closed."
        ),
    )

    def get_preview_value(self) -> blocks.StructValue:
        # By label: blocks are defined before the models that use them.
        channels = apps.get_model(CHANNEL_PAGE).objects.order_by("path")
        ids = list(channels.values_list("pk", flat=True)[:3])
        return self.to_python({"heading": "", "channels": ids})

    class Meta:
        icon = "link"
        label = _("Channel links")
        template = "smgovernance/blocks/channel_links_block.html"
        preview_template = BLOCK_PREVIEW_TEMPLATE
        description = _(
            "Links to the authority's social media channels, without tracking."
        )
