"""The oEmbed provider for our video pages: answers, bad requests, the cache."""

import json

import pytest

from smgovernance.models import VideoPage
from tests.factories import soup_fragment


SKILLED = "/videos/fachkraefte-fuer-die-region/"


def test_oembed_describes_our_video_pages(client, demo):
    for url in (
        "http://localhost" + SKILLED,
        "http://localhost" + SKILLED + "embed/",
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
        assert iframe["src"].endswith(SKILLED + "embed/")
        assert iframe["title"] == "Fachkräfte für die Region"
    small = client.get(
        "/oembed/", {"url": "http://localhost" + SKILLED, "maxwidth": "320"}
    )
    assert (small.json()["width"], small.json()["height"]) == (320, 180)


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({}, 400),
        ({"url": ""}, 400),
        ({"url": "http://localhost" + SKILLED, "format": "xml"}, 501),
        ({"url": "http://localhost/videos/"}, 404),
        ({"url": "http://localhost/"}, 404),
        ({"url": "http://localhost/videos/gibt-es-nicht/"}, 404),
        ({"url": "https://evil.example" + SKILLED}, 404),
        ({"url": "http://[::1"}, 404),
        ({"url": "javascript:alert(1)"}, 404),
        ({"url": "nonsense \x00 text"}, 404),
        ({"url": "http://localhost" + SKILLED, "maxwidth": "-1"}, 200),
        ({"url": "http://localhost" + SKILLED, "maxheight": "abc"}, 200),
    ],
)
def test_oembed_answers_bad_requests_with_4xx_or_501(client, demo, query, status):
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
