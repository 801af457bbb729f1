"""An image block that always has alt text, unless the editor marks it decorative."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from .preview import BLOCK_PREVIEW_TEMPLATE


class ImageValue(blocks.StructValue):
    @property
    def alt(self) -> str:
        """The alt attribute: empty for decorative images, as WCAG asks."""
        return "" if self.get("decorative") else (self.get("alt_text") or "")


class AccessibleImageBlock(blocks.StructBlock):
    """An image that always has alt text, unless the editor marks it decorative."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=255,
        help_text=_(
            "Describe what the image shows for people who cannot see it. "
            "Do not start with “Image of”."
        ),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative image"),
        required=False,
        help_text=_(
            "Tick only if the image adds no information; screen readers then skip it."
        ),
    )
    caption = blocks.CharBlock(
        label=_("Caption"),
        required=False,
        max_length=255,
        help_text=_("Shown below the image, e.g. the photographer's credit."),
    )

    def clean(self, value: ImageValue) -> ImageValue:
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Enter an alternative text, or mark the image as decorative.")
                    )
                }
            )
        return value

    def get_preview_value(self) -> ImageValue:
        return self.to_python(
            {
                "image": get_image_model()
                .objects.order_by("pk")
                .values_list("pk", flat=True)
                .first(),
                "alt_text": "Example image",
                "decorative": False,
                "caption": "Caption",
            }
        )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "smgovernance/blocks/image_block.html"
        preview_template = BLOCK_PREVIEW_TEMPLATE
        value_class = ImageValue
        description = _(
            "An image with alternative text (or marked decorative) and an optional caption."
        )
