"""The frameable video view: only the configured origins may frame it, also from the cache."""

from smgovernance.models import VideoPage
from tests.factories import assert_loads_nothing_from_third_parties, footer_links, soup


SKILLED = "/videos/fachkraefte-fuer-die-region/"


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
