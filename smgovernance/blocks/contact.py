"""A contact point rendered from its record: the same as on the contact page."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .preview import BLOCK_PREVIEW_TEMPLATE


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

    def get_preview_value(self) -> blocks.StructValue:
        # By label: blocks are defined before the models that use them.
        contact_points = apps.get_model("smgovernance", "ContactPoint").objects
        return self.to_python(
            {
                "contact_point": contact_points.order_by("pk")
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
