"""/impressum/, /kontakt/ and /datenschutz/ render the records: every channel, nothing typed twice."""

import io
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from smgovernance.blocks import ContactBlock
from smgovernance.compliance.legal_references import find_outdated_references
from smgovernance.models import (
    AlternativeContactPage,
    ChannelIndexPage,
    ChannelProfilePage,
    ChannelStage,
    ContactPoint,
    ImprintPage,
    OfficeHours,
    Platform,
    PlatformPrivacyNote,
    PrivacyPage,
    ResponsiblePerson,
    ThirdPartyProvider,
    TransferBasis,
    Weekday,
)
from tests.channel_helpers import GATE_FIELDS, make_channel
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


def records() -> dict:
    """The demo's records, keyed as `tests.channel_helpers.make_channel` expects."""
    return {
        "platforms": {platform.slug: platform for platform in Platform.objects.all()},
        "contact_points": {
            "wirtschaft": ContactPoint.objects.get(
                name="Referat Wirtschaftsförderung und Kreisentwicklung"
            )
        },
    }


def gate_fields(stage: str) -> dict:
    """What an active channel needs besides the privacy facts (O-17)."""
    if stage != ChannelStage.ACTIVE:
        return {}
    return {
        **GATE_FIELDS,
        "alternative_contact_page": AlternativeContactPage.objects.get(),
    }


def add_channel(
    slug: str,
    stage: str,
    platform: str = "facebook",
    index: Page | None = None,
    **fields: object,
) -> ChannelProfilePage:
    context = records()
    host = context["platforms"][platform].host_list[0]
    values = {
        **gate_fields(stage),
        "title": f"Kanal {slug}",
        "platform": context["platforms"][platform],
        "profile_url": f"https://{host}/{slug}",
        "handle": f"@{slug}",
        "stage": stage,
        "privacy_purposes": f"Öffentlichkeitsarbeit über {slug}",
        "legal_basis": "art6_1_e",
        "retention": f"Beiträge bis zur Löschung ({slug})",
        **fields,
    }
    channel = make_channel(index or channel_index(), context, slug, **values)
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
    assert main.find("a", href="tel:+4937317993305")
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
    # Several channels on one platform: every field's label still says which one.
    labels = [label.get_text(strip=True) for label in section.find_all("label")]
    assert len(labels) == len(set(labels))
    assert "Text für das Impressumsfeld von „Facebook: Kanal test-active“" in labels


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
    other_root.save_revision().publish()
    add_channel("fremder-kanal", ChannelStage.ACTIVE, platform="x", index=other_root)
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
            "tel:+4937317993305",
            "presse@landkreis-mittelsachsen.de",
        ),
        (
            "Referat Wirtschaftsförderung und Kreisentwicklung",
            "(03731) 799 1402",
            "tel:+4937317991402",
            "regionalmanagement@landkreis-mittelsachsen.de",
        ),
    ):
        heading = main.find("h3", string=unit)
        assert heading is not None, unit
        block = heading.find_parent(class_="smg-contact")
        assert block.find("a", href=tel).get_text(strip=True) == phone
        assert block.find("a", href=f"mailto:{email}")
        address = block.find("address").get_text(" ", strip=True)
        assert "Frauensteiner Straße 43 09599 Freiberg" in address
        hours = [
            li.get_text(" ", strip=True)
            for li in block.select("ul.smg-contact__hours > li")
        ]
        assert hours[0] == "Montag: 08:00 bis 12:00 Uhr"
        assert hours[1] == "Dienstag: 08:00 bis 18:00 Uhr"
    websites = main.find(id="websites").find_parent("section")
    hrefs = [a["href"] for a in websites.find_all("a")]
    assert hrefs == [
        "https://www.wirtschaft-in-mittelsachsen.de/",
        "https://www.landkreis-mittelsachsen.de/",
    ]
    amt24 = main.find("a", href="https://amt24.sachsen.de/")
    assert "Amt24" in amt24.get_text()


def test_contact_page_and_contact_block_render_the_same_contact_point(client, demo):
    point = ContactPoint.objects.get(name="Pressestelle")
    OfficeHours.objects.create(
        contact_point=point, weekday=Weekday.MONDAY, opens="13:00", closes="15:00"
    )
    block = ContactBlock()
    from_block = BeautifulSoup(
        block.render(block.to_python({"contact_point": point.pk})), "html.parser"
    ).find(class_="smg-contact")
    main = soup(client.get("/kontakt/")).find("main")
    from_page = main.find("h3", string="Pressestelle").find_parent(class_="smg-contact")
    assert from_block.find("h2").get_text() == from_page.find("h3").get_text()
    for part in ("address", "ul"):
        assert str(from_block.find(part)) == str(from_page.find(part)), part
    assert (
        from_page.select("ul.smg-contact__hours > li")[0].get_text(" ", strip=True)
        == "Montag: 08:00 bis 12:00 Uhr, 13:00 bis 15:00 Uhr"
    )


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


def instance_operator() -> ThirdPartyProvider:
    return ThirdPartyProvider.objects.create(
        name="social.bund.de",
        legal_name="BfDI (Betreiber der Instanz social.bund.de)",
        address="Graurheindorfer Straße 153, 53117 Bonn",
        country="Deutschland",
        is_third_country=False,
        transfer_basis=TransferBasis.NOT_NEEDED,
    )


