"""Server-side preview images: fetched from Vimeo by a command, served from our media.

No test makes a real request: `vimeo_posters.http_get` is replaced by a fake that
answers only the addresses it knows and records every call.
"""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from PIL import Image as PillowImage

from smgovernance import vimeo_posters
from smgovernance.models import VideoPage
from tests.factories import soup


SKILLED = "/videos/fachkraefte-fuer-die-region/"
THUMBNAIL = "https://i.vimeocdn.com/video/452001751-8216e2e4e4-d_1280"


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (64, 36), (30, 90, 60)).save(buffer, "PNG")
    return buffer.getvalue()


class FakeVimeo:
    """Answers oEmbed requests and thumbnail downloads like Vimeo would."""

    def __init__(self, thumbnail: str = THUMBNAIL, content: bytes | None = None):
        self.thumbnail = thumbnail
        self.content = png_bytes() if content is None else content
        self.calls: list[str] = []

    def __call__(self, url: str, timeout: float = 10) -> bytes:
        self.calls.append(url)
        if url.startswith(vimeo_posters.OEMBED_ENDPOINT + "?"):
            return json.dumps(
                {"type": "video", "thumbnail_url": self.thumbnail}
            ).encode()
        if url == self.thumbnail:
            return self.content
        raise AssertionError(f"unexpected request to {url}")


@pytest.fixture
def no_posters(demo):
    """The demo ships its own posters; these tests start from videos without one."""
    for page in VideoPage.objects.all():
        page.poster = None
        page.save_revision().publish()


@pytest.fixture
def fake(monkeypatch):
    fake = FakeVimeo()
    monkeypatch.setattr(vimeo_posters, "http_get", fake)
    return fake


def test_command_stores_the_thumbnail_as_poster_served_from_our_media(
    client, demo, no_posters, fake
):
    out = io.StringIO()
    call_command("smgovernance_fetch_vimeo_posters", stdout=out)
    assert "2 Vorschaubild(er) gespeichert, 0 Fehler." in out.getvalue()
    page = VideoPage.objects.get(slug="fachkraefte-fuer-die-region")
    assert page.live and not page.has_unpublished_changes
    assert page.poster.file.name.endswith(".png")
    assert "Fachkräfte für die Region" in page.poster.title
    # Only Vimeo's oEmbed endpoint (with the unlisted video's address) and the thumbnail.
    assert any(
        "vimeo.com%2F76979871%2F8272103f6e" in url
        for url in fake.calls
        if url.startswith("https://vimeo.com/api/oembed.json?")
    )
    assert set(fake.calls) - {THUMBNAIL} == {
        url
        for url in fake.calls
        if url.startswith("https://vimeo.com/api/oembed.json?")
    }
    # The page shows our copy; still nothing from Vimeo's hosts before consent.
    html = client.get(SKILLED).content.decode()
    poster = soup(client.get(SKILLED)).find(attrs={"data-vimeo-consent": True}).img
    assert poster["src"].startswith("/media/")
    assert poster["alt"] == "Vorschaubild des Videos „Fachkräfte für die Region“"
    assert "vimeocdn" not in html
    # A second run leaves pages with a poster alone.
    fake.calls.clear()
    call_command("smgovernance_fetch_vimeo_posters", stdout=io.StringIO())
    assert fake.calls == []


def test_rendering_never_fetches(client, demo, monkeypatch):
    def no_network(url, timeout=10):
        raise AssertionError("network at render time")

    monkeypatch.setattr(vimeo_posters, "http_get", no_network)
    for url in (SKILLED, SKILLED + "embed/", "/videos/"):
        assert client.get(url).status_code == 200


def test_a_draft_gets_the_poster_but_stays_a_draft(demo, no_posters, fake):
    page = VideoPage.objects.get(slug="fachkraefte-fuer-die-region")
    draft = page.get_latest_revision_as_object()
    draft.title = "Noch nicht freigegeben"
    draft.save_revision()
    page.refresh_from_db()
    vimeo_posters.set_poster(page)
    page.refresh_from_db()
    assert page.title == "Fachkräfte für die Region"
    assert page.poster is None
    assert page.get_latest_revision_as_object().poster is not None


@pytest.mark.parametrize(
    ("thumbnail", "content"),
    [
        ("https://evil.example/thumb.jpg", None),
        ("http://i.vimeocdn.com/video/1.jpg", None),
        ("https://i.vimeocdn.com.evil.example/1.jpg", None),
        (THUMBNAIL, b"<html>not an image</html>"),
        (None, None),
    ],
)
def test_unexpected_answers_leave_the_neutral_graphic(
    demo, no_posters, monkeypatch, thumbnail, content
):
    fake = FakeVimeo(thumbnail=thumbnail, content=content)
    monkeypatch.setattr(vimeo_posters, "http_get", fake)
    err = io.StringIO()
    with pytest.raises(CommandError, match="0 Vorschaubild"):
        call_command(
            "smgovernance_fetch_vimeo_posters", stdout=io.StringIO(), stderr=err
        )
    assert "kein Vorschaubild" in err.getvalue()
    assert not VideoPage.objects.filter(poster__isnull=False).exists()
    # Nothing but the oEmbed endpoint and (if allowed) Vimeo's thumbnail host.
    assert all(
        url.startswith(vimeo_posters.OEMBED_ENDPOINT) or url == THUMBNAIL
        for url in fake.calls
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/api/oembed.json?url=x",
        "https://vimeo.com/api/oembed.jsonx",
        "http://vimeo.com/api/oembed.json?url=x",
        "https://i.vimeocdn.com:8443/video/1.jpg",
        "https://user@i.vimeocdn.com/video/1.jpg",
        "file:///etc/passwd",
    ],
)
def test_the_real_http_get_refuses_other_addresses_before_any_request(url):
    with pytest.raises(vimeo_posters.PosterError, match="refusing"):
        vimeo_posters.http_get(url)
