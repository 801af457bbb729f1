"""/datenschutz/ renders the records: the website, every public channel and the Vimeo embed."""

from smgovernance.compliance.legal_references import find_outdated_references
from smgovernance.models import (
    ChannelProfilePage,
    Platform,
    PlatformPrivacyNote,
    ResponsiblePerson,
)
from tests.factories import (
    HIDDEN_CHANNELS,
    PUBLIC_CHANNELS,
    add_channel,
    instance_operator,
    soup,
)


def test_privacy_page_has_website_channel_and_vimeo_sections(client, channels):
    document = soup(client.get("/datenschutz/"))
    main = document.find("main")
    for anchor in ["website", "vimeo", *(f"kanal-{slug}" for slug in PUBLIC_CHANNELS)]:
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
    for slug in HIDDEN_CHANNELS:
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
    for slug in PUBLIC_CHANNELS:
        assert "(geändert)" in document.find(id=f"kanal-{slug}").get_text()


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
