from django import template
from django.http import HttpRequest
from wagtail.models import Page, Site

from home import descriptions
from home.models import SiteIdentity
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
        # `{% pageurl %}` caches the site root paths on the request: one cache
        # read per page, not one per menu item.
        "request": request,
    }


@register.inclusion_tag("home/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context: template.Context, current_title: str = "") -> dict:
    """The trail from the home page to the current page (nothing on the home page).

    `current_title` names a view that is not a page of its own (the search).
    """
    request = context.get("request")
    page = context.get("page")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {"trail": []}
    root = site.root_page
    if isinstance(page, Page) and page.depth > root.depth:
        ancestors = _ancestors_below(root, page, request)
        trail = [{"title": p.title, "url": p.get_url(request)} for p in ancestors]
        trail.append({"title": page.title, "url": ""})
    elif current_title:
        trail = [{"title": current_title, "url": ""}]
    else:
        return {"trail": []}
    return {"trail": [{"title": "Startseite", "url": root.get_url(request)}, *trail]}


def _ancestors_below(root: Page, page: Page, request: HttpRequest | None) -> list[Page]:
    """The pages between the site's root and `page`, without a query where possible.

    Most pages sit right below the home page or below a menu page, which the
    menu has already loaded; anything deeper costs one query.
    """
    paths = [
        page.path[: depth * Page.steplen] for depth in range(root.depth + 1, page.depth)
    ]
    known = {item.path: item for item in menu_pages(request)}
    if all(path in known for path in paths):
        return [known[path] for path in paths]
    return list(page.get_ancestors().filter(depth__gt=root.depth).live())


@register.simple_tag(takes_context=True)
def meta_description(context: template.Context) -> str:
    """`search_description`, else a sensible default for the page's type."""
    identity = _identity(context)
    fallback = getattr(identity, "description", "") if identity else ""
    if context.get("search_page"):
        return descriptions.SEARCH_DESCRIPTION
    return descriptions.meta_description(context.get("page"), fallback)


@register.simple_tag(takes_context=True)
def site_identity(context: template.Context) -> SiteIdentity | None:
    """`{% site_identity as identity %}`: name, body and logo of the request's site."""
    return _identity(context)


def _identity(context: template.Context) -> SiteIdentity | None:
    request = context.get("request")
    return SiteIdentity.cached_for_request(request) if request is not None else None