def test_privacy_section_names_instance_operator_and_data_subject_contact(client, demo):
    operator = instance_operator()
    kaiser = ResponsiblePerson.objects.get(name="André Kaiser")
    add_channel(
        "test-mastodon",
        "active",
        platform="mastodon",
        profile_url="https://social.bund.de/@mittelsachsen",
        instance_operator=operator,
        data_subject_owner=kaiser,
    )
    add_channel("test-ohne", "pilot")
    main = soup(client.get("/datenschutz/")).find("main")
    section = main.find(id="kanal-test-mastodon")
    facts = {
        dt.get_text(strip=True): dt.find_next_sibling("dd")
        for dt in section.find("dl").find_all("dt")
    }
    recipient = facts["Empfänger"].get_text(" ", strip=True)
    assert "BfDI (Betreiber der Instanz social.bund.de)" in recipient
    assert "Betreiber des Servers, auf dem unser Profil liegt" in recipient
    assert "Sächsische Staatskanzlei" not in recipient
    assert "Deutschland" in facts["Übermittlung in Drittländer"].get_text()
    contact = facts["Ansprechperson für Anfragen zu Ihren Daten"]
    assert "André Kaiser" in contact.get_text()
    assert contact.find("a", href=f"mailto:{kaiser.email}")
    assert contact.find("a", href="tel:+4937317993305")
    other = main.find(id="kanal-test-ohne")
    assert "Ansprechperson für Anfragen" not in other.get_text()
    assert "Meta Platforms Ireland Ltd." in other.get_text()


def test_copy_ready_text_names_the_channel_and_cites_current_law(client, demo):
    document = soup(client.get("/impressum/"))
    entries = document.find(id="gilt-auch-fuer").find_parent("section")
    texts = {
        entry["id"]: entry.find("textarea").get_text()
        for entry in entries.select("li[id^=kanal-]")
    }
    # The demo: Facebook active, Twitter/X dormant, Vimeo active.
    assert set(texts) == {"kanal-facebook", "kanal-twitter", "kanal-vimeo"}
    for anchor, text in texts.items():
        channel = ChannelProfilePage.objects.get(slug=anchor.removeprefix("kanal-"))
        assert f"„{channel.title}“ auf {channel.platform.name}" in text
        assert "Angaben gemäß § 5 DDG" in text
        assert "§ 18 Abs. 2 MStV: André Kaiser" in text
        assert "Hartmut Schneider (Bereich Wirtschaft und Social Media)" in text
        assert text.endswith(f"http://localhost/impressum/#{anchor}")
        assert find_outdated_references(text) == [], anchor
    headings = [h.get_text(strip=True) for h in entries.find_all("h3")]
    assert headings == [
        "Facebook: Wirtschaft in Mittelsachsen",
        "Twitter (heute X): @mswirtschaft",
        "Vimeo: Videos aus Mittelsachsen",
    ]


@pytest.mark.parametrize("url", ["/impressum/", "/datenschutz/", "/kontakt/"])
def test_demo_legal_pages_cite_current_law_only(client, demo, url):
    text = soup(client.get(url)).find("main").get_text(" ", strip=True)
    assert find_outdated_references(text) == []
    if url == "/impressum/":
        assert "§ 5 DDG" in text and "§ 18 Abs. 2 MStV" in text


@pytest.mark.parametrize("url", ["/impressum/", "/datenschutz/"])
def test_query_count_stays_flat_as_channels_grow(
    client, demo, settings, django_assert_max_num_queries, url
):
    # Measure the rendering, not the page cache (it would answer with 0 queries).
    settings.SMGOVERNANCE_CACHE_ENABLED = False
    add_channel("flat-1", "active")
    client.get(url)  # warm caches (site root paths)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    assert len(few.captured_queries) <= 15
    kaiser = ResponsiblePerson.objects.get(name="André Kaiser")
    operator = instance_operator()
    for number in range(2, 12):
        add_channel(
            f"flat-{number}",
            "active",
            platform=["facebook", "x", "vimeo"][number % 3],
            data_subject_owner=kaiser,
        )
    add_channel(
        "flat-mastodon",
        "pilot",
        platform="mastodon",
        profile_url="https://social.bund.de/@flat",
        instance_operator=operator,
        data_subject_owner=kaiser,
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    assert b"kanal-flat-mastodon" in response.content


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


def test_vimeo_section_names_the_real_button_and_the_way_to_revoke(client, demo):
    """The privacy notice must describe the consent step citizens actually see."""
    section = soup(client.get("/datenschutz/")).find(id="vimeo")
    text = section.get_text(" ", strip=True)
    video_page = soup(client.get("/videos/")).find(
        "a", href=lambda h: h and h.startswith("/videos/") and h != "/videos/"
    )
    button = soup(client.get(video_page["href"])).find(
        "button", class_=lambda c: c and "vimeo" in c
    )
    label = button.get_text(" ", strip=True)
    assert label.startswith("Video „") and label.endswith("von Vimeo laden")
    assert "„Video „…“ von Vimeo laden“" in text
    assert "Vimeo-Videos immer laden" in text
    revoke = section.find("a", string="Einwilligungen verwalten")
    assert revoke is not None and client.get(revoke["href"]).status_code == 200
