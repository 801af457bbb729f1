"""Template tags every site that installs smgovernance can use."""

from django import template
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site


register = template.Library()

# The legal pages every public page links in its footer, in this order (O-4, O-22).
FOOTER_PAGE_TYPES: tuple[tuple[str, str], ...] = (
    ("smgovernance.ImprintPage", _("Imprint")),
    ("smgovernance.PrivacyPage", _("Privacy")),
    ("smgovernance.AlternativeContactPage", _("Contact")),
    ("smgovernance.AccessibilityStatementPage", _("Accessibility")),
)


def _legal_models() -> dict[str, tuple[type[Page], str]]:
    models_by_label = {}
    for label, text in FOOTER_PAGE_TYPES:
        try:
            models_by_label[label] = (apps.get_model(label), text)
        except LookupError:
            continue
    return models_by_label


def _chrome_pages(request: HttpRequest | None) -> tuple[list[Page], list[dict]]:
    """Menu pages and footer legal links of the request's site, cached on the request.

    Every public page shows both, so they come from one query: the live pages of
    the legal types anywhere in the site plus the live in-menu children of its root.
    """
    if request is not None and hasattr(request, "_smgovernance_chrome"):
        return request._smgovernance_chrome
    site = Site.find_for_request(request) if request is not None else None
    models_by_label = _legal_models()
    content_types = (
        ContentType.objects.get_for_models(
            *(model for model, _text in models_by_label.values())
        )
        if models_by_label
        else {}
    )
    legal_type_ids = {ct.pk for ct in content_types.values()}
    menu_depth = site.root_page.depth + 1 if site is not None else None
    condition = Q(content_type__in=legal_type_ids)
    if menu_depth is not None:
        condition |= Q(depth=menu_depth, show_in_menus=True)
    menu: list[Page] = []
    first_by_type: dict[int, Page] = {}
    if legal_type_ids or menu_depth is not None:
        pages = Page.objects.live().filter(condition)
        if site is not None:
            pages = pages.in_site(site)
        for page in pages.order_by("path"):
            if page.content_type_id in legal_type_ids:
                first_by_type.setdefault(page.content_type_id, page)
            if page.depth == menu_depth and page.show_in_menus:
                menu.append(page)
    links: list[dict] = []
    for model, text in models_by_label.values():
        page = first_by_type.get(content_types[model].pk)
        if page is not None:
            links.append(
                {
                    "label": model._meta.label,
                    "text": text,
                    "url": page.get_url(request),
                }
            )
    result = (menu, links)
    if request is not None:
        request._smgovernance_chrome = result
    return result


def legal_page_links(request: HttpRequest | None) -> list[dict]:
    """Label and URL of each legal page that exists and is live in the request's site.

    A page type that is not installed or has no live page yet is left out, so a
    footer link is never broken.
    """
    return _chrome_pages(request)[1]


def site_menu_pages(request: HttpRequest | None) -> list[Page]:
    """Live in-menu pages directly below the site's root (fetched with the legal links)."""
    return _chrome_pages(request)[0]


@register.inclusion_tag("smgovernance/includes/legal_links.html", takes_context=True)
def legal_links(context: template.Context) -> dict:
    """The footer's plain links to imprint, privacy notice, contact and accessibility."""
    return {"links": legal_page_links(context.get("request"))}


def legal_page_url(request: HttpRequest | None, model_label: str) -> str | None:
    """URL of the site's live legal page of that type (e.g. "smgovernance.PrivacyPage")."""
    for link in legal_page_links(request):
        if link["label"] == model_label:
            return link["url"]
    return None


@register.simple_tag(takes_context=True)
def legal_page(context: template.Context, model_label: str) -> str:
    """`{% legal_page "smgovernance.PrivacyPage" as privacy_url %}`: "" when missing."""
    return legal_page_url(context.get("request"), model_label) or ""
