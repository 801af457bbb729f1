"""Template tags of the extension's admin panels."""

from django import template
from wagtail.models import Page

from ..models.imprint import imprint_field_sections


register = template.Library()


@register.simple_tag
def imprint_field_entries(page: Page) -> dict:
    """Link and text for the platforms' imprint fields, built from `Site.root_url`."""
    imprint, site, sections = imprint_field_sections(page)
    return {
        "imprint": imprint,
        "root_url": site.root_url if site is not None else "",
        "sections": sections,
    }
