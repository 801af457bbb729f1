"""Queries per public page on the demo (page cache off, after one warm-up request).

Each page type must stay within ten queries however much content the site holds
(issue 8); the shared per-request lookups (site, menu, footer links, view
restrictions) count once.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from smgovernance.compliance import run_checks


PAGES = {
    "/": 10,
    "/impressum/": 10,
    "/kontakt/": 10,
    "/datenschutz/": 10,
    "/barrierefreiheit/": 10,
    "/netiquette/": 10,
    # 11: the cards' preview images come from one query (prefetched renditions)
    # instead of a cache read and write per card (see the database-cache test).
    "/videos/": 11,
    "/videos/leben-und-arbeiten-in-mittelsachsen/": 10,
    "/kanaele/": 10,
    "/kanaele/facebook/": 10,
    "/fachkraefte/": 10,
    # 13: the body named in the title block comes from the imprint (one query).
    "/nutzungskonzept/": 13,
}


@pytest.fixture
def uncached(settings):
    settings.SMGOVERNANCE_CACHE_ENABLED = False  # count the render, not a cache hit


@pytest.mark.parametrize("path,limit", PAGES.items())
def test_page_queries(
    demo, client, uncached, django_assert_max_num_queries, path, limit
):
    assert client.get(path).status_code == 200  # warm-up
    with django_assert_max_num_queries(limit):
        response = client.get(path)
    assert response.status_code == 200


def test_content_page_queries_flat_in_contact_and_channel_blocks(
    demo, client, uncached
):
    """Office hours and platforms load in bulk, not once per block."""
    from smgovernance.models import ContentPage

    page = ContentPage.objects.get(url_path__endswith="/fachkraefte/")
    url = page.url
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    raw = list(page.body.raw_data)
    extra = [
        dict(b, id=f"{b['id']}-{n}")
        for b in raw
        if b["type"] in ("contact", "channel_links")
        for n in range(3)
    ]
    assert extra, "the demo content page has contact and channel blocks"
    page.body = raw + extra
    page.save_revision().publish()
    client.get(url)
    with CaptureQueriesContext(connection) as after:
        assert client.get(url).status_code == 200
    assert len(after) == len(before)


def test_menu_and_footer_links_share_one_query(demo, client, uncached):
    client.get("/netiquette/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/netiquette/")
    html = response.content.decode()
    assert 'aria-label="Hauptnavigation"' in html and "/impressum/" in html
    wheres = [q["sql"].partition(" WHERE ")[2] for q in queries]
    menu = [w for w in wheres if "show_in_menus" in w]
    assert len(menu) == 1 and "content_type_id" in menu[0]


def test_compliance_run_queries_on_demo(demo, django_assert_max_num_queries):
    # 31: the archive checks read the closed channels with the end of their last
    # handover (C030) and the handovers of the shared channel list (C031); 32:
    # the monitor's checks read the verification log in one query (C028-C035).
    with django_assert_max_num_queries(32):
        run_checks()


@pytest.fixture
def database_cache(settings):
    """The shipped default without REDIS_URL: every cache read is a query."""
    from django.core.cache import caches
    from django.core.management import call_command

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "smgovernance_test_cache",
        }
    }
    call_command("createcachetable", verbosity=0)
    yield
    caches["default"].clear()


def test_video_index_queries_flat_in_videos_with_database_cache(
    demo, client, uncached, database_cache
):
    """Each card's preview image comes from prefetched renditions, and the menu's
    links from the request's site root paths: no cache read or write per item."""
    from smgovernance.models import VideoPage

    client.get("/videos/")
    with CaptureQueriesContext(connection) as before:
        client.get("/videos/")
    video = VideoPage.objects.live().filter(poster__isnull=False).first()
    for n in range(3):
        video.copy(
            update_attrs={"slug": f"{video.slug}-{n}", "title": f"{video.title} {n}"}
        )
    client.get("/videos/")  # the new cards' renditions exist from now on
    with CaptureQueriesContext(connection) as after:
        response = client.get("/videos/")
    html = response.content.decode()
    assert html.count('class="video-list__item"') == 5
    assert html.count(".fill-480x270.") >= 4
    assert len(after) == len(before)
    root_paths = [q for q in after if "site_root_paths" in str(q["sql"])]
    assert len(root_paths) <= 1


@pytest.mark.parametrize(
    "path",
    [
        "/videos/",
        "/videos/leben-und-arbeiten-in-mittelsachsen/",
        "/videos/leben-und-arbeiten-in-mittelsachsen/embed/",
        "/fachkraefte/",
    ],
)
def test_preview_images_are_not_written_to_the_cache_on_every_view(
    demo, client, uncached, database_cache, path
):
    """Wagtail's `{% image %}` stores the rendition in the cache on each call; the
    video cards and the Vimeo block's preview image only read it once it is there."""
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    writes = [
        q["sql"]
        for q in queries
        if q["sql"].startswith(("UPDATE", "INSERT", "DELETE"))
        and "rendition" in q["sql"]
    ]
    assert writes == []
    html = client.get(path).content.decode()
    assert any(
        spec in html for spec in (".fill-480x270.", ".fill-1280x720.", ".max-1200x800.")
    )
