"""Video pages, the frameable view, oEmbed and the admin's handling of bad input."""

import json
from urllib.parse import urlsplit

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text

from smgovernance.models import VideoCategory, VideoIndexPage, VideoPage
from tests.factories import footer_links, soup


LIVING = "/videos/leben-und-arbeiten-in-mittelsachsen/"
SKILLED = "/videos/fachkraefte-fuer-die-region/"
THIRD_PARTY_LOADS = (
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("object", "data"),
    ("embed", "src"),
)


def assert_loads_nothing_from_third_parties(document):
    assert document.find("iframe") is None
    for tag, attribute in THIRD_PARTY_LOADS:
        for element in document.find_all(tag):
            url = element.get(attribute, "")
            host = urlsplit(url).hostname
            if element.name == "link" and "alternate" in element.get("rel", []):
                assert host in (None, "localhost", "testserver"), url
                continue
            assert not url.startswith(("http:", "https:", "//")), url
    for a in document.find_all("a", href=True):
        # Links to Vimeo are plain links to vimeo.com; our own pages (such as
        # /datenschutz/#vimeo) may mention Vimeo in their address.
        host = urlsplit(a["href"]).hostname or ""
        if "vimeo" in host:
            assert a["href"].startswith("https://vimeo.com/"), a["href"]


def test_demo_has_the_concepts_categories_and_two_demo_videos(demo):
    assert set(VideoCategory.objects.values_list("name", flat=True)) == {
        "Unternehmen",
        "Fachkräfte",
        "Nachhaltigkeit",
        "Mittelsachsen als Arbeits- und Lebensort",
        "Projektdokumentationen",
    }
    assert VideoPage.objects.live().count() >= 2
    assert VideoIndexPage.objects.get().url_path.endswith("/videos/")


def test_video_page_shows_the_consent_placeholder_and_loads_nothing(client, demo):
    document = soup(client.get(SKILLED))
    assert_loads_nothing_from_third_parties(document)
    assert document.find("h1").get_text(strip=True) == "Fachkräfte für die Region"
    assert "Demo-Inhalt: Video-ID beispielhaft" in document.get_text()
    player = document.find(attrs={"data-vimeo-consent": True})
    heading = player.find(["h2"])
    assert heading.get_text(strip=True) == "Fachkräfte für die Region"
    assert player["aria-labelledby"] == heading["id"]
    assert player["data-vimeo-player-url"] == (
        "https://player.vimeo.com/video/76979871?h=8272103f6e&dnt=1&autoplay=1#t=5s"
    )
    assert player["data-vimeo-title"] == "Fachkräfte für die Region"
    poster = player.find("img")
    assert poster["src"].startswith("/static/smgovernance/img/")
    assert poster["alt"] == "Vorschaubild des Videos „Fachkräfte für die Region“"
    text = player.get_text(" ", strip=True)
    assert "Vimeo" in text and "USA" in text
    assert "IP-Adresse" in text and "Browser" in text and "Cookies" in text
    button = player.find("button")
    assert button["type"] == "button"
    assert (
        button.get_text(strip=True)
        == "Video „Fachkräfte für die Region“ von Vimeo laden"
    )
    checkbox = player.find("input", type="checkbox")
    assert not checkbox.has_attr("checked")
    assert player.find("label", attrs={"for": checkbox["id"]}).get_text(strip=True) == (
        "Vimeo-Videos immer laden"
    )
    watch = player.find("a", string="Auf vimeo.com ansehen")
    assert watch["href"] == "https://vimeo.com/76979871/8272103f6e"
    assert player.find(attrs={"role": "status"}) is not None
    # Transcript and captions note are there without consent.
    assert "Zerspanungsmechaniker" in player.get_text()
    assert "keine Untertitel" in player.get_text()
    # No inline script or style anywhere.
    assert all(script.get("src") for script in document.find_all("script"))
    assert document.find(style=True) is None
    assert document.find("style") is None


def test_privacy_link_points_to_the_vimeo_section_when_a_privacy_page_exists(
    client, demo
):
    from smgovernance.models import PrivacyPage

    player = soup(client.get(LIVING)).find(attrs={"data-vimeo-consent": True})
    link = player.find("a", href="/datenschutz/#vimeo")
    assert link.get_text(strip=True) == "Datenschutzhinweise zu Vimeo-Videos"
    privacy = soup(client.get("/datenschutz/"))
    section = privacy.find(id="vimeo")
    assert section.name == "section"
    assert "Vimeo" in section.find("h2").get_text()
    # Without a live privacy page there is no link that would lead nowhere; the
    # unpublish purges the page cache, so the cached page is not served again.
    PrivacyPage.objects.get().unpublish()
    player = soup(client.get(LIVING)).find(attrs={"data-vimeo-consent": True})
    assert not any("#vimeo" in a["href"] for a in player.find_all("a"))
    assert player.find("button") is not None


def test_captions_note_names_the_language(client, demo):
    document = soup(client.get(LIVING))
    assert "Untertitel: Deutsch" in document.get_text()


