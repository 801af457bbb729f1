from django import template
from django.http import HttpRequest
from wagtail.models import Page

from smgovernance.templatetags.smgovernance_tags import site_menu_pages


register = template.Library()


def menu_pages(request: HttpRequest | None) -> list[Page]:
    """Live pages directly below the site's root page that are marked for menus.

    Loaded in the same query as the footer's legal links (once per request).
    """
    return site_menu_pages(request)


@register.inclusion_tag("home/includes/navigation.html", takes_context=True)
def site_navigation(context: template.Context) -> dict:
    request = context.get("request")
    current = context.get("page")
    return {
        "menu_pages": menu_pages(request),
        "current_path": getattr(current, "url_path", ""),
    }
