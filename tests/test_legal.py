"""/impressum/, /kontakt/ and /datenschutz/ render the records: every channel, nothing typed twice."""

import io
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from smgovernance.models import (
    ChannelIndexPage,
    ChannelProfilePage,
    ChannelStage,
    ImprintPage,
    Platform,
    PlatformPrivacyNote,
    PrivacyPage,
)
from tests.utils import footer_links, soup


PUBLIC = {"test-pilot": "pilot", "test-active": "active", "test-dormant": "dormant"}
HIDDEN = {"test-planned": "planned", "test-closed": "closed"}


def channel_index() -> Page:
    index = ChannelIndexPage.objects.first()
    if index is None:
        home = Page.objects.get(slug="home")
        index = ChannelIndexPage(title="Kanäle", slug="kanaele")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def add_channel(
    slug: str, stage: str, platform: str = "facebook"
) -> ChannelProfilePage:
    channel = ChannelProfilePage(
        title=f"Kanal {slug}",
        slug=slug,
        platform=Platform.objects.get(slug=platform),
        profile_url=f"https://www.facebook.com/{slug}",
        handle=f"@{slug}",
        stage=stage,
        privacy_purposes=f"Öffentlichkeitsarbeit über {slug}",
        legal_basis="art6_1_e",
        retention=f"Beiträge bis zur Löschung ({slug})",
    )
    channel_index().add_child(instance=channel)
    channel.save_revision().publish()
    return channel


@pytest.fixture
def channels(demo):
    return {
        slug: add_channel(slug, stage) for slug, stage in {**PUBLIC, **HIDDEN}.items()
    }


def test_imprint_shows_provider_persons_and_supervisory_authority(client, demo):
    document = soup(client.get("/impressum/"))
    main = document.find("main")
    text = main.get_text(" ", strip=True)
    assert document.find("h1").get_text(strip=True) == "Impressum"
    headings = [h.get_text(strip=True) for h in main.find_all("h2")]
    assert "Angaben gemäß § 5 DDG" in headings
    assert "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV" in headings
    assert "Dieses Impressum gilt auch für" in headings
    assert "Aufsichtsbehörde" in headings
    address = main.find("address").get_text(" ", strip=True)
    for fact in (
        "Landkreis Mittelsachsen",
        "Körperschaft des öffentlichen Rechts",
        "vertreten durch Landrat Sven Krüger",
        "Frauensteiner Straße 43",
        "09599 Freiberg",
    ):
        assert fact in address
    assert main.find("a", href="mailto:presse@landkreis-mittelsachsen.de")
    assert main.find("a", href="tel:037317993305")
    assert "Landesdirektion Sachsen" in text
    persons = main.find("ul", class_="legal-persons").find_all("li", recursive=False)
    assert len(persons) == 2
    assert (
        "André Kaiser" in persons[0].get_text()
        and "Verantwortlich für:" in persons[0].get_text()
    )
    assert "Hartmut Schneider" in persons[1].get_text()
    assert "Bereich Wirtschaft und Social Media" in persons[1].get_text()
    assert "Zuletzt geprüft: 02.11.2026" in persons[1].get_text(" ", strip=True)
    assert "RStV" not in text and "TMG" not in text


def test_imprint_lists_public_channels_with_anchor_link_and_text(client, channels):
    document = soup(client.get("/impressum/"))
    section = document.find(id="gilt-auch-fuer").find_parent("section")
    for slug in PUBLIC:
        entry = section.find(id=f"kanal-{slug}")
        assert entry is not None, slug
        assert entry.find("h3").get_text(strip=True) == f"Facebook: Kanal {slug}"
        assert entry.find("a", href=f"https://www.facebook.com/{slug}")
        link_input = entry.find("input", readonly=True)
        assert link_input["value"] == f"http://localhost/impressum/#kanal-{slug}"
        assert document.find("label", attrs={"for": link_input["id"]})
        textarea = entry.find("textarea", readonly=True)
        assert document.find("label", attrs={"for": textarea["id"]})
        text = textarea.get_text()
        assert "Landkreis Mittelsachsen" in text and "Sven Krüger" in text
        assert f"/impressum/#kanal-{slug}" in text
    for slug in HIDDEN:
        assert document.find(id=f"kanal-{slug}") is None, slug


