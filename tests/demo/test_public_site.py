"""The demo site's own features: identity, navigation, search, sitemap, robots, favicon."""

import gzip
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from wagtail.models import Page

from home.models import SiteIdentity


pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def public_paths() -> list[str]:
    """The URL path of every live public page of the demo, home included."""
    return [
        page.url
        for page in Page.objects.live().public().filter(depth__gte=2).order_by("path")
    ]


def soup(client, path: str) -> BeautifulSoup:
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


def test_every_page_has_a_meta_description_and_the_site_chrome(client, demo):
    paths = public_paths()
    assert len(paths) >= 16
    for path in [*paths, "/suche/", "/videos/fachkraefte-fuer-die-region/embed/"]:
        html = soup(client, path)
        description = html.find("meta", attrs={"name": "description"})
        assert description is not None, path
        assert len(description["content"].strip()) >= 20, path
        if not path.endswith("/embed/"):  # the frameable view has no site chrome
            assert html.find("link", rel="icon") is not None, path


def test_meta_description_prefers_search_description_else_a_default_per_type(
    client, demo
):
    video = soup(client, "/videos/fachkraefte-fuer-die-region/")
    assert video.find("meta", attrs={"name": "description"})["content"] == (
        "Ausbildung und Karriere in mittelständischen Betrieben des Landkreises."
    )
    imprint = soup(client, "/impressum/")
    assert imprint.find("meta", attrs={"name": "description"})["content"].startswith(
        "Impressum:"
    )


def test_header_shows_site_name_body_and_logo_slot_from_the_setting(client, demo):
    html = soup(client, "/")
    assert html.select_one(".site-brand__name").get_text(strip=True) == (
        "Wirtschaftsregion Mittelsachsen"
    )
    assert "Landkreis Mittelsachsen" in html.select_one(".kern-kopfzeile").get_text()
    assert html.select_one(".site-brand__logo") is None

    identity = SiteIdentity.for_site(demo)
    identity.site_name = "Kreisportal"
    identity.save()
    html = soup(client, "/kontakt/")
    assert html.select_one(".site-brand__name").get_text(strip=True) == "Kreisportal"
    assert html.title.get_text().endswith("– Kreisportal")


def test_breadcrumbs_on_every_page_below_home_and_none_on_home(client, demo):
    assert soup(client, "/").select_one("nav.breadcrumbs") is None
    html = soup(client, "/kanaele/facebook/")
    trail = html.select("nav.breadcrumbs li")
    assert [li.get_text(strip=True) for li in trail] == [
        "Startseite",
        "Unsere Kanäle in sozialen Medien",
        "Wirtschaft in Mittelsachsen",
    ]
    assert trail[-1].find("a") is None
    assert trail[-1].find(attrs={"aria-current": "page"}) is not None
    for path in public_paths()[1:]:
        assert soup(client, path).select_one("nav.breadcrumbs") is not None, path


def test_footer_has_the_four_legal_links(client, demo):
    links = soup(client, "/netiquette/").select("footer .legal-links a")
    assert [a.get_text(strip=True) for a in links][:4] == [
        "Impressum",
        "Datenschutz",
        "Kontakt",
        "Barrierefreiheit",
    ]


def test_home_page_offers_channels_videos_contact_and_concept_as_cards(client, demo):
    cards = soup(client, "/").select(".entry-points .kern-card a")
    assert [(a.get_text(strip=True), a["href"]) for a in cards] == [
        ("Unsere Kanäle in sozialen Medien", "/kanaele/"),
        ("Videos", "/videos/"),
        ("Kontakt", "/kontakt/"),
        ("Nutzungskonzept Social Media", "/nutzungskonzept/"),
    ]


def test_video_list_shows_the_demo_posters_from_this_site(client, demo):
    images = soup(client, "/videos/").select(".video-list img")
    assert len(images) == 2
    for image in images:
        assert urlsplit(image["src"]).netloc == ""
        assert image["src"].startswith("/media/images/")
        assert image["alt"] == ""


def test_search_finds_the_facebook_channel(client, demo):
    html = soup(client, "/suche/?q=Facebook")
    results = [a["href"] for a in html.select(".search-results a")]
    assert "/kanaele/facebook/" in results
    assert "/kanaele/twitter/" not in results
    assert html.select_one("nav.breadcrumbs [aria-current=page]").get_text() == "Suche"


def test_search_finds_a_channel_by_its_platform_and_handle_not_only_its_title(
    client, demo
):
    from smgovernance.models import ChannelProfilePage

    channel = ChannelProfilePage.objects.get(slug="facebook")
    channel.title = "Wirtschaft in Mittelsachsen"
    channel.save_revision().publish()
    for query in ("Facebook", channel.handle):
        html = soup(client, f"/suche/?q={query}")
        assert "/kanaele/facebook/" in [
            a["href"] for a in html.select(".search-results a")
        ]


def test_search_without_query_and_with_odd_input_never_fails(client, demo):
    assert soup(client, "/suche/").select(".search-results") == []
    html = soup(client, "/suche/?q=%22%27%3C%3E%28%29*&seite=x")
    assert "Ergebnisse" in html.select_one(".search-results__heading").get_text()
    assert client.get("/suche/?q=" + "a" * 5000).status_code == 200
    assert client.post("/suche/", {"q": "Facebook"}).status_code == 405


def test_sitemap_lists_every_public_page_and_no_embed_view(client, demo):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = [
        urlsplit(loc.text).path
        # our own test server's answer, not untrusted input
        for loc in ET.fromstring(response.content).findall(  # noqa: S314
            "sm:url/sm:loc", SITEMAP_NS
        )
    ]
    assert sorted(locations) == sorted(public_paths())
    for path in ("/kanaele/facebook/", "/impressum/", "/nutzungskonzept/"):
        assert path in locations
    assert not [loc for loc in locations if "/embed" in loc]


def test_robots_txt_points_to_the_sitemap_and_keeps_out_admin_and_embeds(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Disallow: /*/embed/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_favicon_answers(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/vnd.microsoft.icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"


def test_css_a_page_loads_stays_within_60_kb_compressed(client, demo):
    """KERN is compiled down to what the site uses (static/kern/README.md)."""
    sizes = {}
    for path in [*public_paths(), "/suche/"]:
        total = 0
        for link in soup(client, path).find_all("link", rel="stylesheet"):
            if link["href"].startswith(settings.STATIC_URL):
                found = finders.find(link["href"].removeprefix(settings.STATIC_URL))
                assert found, link["href"]
                content = Path(found).read_bytes()
            else:  # a stylesheet the page serves itself (the concept's print header)
                response = client.get(link["href"])
                assert response.status_code == 200, link["href"]
                content = response.content
            total += len(gzip.compress(content, compresslevel=9))
        sizes[path] = total
    assert max(sizes.values()) <= 60_000, sizes
