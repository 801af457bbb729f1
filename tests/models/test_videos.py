"""Video pages and their index, and the admin's handling of bad input."""

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text

from smgovernance.models import VideoCategory, VideoIndexPage, VideoPage
from tests.factories import assert_loads_nothing_from_third_parties, soup


LIVING = "/videos/leben-und-arbeiten-in-mittelsachsen/"
SKILLED = "/videos/fachkraefte-fuer-die-region/"


def test_video_page_shows_the_consent_placeholder_and_loads_nothing(client, demo):
    document = soup(client.get(SKILLED))
    assert_loads_nothing_from_third_parties(document)
    assert document.find("h1").get_text(strip=True) == "Fachkräfte für die Region"
    assert "Demo-Inhalt: Video-ID beispielhaft" in document.get_text()
    player = document.find(attrs={"data-vimeo-consent": True})
    # The page's own heading names the player: the title is not repeated.
    assert [h.get_text(strip=True) for h in player.find_all(["h2", "h3"])] == [
        "Transkript"
    ]
    assert [h.get_text(strip=True) for h in document.find_all(["h1", "h2"])].count(
        "Fachkräfte für die Region"
    ) == 1
    assert player["aria-labelledby"] == document.find("h1")["id"]
    assert player["data-vimeo-player-url"] == (
        "https://player.vimeo.com/video/76979871?h=8272103f6e&dnt=1&autoplay=1#t=5s"
    )
    assert player["data-vimeo-title"] == "Fachkräfte für die Region"
    poster = player.find("img")
    # A local poster: the demo's own image, or the neutral graphic.
    assert poster["src"].startswith(("/media/images/", "/static/smgovernance/img/"))
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


def test_a_missing_preview_image_file_gives_a_broken_image_not_an_error(
    client, demo, settings
):
    """The image record stays but its file is gone (restored backup, lost volume):
    the cards and the Vimeo block render as Wagtail's `{% image %}` would."""
    settings.SMGOVERNANCE_CACHE_ENABLED = False
    video = VideoPage.objects.live().filter(poster__isnull=False).first()
    poster = video.poster
    poster.renditions.all().delete()
    poster.file.storage.delete(poster.file.name)
    for url in ("/videos/", video.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert soup(response).find("img", src=lambda src: src and "not-found" in src)


@pytest.mark.parametrize("value", ["gibt-es-nicht", "%00", "' OR 1=1", "x" * 3000])
def test_invalid_category_shows_all_videos(client, demo, value):
    response = client.get("/videos/", {"kategorie": value})
    assert response.status_code == 200
    assert len(soup(response).select(".video-list h2")) == 2


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
        ("https://vimeo.com/76979871/XYZ", "Freigabecode"),
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