def test_imprint_deep_links_resolve(client, channels):
    document = soup(client.get("/impressum/"))
    for slug in PUBLIC:
        link = document.find(id=f"kanal-{slug}").find("input")["value"]
        parts = urlsplit(link)
        target = soup(client.get(parts.path))
        assert target.find(id=parts.fragment) is not None


def test_channel_pages_in_another_site_are_not_listed(client, channels):
    other_root = Page.get_first_root_node().add_child(
        instance=ChannelIndexPage(title="Fremd", slug="fremd")
    )
    other = ChannelProfilePage(
        title="Fremder Kanal",
        slug="fremder-kanal",
        platform=Platform.objects.get(slug="x"),
        profile_url="https://x.com/fremd",
        stage=ChannelStage.ACTIVE,
    )
    other_root.add_child(instance=other)
    document = soup(client.get("/impressum/"))
    assert document.find(id="kanal-fremder-kanal") is None


def test_contact_page_has_contacts_hours_websites_amt24_and_statement(client, demo):
    document = soup(client.get("/kontakt/"))
    main = document.find("main")
    text = main.get_text(" ", strip=True)
    assert "keine Verwaltungsleistungen" in text
    assert "keine personenbezogenen Daten" in text
    for unit, phone, tel, email in (
        (
            "Pressestelle",
            "(03731) 799 3305",
            "tel:037317993305",
            "presse@landkreis-mittelsachsen.de",
        ),
        (
            "Referat Wirtschaftsförderung und Kreisentwicklung",
            "(03731) 799 1402",
            "tel:037317991402",
            "regionalmanagement@landkreis-mittelsachsen.de",
        ),
    ):
        heading = main.find("h3", string=unit)
        assert heading is not None, unit
        block = heading.find_parent("section")
        assert block.find("a", href=tel).get_text(strip=True) == phone
        assert block.find("a", href=f"mailto:{email}")
        assert "Frauensteiner Straße 43, 09599 Freiberg" in block.get_text()
        table = block.find("table")
        assert table.find("caption")
        rows = {
            row.th.get_text(strip=True): row.td.get_text(strip=True)
            for row in table.tbody.find_all("tr")
        }
        assert rows["Montag"] == "08:00–12:00 Uhr"
        assert rows["Dienstag"] == "08:00–18:00 Uhr"
        assert [th["scope"] for th in table.thead.find_all("th")] == ["col", "col"]
    websites = main.find(id="websites").find_parent("section")
    hrefs = [a["href"] for a in websites.find_all("a")]
    assert hrefs == [
        "https://www.wirtschaft-in-mittelsachsen.de/",
        "https://www.landkreis-mittelsachsen.de/",
    ]
    amt24 = main.find("a", href="https://amt24.sachsen.de/")
    assert "Amt24" in amt24.get_text()


def test_privacy_page_has_website_channel_and_vimeo_sections(client, channels):
    document = soup(client.get("/datenschutz/"))
    main = document.find("main")
    for anchor in ["website", "vimeo", *(f"kanal-{slug}" for slug in PUBLIC)]:
        section = main.find(id=anchor)
        assert section is not None and section.name == "section", anchor
        facts = {
            dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(
                " ", strip=True
            )
            for dt in section.find("dl").find_all("dt")
        }
        assert "Landkreis Mittelsachsen" in facts["Verantwortlicher"]
        assert "Frauensteiner Straße 43" in facts["Verantwortlicher"]
        assert (
            "datenschutz@landkreis-mittelsachsen.de"
            in facts["Datenschutzbeauftragte(r)"]
        )
        assert (
            "Sächsische Datenschutz- und Transparenzbeauftragte"
            in facts["Beschwerderecht"]
        )
        assert "Auskunft (Art. 15 DSGVO)" in facts["Ihre Rechte"]
        for key in (
            "Zwecke",
            "Rechtsgrundlage",
            "Empfänger",
            "Übermittlung in Drittländer",
            "Speicherdauer",
        ):
            assert facts[key], (anchor, key)
        assert "lit. f" not in facts["Rechtsgrundlage"]
        # Every nav entry points at an existing section.
        assert main.find("nav").find("a", href=f"#{anchor}")
    for slug in HIDDEN:
        assert main.find(id=f"kanal-{slug}") is None
    channel = main.find(id="kanal-test-active")
    facts = channel.get_text(" ", strip=True)
    assert "Öffentlichkeitsarbeit über test-active" in facts
    assert "Beiträge bis zur Löschung (test-active)" in facts
    assert "Art. 6 Abs. 1 lit. e DSGVO" in facts
    assert "Meta Platforms Ireland Ltd." in facts
    assert "Data Privacy Framework" in facts
    assert "Gemeinsame Verantwortlichkeit (Art. 26 DSGVO)" in facts
    assert "Meta übernimmt nach der Vereinbarung" in facts
    assert "VG Köln" in facts and "Stand: 02.11.2026" in facts
    vimeo = main.find(id="vimeo").get_text(" ", strip=True)
    for fact in (
        "IP-Adresse",
        "Browserdaten",
        "Cookies",
        "USA",
        "Vimeo.com, Inc.",
        "Einwilligung",
        "Data Privacy Framework",
    ):
        assert fact in vimeo, fact


