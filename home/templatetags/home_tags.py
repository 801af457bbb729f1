from django import template
from django.http import HttpRequest
from wagtail.models import Page, Site


register = template.Library()


def menu_pages(request: HttpRequest | None) -> list[Page]:
    """Live pages directly below the site's root page that are marked for menus."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []
    return list(site.root_page.get_children().live().in_menu())


@register.inclusion_tag("home/includes/navigation.html", takes_context=True)
def site_navigation(context: template.Context) -> dict:
    request = context.get("request")
    current = context.get("page")
    return {
        "menu_pages": menu_pages(request),
        "current_path": getattr(current, "url_path", ""),
    }