def test_video_page_announces_its_oembed_endpoint(client, demo):
    document = soup(client.get(SKILLED))
    link = document.find("link", type="application/json+oembed")
    assert link["rel"] == ["alternate"]
    assert link["title"] == "Fachkräfte für die Region"
    response = client.get(link["href"])
    assert response.status_code == 200
    assert response.json()["title"] == "Fachkräfte für die Region"


def test_video_index_lists_and_filters_by_category(
    client, demo, django_assert_max_num_queries
):
    with django_assert_max_num_queries(30):
        document = soup(client.get("/videos/"))
    assert_loads_nothing_from_third_parties(document)
    titles = [h2.get_text(strip=True) for h2 in document.select(".video-list h2")]
    assert set(titles) == {
        "Leben und Arbeiten in Mittelsachsen",
        "Fachkräfte für die Region",
    }
    label = document.find("label", attrs={"for": "video-category"})
    assert label.get_text(strip=True) == "Kategorie"
    filtered = soup(client.get("/videos/?kategorie=arbeits-und-lebensort"))
    titles = [h2.get_text(strip=True) for h2 in filtered.select(".video-list h2")]
    assert titles == ["Leben und Arbeiten in Mittelsachsen"]
    assert "Videos in der Kategorie „Mittelsachsen als Arbeits- und Lebensort“" in (
        filtered.get_text()
    )
    empty = soup(client.get("/videos/?kategorie=nachhaltigkeit"))
    assert empty.select(".video-list h2") == []


@pytest.mark.parametrize("value", ["gibt-es-nicht", "%00", "' OR 1=1", "x" * 3000])
def test_invalid_category_shows_all_videos(client, demo, value):
    response = client.get("/videos/", {"kategorie": value})
    assert response.status_code == 200
    assert len(soup(response).select(".video-list h2")) == 2


def test_footer_offers_consent_management_that_works_without_javascript(client, demo):
    links = footer_links(soup(client.get(SKILLED)))
    assert links["Einwilligungen verwalten"] == "/einwilligungen/"
    document = soup(client.get("/einwilligungen/"))
    assert document.find("h1").get_text(strip=True) == "Einwilligungen verwalten"
    assert "ohne Kennung" in document.get_text()
    assert document.find("button", attrs={"data-vimeo-revoke": True}).has_attr("hidden")


def test_embed_view_is_frameable_only_by_the_configured_origins(client, demo, settings):
    settings.SMGOVERNANCE_EMBED_ORIGINS = [
        "https://www.wirtschaft-in-mittelsachsen.de",
        "https://bad.example; script-src *",
    ]
    response = client.get(SKILLED + "embed/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'self' https://www.wirtschaft-in-mittelsachsen.de;" in (
        policy + ";"
    )
    assert "bad.example" not in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "X-Frame-Options" not in response
    for url in (SKILLED, "/videos/", "/", "/einwilligungen/", "/oembed/?url=x"):
        other = client.get(url)
        assert "frame-ancestors 'self';" in other["Content-Security-Policy"] + ";"
        assert other["X-Frame-Options"] == "SAMEORIGIN"


def test_embed_view_has_minimal_chrome_same_consent_ui_and_footer_links(client, demo):
    document = soup(client.get(SKILLED + "embed/"))
    assert_loads_nothing_from_third_parties(document)
    assert document.html["lang"] == "de"
    assert document.find("header") is None
    assert document.find("h1").get_text(strip=True) == "Fachkräfte für die Region"
    assert document.find("h2").get_text(strip=True) == "Transkript"
    assert document.find("button").get_text(strip=True) == (
        "Video „Fachkräfte für die Region“ von Vimeo laden"
    )
    assert "Einwilligungen verwalten" in footer_links(document)
    assert document.find("base")["target"] == "_blank"


def test_embed_of_a_draft_or_unknown_page_is_404(client, demo):
    assert client.get("/videos/gibt-es-nicht/embed/").status_code == 404
    page = VideoPage.objects.get(slug="fachkraefte-fuer-die-region")
    page.unpublish()
    assert client.get(SKILLED + "embed/").status_code == 404


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


def soup_fragment(html):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


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


# --- the admin -------------------------------------------------------------------


def add_form(index, **overrides):
    data = {
        "title": "Neues Video",
        "slug": "neues-video",
        "video_url": "https://vimeo.com/76979871",
        "description": rich_text("<p>Beschreibung</p>"),
        "publication_date": "2024-01-15",
        "transcript": rich_text("<p>Gesprochener Text</p>"),
        "captions_available": "",
        "caption_language": "de",
        "start_time": "",
        "categories": [str(VideoCategory.objects.first().pk)],
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(index):
    return f"/admin/pages/add/smgovernance/videopage/{index.pk}/"


def test_admin_publishes_a_video_page_and_normalises_the_embed_code(admin_client, demo):
    index = VideoIndexPage.objects.get()
    code = (
        '<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e&amp;app_id=58479" '
        'title="x"></iframe><script src="https://player.vimeo.com/api/player.js"></script>'
    )
    response = admin_client.post(add_url(index), add_form(index, video_url=code))
    assert response.status_code == 302
    page = VideoPage.objects.get(slug="neues-video")
    assert page.live
    assert page.video_url == "https://vimeo.com/76979871/8272103f6e"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("https://www.youtube.com/watch?v=abc", "Das ist keine Vimeo-Adresse"),
        ("https://vimeo.com/user16758230", "nicht zu einem einzelnen Video"),
        ("https://vimeo.com/76979871/XYZ", "Privatsphäre-Hash"),
        (
            '<iframe src="https://player.vimeo.com/video/1" onload="x()"></iframe>',
            "Skripte",
        ),
        ("https://vimeo.com/event/4711", "Live-Veranstaltung"),
    ],
)
def test_admin_shows_the_parsers_german_message_at_the_field(
    admin_client, demo, value, message
):
    index = VideoIndexPage.objects.get()
    response = admin_client.post(add_url(index), add_form(index, video_url=value))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["video_url"]
    assert message in errors["video_url"][0]
    assert message in response.content.decode()
    assert not VideoPage.objects.filter(slug="neues-video").exists()


