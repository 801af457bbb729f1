"""Template helpers for the content blocks and the editor-facing checks."""

from django import template
from django.http import HttpRequest
from django.utils.safestring import mark_safe
from wagtail.images.models import AbstractImage, AbstractRendition, Filter
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.models import Page

from ..editor.page_findings import page_findings
from ..models.public_channels import channel_heading
from ..rules import phone as phone_rules


register = template.Library()


@register.simple_tag
def cached_rendition(image: AbstractImage, spec: str) -> AbstractRendition:
    """`{% cached_rendition image "fill-1280x720" as poster %}`: the rendition from
    the cache, else from the database or made, and then cached.

    Wagtail's `{% image %}` writes the rendition back to the cache on every call:
    with the database cache, a write transaction on every page view.
    """
    filter_ = image.clean_filter_for_svg(Filter(spec=spec))
    rendition_model = image.get_rendition_model()
    key = rendition_model.construct_cache_key(
        image, filter_.get_cache_key(image), filter_.spec
    )
    rendition = rendition_model.cache_backend.get(key)
    if rendition is None:  # from the database or made; a broken image, not a 500
        return get_rendition_or_not_found(image, filter_)
    rendition.image = image
    return rendition


@register.filter
def tel_href(phone: str) -> str:
    """`{{ contact.phone|tel_href }}` -> "tel:+4937317993305"."""
    return phone_rules.tel_href(phone or "")


@register.filter
def css_string(value: object) -> str:
    """Text made safe inside a double-quoted CSS string (`content: "…"`).

    Every character outside plain letters, digits, spaces and common punctuation
    becomes a CSS hex escape, so a quote or `</style>` in a title cannot end it.
    """
    safe = []
    for char in str(value or ""):
        if char.isalnum() or char in " .,:;-–·()/":
            safe.append(char)
        else:
            safe.append(f"\\{ord(char):06x}")
    return mark_safe("".join(safe))  # noqa: S308 - every other character is escaped


@register.filter
def channel_label(channel: Page) -> str:
    """The one way a channel is named in running text: "Facebook: Wirtschaft in …".

    The platform is named once, also when the title already names it.
    """
    return channel_heading(channel)


@register.filter
def channel_successors(channel: Page) -> list[Page]:
    """The live channels that replace a closed channel, if the model records them.

    The channel model keeps successors as link rows (`item.successor`); a plain
    relation of pages works too.
    """
    successors = getattr(channel, "successors", None)
    if successors is None:
        return []
    if not hasattr(successors, "all"):
        return [successors]
    pages = [getattr(item, "successor", item) for item in successors.all()]
    return [page for page in pages if page is not None and getattr(page, "live", True)]


@register.inclusion_tag("smgovernance/includes/content_checks.html", takes_context=True)
def content_check_findings(context: template.Context, page: Page | None = None) -> dict:
    """Findings about the page, rendered only in the editor's preview.

    Each finding carries `data-smg-check`, which the custom rules of the
    editor's checks panel (axe) report; visitors never see this markup. They
    are the same findings as the banners above the editor (`page_findings`).
    """
    request: HttpRequest | None = context.get("request")
    page = page or context.get("page")
    if page is None or request is None or not getattr(request, "is_preview", False):
        return {"findings": []}
    return {"findings": page_findings(page)}
