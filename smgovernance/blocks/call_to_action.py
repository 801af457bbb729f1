"""A prominent link to one page of the site or one external https address."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .preview import BLOCK_PREVIEW_TEMPLATE


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

    def clean(self, value: CallToActionValue) -> CallToActionValue:
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
