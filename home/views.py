"""The demo site's own views: site search, robots.txt and the favicon."""

import re

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.static import serve
from wagtail.models import Page, Site

from home.descriptions import meta_description


NOT_A_WORD = re.compile(r"[^\w\s]")
RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
FAVICON = settings.BASE_DIR / "static" / "img" / "favicon.ico"


def search_words(query: str) -> str:
    """The words of a query, without punctuation.

    Quotes, brackets and operators would otherwise reach the database's full-text
    syntax (SQLite FTS5 fails on a lone quote).
    """
    return " ".join(NOT_A_WORD.sub(" ", query).split())


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """Full-text search over the live public pages of the request's site.

    Wagtail's database backend: PostgreSQL full text on PostgreSQL, else the
    database's own search (SQLite FTS5 or LIKE).
    """
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    site = Site.find_for_request(request)
    results_page = None
    if query and site is not None:
        pages = Page.objects.live().public().in_site(site).specific()
        words = search_words(query)
        paginator = Paginator(pages.search(words) if words else [], RESULTS_PER_PAGE)
        try:
            results_page = paginator.page(request.GET.get("seite", 1))
        except (PageNotAnInteger, EmptyPage):
            results_page = paginator.page(1)
    results = [
        {"page": page, "url": page.get_url(request), "text": meta_description(page)}
        for page in (results_page or [])
    ]
    return render(
        request,
        "home/search.html",
        {
            "search_page": True,
            "search_query": query,
            "results": results,
            "results_page": results_page,
        },
    )


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Everything public may be crawled, except the admin and the frameable video views."""
    sitemap = request.build_absolute_uri("/sitemap.xml")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /*/embed/",
        "Disallow: /suche/?",
        f"Sitemap: {sitemap}",
    ]
    return HttpResponse(
        "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
    )


@require_GET
@cache_control(max_age=86400, public=True)
def favicon(request: HttpRequest) -> FileResponse:
    """/favicon.ico, which browsers ask for on their own."""
    return FileResponse(FAVICON.open("rb"), content_type="image/vnd.microsoft.icon")


@require_GET
def media(request: HttpRequest, path: str) -> HttpResponse:
    """An uploaded file from MEDIA_ROOT, read at request time (tests change it)."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)
