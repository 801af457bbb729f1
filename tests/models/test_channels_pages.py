"""Channel index and profile pages as citizens see them."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from smgovernance.models import (
    AlternativeContactPage,
    ChannelProfilePage,
    ChannelStage,
    ChannelSuccessor,
    NetiquettePage,
)
from tests.factories import (
    GATE_FIELDS,
    main_text,
    make_channel,
    make_contact_page,
    make_index,
    make_netiquette_page,
    make_records,
    soup,
)


PLATFORM_SCRIPT_HOSTS = (
    "connect.facebook.net",
    "platform.twitter.com",
    "player.vimeo.com",
    "vimeocdn.com",
    "fbcdn.net",
    "twimg.com",
)


# The block value proposed for the demo's Vimeo channel (home/demo/channels.py).
DEMO_VIMEO_BODY = [
    (
        "vimeo",
        {
            "video": "https://vimeo.com/76979871",
            "title": "Leben und Arbeiten in Mittelsachsen",
            "transcript": (
                "<p>Sprecherin: Mittelsachsen liegt mitten zwischen Dresden, Leipzig "
                "und Chemnitz.</p>"
            ),
            "captions_available": True,
            "caption_language": "de",
            "start_time": "",
        },
    )
]


@pytest.mark.parametrize("slug", ["facebook", "twitter", "vimeo"])
def test_profile_links_the_platform_plainly_and_loads_nothing_from_it(
    client, demo, slug
):
    channel = ChannelProfilePage.objects.get(slug=slug)
    if slug == "vimeo" and not channel.has_vimeo:
        # What the demo is to carry (issue 5): a Vimeo block on the Vimeo channel.
        channel.body = DEMO_VIMEO_BODY
        channel.save_revision().publish()
    html = client.get(f"/kanaele/{slug}/").content.decode()
    document = soup(client.get(f"/kanaele/{slug}/"))
    [link] = document.find_all("a", href=channel.profile_url)
    assert link["rel"] == ["me", "noopener"]
    assert channel.platform.name in link.get_text()
    # The consent script's player URL (loaded only after the click) is the one exception.
    for element in document.find_all(attrs={"data-vimeo-player-url": True}):
        html = html.replace(element["data-vimeo-player-url"].replace("&", "&amp;"), "")
    for host in PLATFORM_SCRIPT_HOSTS:
        assert host not in html
    for tag, attribute in (
        ("script", "src"),
        ("link", "href"),
        ("img", "src"),
        ("iframe", "src"),
    ):
        for element in document.find_all(tag):
            url = element.get(attribute, "")
            assert not url.startswith(("http:", "https:", "//")), url
    assert not document.find("iframe")


def test_profile_states_no_services_with_the_online_services_link(client, demo):
    document = soup(client.get("/kanaele/facebook/"))
    text = main_text(document)
    assert "Über diesen Kanal erbringen wir keine Verwaltungsleistungen" in text
    assert document.find("a", href="https://amt24.sachsen.de/")
    assert "verarbeitet Ihre Daten für eigene Zwecke" in text  # O-10 risk hint
    same_info = document.find("a", href="https://www.wirtschaft-in-mittelsachsen.de/")
    assert same_info is not None  # O-12


@pytest.mark.django_db
def test_profile_links_imprint_privacy_and_contact_anchors(client, monkeypatch):
    context = make_records()
    index = make_index()
    contact = make_contact_page()
    channel = make_channel(
        index,
        context,
        "facebook",
        stage=ChannelStage.ACTIVE,
        alternative_contact_page=contact,
        **GATE_FIELDS,
    )
    legal = {
        "smgovernance.ImprintPage": "/impressum/",
        "smgovernance.PrivacyPage": "/datenschutz/",
    }
    from smgovernance.templatetags import smgovernance_tags

    monkeypatch.setattr(
        smgovernance_tags,
        "legal_page_url",
        lambda request, label: legal.get(label),
    )
    document = soup(client.get(channel.url))
    hrefs = {a["href"] for a in document.find("main").find_all("a")}
    assert "/impressum/#kanal-facebook" in hrefs
    assert "/datenschutz/#kanal-facebook" in hrefs
    assert "/kontakt/" in hrefs


@pytest.mark.django_db
def test_profile_leaves_out_links_to_missing_legal_pages(client):
    context = make_records()
    channel = make_channel(make_index(), context, "facebook")
    document = soup(client.get(channel.url))
    hrefs = [a["href"] for a in document.find("main").find_all("a")]
    assert not [href for href in hrefs if "#kanal-" in href]
    assert all(href for href in hrefs)


@pytest.mark.django_db
def test_closed_channel_stays_up_says_since_when_and_links_successors(client):
    context = make_records()
    index = make_index()
    mastodon = make_channel(
        index,
        context,
        "mastodon",
        title="Mastodon",
        platform=context["platforms"]["mastodon"],
        profile_url="https://social.sachsen.de/@wirtschaft",
        instance_operator=context["providers"]["mastodon-sachsen"],
    )
    closed = make_channel(
        index,
        context,
        "twitter",
        platform=context["platforms"]["x"],
        profile_url="https://x.com/mswirtschaft",
    )
    closed.stage = ChannelStage.CLOSED
    closed.record_stage_change("Kanal eingestellt", on=datetime.date(2026, 3, 1))
    closed.successors.add(ChannelSuccessor(successor=mastodon))
    closed.save()
    document = soup(client.get(closed.url))
    text = main_text(document)
    assert "seit 1. März 2026 eingestellt" in text
    assert document.find("a", href=mastodon.url).get_text() == "Mastodon"
    assert "Kanal eingestellt" in text


@pytest.mark.django_db
def test_index_groups_by_stage_and_lists_active_channels_as_same_as(client):
    context = make_records()
    index = make_index()
    contact = make_contact_page()
    make_channel(
        index,
        context,
        "facebook",
        stage=ChannelStage.ACTIVE,
        alternative_contact_page=contact,
        **GATE_FIELDS,
    )
    make_channel(
        index,
        context,
        "twitter",
        platform=context["platforms"]["x"],
        profile_url="https://x.com/mswirtschaft",
        stage=ChannelStage.DORMANT,
    )
    make_channel(index, context, "pilot", title="Pilot </script><b>")
    document = soup(client.get(index.url))
    groups = {
        section.find("h2").get_text(strip=True): [
            a.get_text(strip=True) for a in section.find_all("a")
        ]
        for section in document.find_all("section")
    }
    assert groups == {
        "Aktiv": ["Facebook"],
        "Pilotbetrieb": ["Pilot </script><b>"],
        "Ruhend (nur in Notfällen)": ["Twitter"],
    }
    [script] = document.find_all("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["@type"] == "GovernmentOrganization"
    assert data["@context"] == "https://schema.org"
    assert data["name"] == "Kreis"
    assert data["sameAs"] == ["https://www.facebook.com/facebook"]


@pytest.mark.django_db
def test_json_ld_escapes_markup(client):
    context = make_records()
    index = make_index()
    index.organisation_name = "Kreis </script><script>alert(1)</script> & Co"
    index.save_revision().publish()
    make_channel(index, context, "facebook")
    html = client.get(index.url).content.decode()
    assert "</script><script>alert" not in html
    document = soup(client.get(index.url))
    data = json.loads(document.find("script", type="application/ld+json").string)
    assert data["name"] == "Kreis </script><script>alert(1)</script> & Co"


def grow(index, context, count: int) -> None:
    start = ChannelProfilePage.objects.count()
    netiquette = make_netiquette_page(f"netiquette-{count}")
    for number in range(count):
        make_channel(
            index,
            context,
            f"kanal-{start + number}",
            target_groups=[("item", "Unternehmen")],
            comments_enabled=True,
            netiquette_page=netiquette,
            service_hours="Mo–Fr",
        )


def count_queries(client, url: str) -> int:
    """Queries of a real render (the public page cache must be off)."""
    client.get(url)  # warm the per-process caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert "X-Cache" not in response, "served from the page cache: nothing counted"
    assert len(queries) > 0
    return len(queries)


@pytest.mark.django_db
def test_query_counts_are_flat_in_the_number_of_channels(
    client, django_assert_max_num_queries, settings
):
    settings.SMGOVERNANCE_CACHE_ENABLED = False  # count the render, not a cache hit
    context = make_records()
    index = make_index()
    grow(index, context, 3)
    profile = ChannelProfilePage.objects.get(slug="kanal-0")
    for other in ChannelProfilePage.objects.exclude(pk=profile.pk):
        profile.successors.add(ChannelSuccessor(successor=other))
    profile.stage = ChannelStage.DORMANT
    profile.record_stage_change("ruht")
    # Text, Vimeo and note blocks need no query; record blocks (contact, image,
    # channel links) add their own fixed number, independent of the channel count.
    profile.body = [
        *VIMEO_BODY,
        (
            "note",
            {
                "kind": "info",
                "heading": "Hinweis",
                "heading_level": "3",
                "text": "<p>Text</p>",
            },
        ),
    ]
    profile.save()
    small = (count_queries(client, index.url), count_queries(client, profile.url))
    grow(index, context, 197)
    for other in ChannelProfilePage.objects.exclude(pk=profile.pk)[:50]:
        profile.successors.add(ChannelSuccessor(successor=other))
    profile.save()
    assert ChannelProfilePage.objects.count() == 200
    large = (count_queries(client, index.url), count_queries(client, profile.url))
    assert small == large
    with django_assert_max_num_queries(10):
        client.get(index.url)
    with django_assert_max_num_queries(10):
        client.get(profile.url)


def test_netiquette_link_shows_only_where_comments_are_enabled(client, demo):
    netiquette_url = NetiquettePage.objects.get(slug="netiquette").url
    for slug, comments in (("facebook", True), ("twitter", False), ("vimeo", False)):
        assert ChannelProfilePage.objects.get(slug=slug).comments_enabled is comments
        main = soup(client.get(f"/kanaele/{slug}/")).find("main")
        links = main.find_all("a", href=netiquette_url)
        if comments:
            [link] = links
            assert (
                link.get_text(strip=True) == "Unsere Regeln für Kommentare (Netiquette)"
            )
        else:
            assert links == []
    assert client.get(netiquette_url).status_code == 200


VIMEO_BODY = [
    (
        "text",
        "<h3>Ein Beispiel</h3><p>So sehen unsere Videos aus.</p>",
    ),
    (
        "vimeo",
        {
            "video": "https://vimeo.com/76979871",
            "title": "Mittelsachsen als Arbeits- und Lebensort",
            "transcript": "<p>Gesprochener Text des Videos.</p>",
            "captions_available": True,
            "caption_language": "de",
            "start_time": "",
        },
    ),
]


@pytest.mark.django_db
def test_body_renders_below_the_facts_with_a_vimeo_placeholder(client):
    context = make_records()
    channel = make_channel(
        make_index(),
        context,
        "vimeo",
        title="Vimeo",
        platform=context["platforms"]["vimeo"],
        profile_url="https://vimeo.com/user16758230",
        body=VIMEO_BODY,
    )
    response = client.get(channel.url)
    html = response.content.decode()
    document = soup(response)
    main = document.find("main")
    headings = [
        h.name + ":" + h.get_text(" ", strip=True)
        for h in main.find_all(["h1", "h2", "h3", "h4"])
    ]
    position = headings.index("h2:Beispiele und weitere Informationen")
    assert headings.index("h2:Wie wir den Kanal nutzen") < position
    assert "h3:Mittelsachsen als Arbeits- und Lebensort" in headings[position:]
    assert "h4:Transkript" in headings[position:]
    assert "Gesprochener Text des Videos." in main_text(document)
    # Nothing from Vimeo before the click: a placeholder, no iframe, one plain link.
    assert not document.find("iframe")
    assert "player.vimeo.com" not in document.find("main").get_text()
    section = main.find("section", class_="vimeo")
    assert section.find("button", attrs={"data-vimeo-load": True})
    assert section["data-vimeo-player-url"].startswith(
        "https://player.vimeo.com/video/76979871?"
    )
    [watch] = [a for a in section.find_all("a") if "vimeo.com" in a["href"]]
    assert watch["href"] == "https://vimeo.com/76979871"
    assert watch.get_text(strip=True) == "Auf vimeo.com ansehen"
    for element in document.find_all(["script", "link", "img"]):
        url = element.get("src") or element.get("href") or ""
        assert not url.startswith(("http:", "https:", "//")), url
    assert "/static/smgovernance/js/vimeo-consent.js" in html
    assert "/static/smgovernance/css/vimeo.css" in html


@pytest.mark.django_db
def test_profile_without_body_loads_no_video_assets(client):
    context = make_records()
    channel = make_channel(make_index(), context, "facebook")
    html = client.get(channel.url).content.decode()
    assert "Beispiele und weitere Informationen" not in html
    assert "vimeo-consent.js" not in html
    assert "vimeo.css" not in html


@pytest.mark.django_db
def test_make_channel_helper_supplies_the_gate_pages():
    """Other areas' tests rely on make_channel(stage=ACTIVE, **GATE_FIELDS)."""
    context = make_records()
    index = make_index()
    first = make_channel(
        index, context, "eins", stage=ChannelStage.ACTIVE, **GATE_FIELDS
    )
    second = make_channel(
        index,
        context,
        "zwei",
        stage=ChannelStage.ACTIVE,
        comments_enabled=True,
        **GATE_FIELDS,
    )
    assert first.live and second.live
    assert first.alternative_contact_page_id == second.alternative_contact_page_id
    assert isinstance(second.alternative_contact_page.specific, AlternativeContactPage)
    assert isinstance(second.netiquette_page.specific, NetiquettePage)


@pytest.mark.django_db
def test_unpublished_netiquette_and_contact_pages_are_not_linked(client):
    context = make_records()
    channel = make_channel(
        make_index(),
        context,
        "facebook",
        comments_enabled=True,
        stage=ChannelStage.ACTIVE,
        **GATE_FIELDS,
    )
    netiquette, contact = channel.netiquette_page, channel.alternative_contact_page
    hrefs = {
        a["href"] for a in soup(client.get(channel.url)).find("main").find_all("a")
    }
    assert {netiquette.url, contact.url} <= hrefs
    netiquette.specific.unpublish()
    contact.specific.unpublish()
    hrefs = {
        a["href"] for a in soup(client.get(channel.url)).find("main").find_all("a")
    }
    assert "/netiquette/" not in hrefs and "/kontakt/" not in hrefs