def test_admin_edit_with_bad_url_keeps_the_live_version(admin_client, demo):
    page = VideoPage.objects.get(slug="fachkraefte-fuer-die-region")
    revision = page.live_revision_id
    data = add_form(
        page.get_parent(),
        title=page.title,
        slug=page.slug,
        video_url="https://vimeo.com.evil.example/1",
    )
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    assert "keine Vimeo-Adresse" in response.context["form"].errors["video_url"][0]
    page.refresh_from_db()
    assert page.live_revision_id == revision
    assert page.video_url == "https://vimeo.com/76979871/8272103f6e"


def test_transcript_is_required_for_videos_published_after_september_2020(
    admin_client, demo
):
    index = VideoIndexPage.objects.get()
    data = add_form(index, transcript=rich_text(""))
    response = admin_client.post(add_url(index), data)
    assert response.status_code == 200
    assert "brauchen ein Transkript" in response.context["form"].errors["transcript"][0]
    assert not VideoPage.objects.filter(slug="neues-video").exists()
    # A draft may still be saved without it ...
    draft = add_form(index, transcript=rich_text(""))
    del draft["action-publish"]
    assert admin_client.post(add_url(index), draft).status_code == 302
    assert not VideoPage.objects.get(slug="neues-video").live
    # ... and older videos are exempt.
    older = add_form(
        index,
        slug="altes-video",
        publication_date="2019-06-01",
        transcript=rich_text(""),
    )
    assert admin_client.post(add_url(index), older).status_code == 302
    assert VideoPage.objects.get(slug="altes-video").live


def test_bad_start_time_is_refused_at_the_field(admin_client, demo):
    index = VideoIndexPage.objects.get()
    response = admin_client.post(add_url(index), add_form(index, start_time="eins"))
    assert "Startzeit" in response.context["form"].errors["start_time"][0]


def test_video_pages_only_live_under_the_video_index(demo):
    assert VideoPage.parent_page_types == ["smgovernance.VideoIndexPage"]
    assert not VideoPage.can_create_at(Page.objects.get(depth=2))


def test_vimeo_block_renders_the_same_placeholder_in_any_streamfield(rf, demo):
    from smgovernance.blocks import VimeoBlock

    block = VimeoBlock()
    value = block.to_python(
        {
            "video": "https://vimeo.com/76979871",
            "title": "Im Fließtext",
            "start_time": "90",
        }
    )
    html = block.render(value, context={"request": rf.get("/")})
    fragment = soup_fragment(html)
    assert fragment.find("h2").get_text(strip=True) == "Im Fließtext"
    assert fragment.find("section")["data-vimeo-player-url"] == (
        "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1#t=90s"
    )
    assert fragment.find("iframe") is None


# --- with the public page cache ----------------------------------------------------

PARTNER = "https://www.wirtschaft-in-mittelsachsen.de"


def test_cached_embed_view_keeps_its_own_frame_ancestors(client, demo, settings):
    """The embed view is served through Wagtail routing and cached like pages: the
    replayed response must carry the embed policy, and pages keep theirs."""
    settings.SMGOVERNANCE_EMBED_ORIGINS = [PARTNER]
    for url, ancestors in (
        (SKILLED + "embed/", f"frame-ancestors 'self' {PARTNER};"),
        (SKILLED, "frame-ancestors 'self';"),
    ):
        first = client.get(url)
        second = client.get(url)
        assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT"), url
        assert second.content == first.content
        for response in (first, second):
            assert ancestors in response["Content-Security-Policy"] + ";", url
    embed = client.get(SKILLED + "embed/")
    assert "X-Frame-Options" not in embed
    assert client.get(SKILLED)["X-Frame-Options"] == "SAMEORIGIN"


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
