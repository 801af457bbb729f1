"""The demo's channel pages: the concept's facts, X instead of Twitter, the gate passed."""

import io
import json

import pytest
from django.core.management import call_command

from smgovernance.models import (
    AlternativeContactPage,
    ChannelProfilePage,
    ChannelStage,
    ChannelStageChange,
    NetiquettePage,
)
from smgovernance.rules.stages import unmet_requirements
from tests.factories import main_text, soup


def test_demo_facebook_page_shows_the_concepts_facts(client, demo):
    document = soup(client.get("/kanaele/facebook/"))
    text = main_text(document)
    for fact in (
        "25- bis 55-Jährigen",
        "„Community“",
        "Unternehmen",
        "Investoren",
        "Fachkräfte",
        "Rückkehrer",
        "Menschen, die in der Region bleiben wollen",
        "Jobsuchende",
        "Direktnachricht",
        "Telefon oder E-Mail",
        "Meta Platforms Ireland Ltd.",
        "Gemeinsame Verantwortlichkeit",
        "Referat Wirtschaftsförderung und Kreisentwicklung",
        "Hartmut Schneider",
        "André Kaiser",
    ):
        assert fact in text, fact
    groups = [li.get_text(strip=True) for li in document.find_all("li")]
    assert "Menschen, die in der Region bleiben wollen" in groups  # real lists


def test_demo_twitter_page_says_twitter_is_now_x(client, demo):
    document = soup(client.get("/kanaele/twitter/"))
    text = main_text(document)
    assert "X (ehemals Twitter)" in text
    for group in (
        "Existenzgründer",
        "Jungunternehmer",
        "Journalisten",
        "Multiplikatoren",
    ):
        assert group in text
    assert "Fördermittelberatungen im Einzelfall" in text
    link = document.find("a", rel="me")
    assert link["href"] == "https://x.com/mswirtschaft"
    # Dormant honestly, with the reason in the history.
    assert "ruht seit 1. Oktober 2026" in text
    assert "Nutzungsbedingungen von X" in text
    channel = ChannelProfilePage.objects.get(slug="twitter")
    assert channel.stage == ChannelStage.DORMANT
    assert not channel.uses_outdated_host()


def test_demo_vimeo_page_lists_the_video_kinds(client, demo):
    text = main_text(soup(client.get("/kanaele/vimeo/")))
    for kind in (
        "Unternehmen",
        "Fachkräfte",
        "Nachhaltigkeit",
        "Arbeits- und Lebensort",
        "Projektdokumentationen",
    ):
        assert kind in text
    assert ChannelProfilePage.objects.get(slug="vimeo").profile_url == (
        "https://vimeo.com/user16758230"
    )


def test_demo_channels_meet_the_requirements_of_their_stage(demo):
    for channel in ChannelProfilePage.objects.all():
        assert unmet_requirements(channel) == {}
        assert channel.stage_changes.exists()
        assert channel.stage_changes.last().stage == channel.stage


def test_demo_channels_are_active_with_their_gate_and_stay_so_on_reload(client, demo):
    # The demo builds /kontakt/ (legal step) before the channels: the gate passes at once.
    contact = AlternativeContactPage.objects.get(slug="kontakt")
    netiquette = NetiquettePage.objects.get(slug="netiquette")
    stages = dict(ChannelProfilePage.objects.values_list("slug", "stage"))
    assert stages == {
        "facebook": "active",
        "twitter": "dormant",
        "vimeo": "active",
        "mastodon": "planned",
    }
    for channel in ChannelProfilePage.objects.all():
        assert channel.alternative_contact_page_id == contact.pk
        assert channel.netiquette_page_id == netiquette.pk
        assert ChannelStage.PILOT not in [c.stage for c in channel.stage_changes.all()]
    changes_before = ChannelStageChange.objects.count()

    # Running the demo again changes nothing and duplicates nothing.
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    assert ChannelStageChange.objects.count() == changes_before
    stages = dict(ChannelProfilePage.objects.values_list("slug", "stage"))
    assert stages == {
        "facebook": "active",
        "twitter": "dormant",
        "vimeo": "active",
        "mastodon": "planned",
    }
    document = soup(client.get("/kanaele/"))
    data = json.loads(document.find("script", type="application/ld+json").string)
    assert data["name"] == "Landkreis Mittelsachsen"
    assert sorted(data["sameAs"]) == [
        "https://vimeo.com/user16758230",
        "https://www.facebook.com/wirtschaft.in.mittelsachsen",
        "https://x.com/mswirtschaft",
    ]
    hrefs = {a["href"] for a in soup(client.get("/kanaele/vimeo/")).find_all("a")}
    assert "/kontakt/" in hrefs


@pytest.mark.parametrize("slug", ["facebook", "twitter", "vimeo"])
def test_demo_profile_links_resolve_to_the_channels_entries(client, demo, slug):
    main = soup(client.get(f"/kanaele/{slug}/")).find("main")
    hrefs = {a["href"] for a in main.find_all("a")}
    targets = {
        f"/impressum/#kanal-{slug}": f"kanal-{slug}",
        f"/datenschutz/#kanal-{slug}": f"kanal-{slug}",
        "/kontakt/": None,
    }
    for href, anchor in targets.items():
        assert href in hrefs, href
        path = href.split("#")[0]
        response = client.get(path)
        assert response.status_code == 200, path
        if anchor:
            assert soup(response).find(id=anchor) is not None, href