def test_privacy_page_states_insights_switched_off(client, channels):
    note = PlatformPrivacyNote.objects.get()
    note.insights_deactivated = True
    note.joint_controllership_essence = ""
    note.save()
    document = soup(client.get("/datenschutz/"))
    text = document.find(id="kanal-test-active").get_text(" ", strip=True)
    assert "Seiten-Insights), sind für dieses Profil abgeschaltet" in text


def test_platform_facts_come_from_the_records(client, channels):
    provider = Platform.objects.get(slug="facebook").provider
    provider.legal_name = "Meta Platforms Ireland Limited (geändert)"
    provider.save()
    document = soup(client.get("/datenschutz/"))
    for slug in PUBLIC:
        assert "(geändert)" in document.find(id=f"kanal-{slug}").get_text()


def test_controller_comes_from_the_imprint(client, demo):
    imprint = ImprintPage.objects.get()
    imprint.body_name = "Landkreis Beispiel"
    imprint.save_revision().publish()
    document = soup(client.get("/datenschutz/"))
    assert "Landkreis Beispiel" in document.find(id="website").get_text()


def test_links_on_the_legal_pages_resolve(client, channels):
    for url in ("/impressum/", "/kontakt/", "/datenschutz/"):
        document = soup(client.get(url))
        for link in document.find_all("a", href=True):
            href = link["href"]
            if href.startswith("#"):
                assert document.find(id=href[1:]) is not None, (url, href)
            elif href.startswith("/"):
                path, _hash, fragment = href.partition("#")
                target = soup(client.get(path))
                if fragment:
                    assert target.find(id=fragment) is not None, (url, href)
            else:
                assert href.startswith(("https://", "mailto:", "tel:")), (url, href)


def test_footer_shows_imprint_privacy_and_contact(client, demo):
    links = footer_links(soup(client.get("/")))
    assert links["Impressum"] == "/impressum/"
    assert links["Datenschutz"] == "/datenschutz/"
    assert links["Kontakt"] == "/kontakt/"
    for url in ("/impressum/", "/kontakt/", "/datenschutz/"):
        assert footer_links(soup(client.get(url)))["Impressum"] == "/impressum/"


@pytest.mark.parametrize("url", ["/impressum/", "/datenschutz/"])
def test_query_count_stays_flat_as_channels_grow(
    client, demo, django_assert_max_num_queries, url
):
    add_channel("flat-1", "active")
    client.get(url)  # warm caches (site root paths)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for number in range(2, 12):
        add_channel(
            f"flat-{number}", "active", platform=["facebook", "x", "vimeo"][number % 3]
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_only_the_legal_page_types_can_live_anywhere_once(demo):
    assert ImprintPage.max_count_per_parent == 1
    assert PrivacyPage.max_count_per_parent == 1
    home = Page.objects.get(slug="home")
    assert not ImprintPage.can_create_at(home)
    assert not PrivacyPage.can_create_at(home)


def test_load_demo_twice_keeps_one_of_each(demo):
    call_command("load_demo", stdout=io.StringIO())
    assert ImprintPage.objects.count() == 1
    imprint = ImprintPage.objects.get()
    assert imprint.responsible_persons.count() == 2
    assert PrivacyPage.objects.get().platform_notes.count() == 1
