"""Template helpers for the content blocks and the editor-facing checks."""

from django import template
from django.http import HttpRequest
from wagtail.models import Page

from ..compliance.content import check_page
from ..rules import phone as phone_rules


register = template.Library()


@register.filter
def tel_href(phone: str) -> str:
    """`{{ contact.phone|tel_href }}` -> "tel:+4937317993305"."""
    return phone_rules.tel_href(phone or "")


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
    editor's checks panel (axe) report; visitors never see this markup.
    """
    request: HttpRequest | None = context.get("request")
    page = page or context.get("page")
    if page is None or request is None or not getattr(request, "is_preview", False):
        return {"findings": []}
    return {"findings": check_page(page)}
