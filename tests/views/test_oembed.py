"""The oEmbed provider for our video pages: answers, bad requests, the cache."""

import json

import pytest
from wagtail.models import Site

from smgovernance.models import VideoPage
from tests.factories import soup_fragment


SKILLED = "/videos/fachkraefte-fuer-die-region/"


def site_url() -> str:
    """Where the demo site is served (its Site record), e.g. http://127.0.0.1:8000."""
    return Site.objects.get(is_default_site=True).root_url


def test_oembed_describes_our_video_pages(client, demo):
    for url in (
        site_url() + SKILLED,
        site_url() + SKILLED + "embed/",
        "http://testserver" + SKILLED.rstrip("/"),
    ):
        response = client.get("/oembed/", {"url": url, "format": "json"})
        assert response.status_code == 200, url
        assert response["Content-Type"] == "application/json"
        data = json.loads(response.content)
        assert data["version"] == "1.0"
        assert data["type"] == "video"
        assert data["title"] == "Fachkräfte für die Region"
        assert data["provider_name"] == "Wirtschaftsregion Mittelsachsen"
        assert data["provider_url"].startswith("http")
        assert (data["width"], data["height"]) == (640, 360)
        iframe = soup_fragment(data["html"]).find("iframe")
        # The iframe points where the site is really served.
        assert iframe["src"] == site_url() + SKILLED + "embed/"
        assert data["provider_url"] == site_url() + "/"
        assert iframe["title"] == "Fachkräfte für die Region"
    small = client.get("/oembed/", {"url": site_url() + SKILLED, "maxwidth": "320"})
    assert (small.json()["width"], small.json()["height"]) == (320, 180)


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({}, 400),
        ({"url": ""}, 400),
        ({"url": "{site}" + SKILLED, "format": "xml"}, 501),
        ({"url": "{site}/videos/"}, 404),
        ({"url": "{site}/"}, 404),
        ({"url": "{site}/videos/gibt-es-nicht/"}, 404),
        ({"url": "https://evil.example" + SKILLED}, 404),
        ({"url": "http://[::1"}, 404),
        ({"url": "javascript:alert(1)"}, 404),
        ({"url": "nonsense \x00 text"}, 404),
        ({"url": "{site}" + SKILLED, "maxwidth": "-1"}, 200),
        ({"url": "{site}" + SKILLED, "maxheight": "abc"}, 200),
    ],
)
def test_oembed_answers_bad_requests_with_4xx_or_501(client, demo, query, status):
    if "url" in query:
        query = {**query, "url": query["url"].replace("{site}", site_url())}
    assert client.get("/oembed/", query).status_code == status


def test_oembed_answers_are_cached_and_purged_with_the_page(client, demo):
    query = {"url": "http://testserver" + SKILLED, "format": "json"}
    assert client.get("/oembed/", query)["X-Cache"] == "MISS"
    assert client.get("/oembed/", query)["X-Cache"] == "HIT"
    page = VideoPage.objects.get(slug="fachkraefte-fuer-die-region")
    page.title = "Fachkräfte gesucht"
    page.save_revision().publish()
    response = client.get("/oembed/", query)
    assert response["X-Cache"] == "MISS"
    assert response.json()["title"] == "Fachkräfte gesucht"
    # Errors are never stored.
    for _ in range(2):
        assert "X-Cache" not in client.get("/oembed/", {"url": "http://testserver/"})


def test_oembed_uses_the_request_scheme_behind_an_https_proxy(client, demo, settings):
    """Issue 13.12: behind the proxy the answer must not point to http://."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = client.get(
        "/oembed/",
        {"url": site_url().replace("http://", "https://") + SKILLED},
        HTTP_X_FORWARDED_PROTO="https",
    )
    data = response.json()
    iframe = soup_fragment(data["html"]).find("iframe")
    assert iframe["src"].startswith("https://")
    assert iframe["src"].endswith(SKILLED + "embed/")
    assert data["provider_url"].startswith("https://")
    page = client.get(SKILLED, HTTP_X_FORWARDED_PROTO="https")
    link = soup_fragment(page.content.decode()).find(
        "link", type="application/json+oembed"
    )
    assert link["href"].startswith("https://")
    assert "url=https%3A%2F%2F" in link["href"]


@pytest.mark.parametrize(
    ("query", "size"),
    [
        ({"maxwidth": "1"}, (200, 113)),
        ({"maxheight": "1"}, (200, 113)),
        ({"maxwidth": "150", "maxheight": "400"}, (200, 113)),
        ({"maxwidth": "480"}, (480, 270)),
    ],
)
def test_oembed_never_describes_an_unusably_small_player(client, demo, query, size):
    response = client.get("/oembed/", {"url": site_url() + SKILLED, **query})
    data = response.json()
    assert (data["width"], data["height"]) == size
    iframe = soup_fragment(data["html"]).find("iframe")
    assert (int(iframe["width"]), int(iframe["height"])) == size


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"url": "http://localhost/"},
        {"url": "http://localhost" + SKILLED, "format": "xml"},
    ],
)
def test_oembed_errors_declare_their_charset(client, demo, query):
    response = client.get("/oembed/", query)
    assert response.status_code >= 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "unterstÃ" not in response.content.decode("utf-8")
