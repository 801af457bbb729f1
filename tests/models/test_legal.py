"""/impressum/ and /kontakt/ render the records: every channel, nothing typed twice."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from smgovernance.blocks import ContactBlock
from smgovernance.models import (
    ChannelIndexPage,
    ChannelProfilePage,
    ChannelStage,
    ContactPoint,
    ImprintPage,
    OfficeHours,
    PrivacyPage,
    ResponsiblePerson,
    Weekday,
)
from tests.factories import (
    HIDDEN_CHANNELS,
    PUBLIC_CHANNELS,
    add_channel,
    footer_links,
    instance_operator,
    soup,
)


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
    assert "Zuletzt geprüft: 2. November 2026" in persons[1].get_text(" ", strip=True)
    assert "RStV" not in text and "TMG" not in text


def test_imprint_lists_public_channels_with_anchors_and_no_form_controls(
    client, channels
):
    document = soup(client.get("/impressum/"))
    section = document.find(id="gilt-auch-fuer").find_parent("section")
    for slug in PUBLIC_CHANNELS:
        entry = section.find(id=f"kanal-{slug}")
        assert entry is not None, slug
        assert entry.find("h3").get_text(strip=True) == f"Facebook: Kanal {slug}"
        assert entry.find("a", href=f"https://www.facebook.com/{slug}")
    for slug in HIDDEN_CHANNELS:
        assert document.find(id=f"kanal-{slug}") is None, slug
    # The imprint is for citizens: the editors' copy fields live in the admin.
    # (The site's search field in the header is not part of the imprint.)
    content = document.find("main")
    assert content.find_all(["input", "textarea", "button", "select"]) == []
    assert "kopieren" not in document.get_text()


def imprint_panel_entries(admin_client, page: Page) -> dict[str, dict[str, str]]:
    """The admin editor's imprint-field panel: per anchor, the link and the text."""
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    entries = {}
    for entry in soup(response).select(".smg-imprint-field"):
        link = entry.find("input", readonly=True)
        text = entry.find("textarea", readonly=True)
        assert soup(response).find("label", attrs={"for": link["id"]})
        assert soup(response).find("label", attrs={"for": text["id"]})
        entries[entry["id"].removeprefix("impressum-")] = {
            "link": link["value"],
            "text": text.get_text(),
            "label": entry.find("label", attrs={"for": text["id"]}).get_text(
                strip=True
            ),
        }
    return entries


def test_imprint_editor_offers_link_and_text_per_channel_from_the_site_address(
    admin_client, channels
):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "wirtschaft.example.org", 443
    site.save()
    imprint = ImprintPage.objects.get()
    entries = imprint_panel_entries(admin_client, imprint)
    assert set(entries) >= {f"kanal-{slug}" for slug in PUBLIC_CHANNELS}
    for slug in HIDDEN_CHANNELS:
        assert f"kanal-{slug}" not in entries
    for slug in PUBLIC_CHANNELS:
        entry = entries[f"kanal-{slug}"]
        expected = f"https://wirtschaft.example.org/impressum/#kanal-{slug}"
        assert entry["link"] == expected
        assert "Landkreis Mittelsachsen" in entry["text"]
        assert "Sven Krüger" in entry["text"]
        assert entry["text"].endswith(expected)
    # Several channels on one platform: every field's label still says which one.
    labels = [entry["label"] for entry in entries.values()]
    assert len(labels) == len(set(labels))
    assert "Text für das Impressumsfeld von „Facebook: Kanal test-active“" in labels


def test_channel_editor_shows_its_own_imprint_link(admin_client, channels):
    site = Site.objects.get(is_default_site=True)
    channel = ChannelProfilePage.objects.get(slug="test-active")
    entries = imprint_panel_entries(admin_client, channel)
    assert list(entries) == ["kanal-test-active"]
    assert entries["kanal-test-active"]["link"] == (
        f"{site.root_url}/impressum/#kanal-test-active"
    )
    hidden = ChannelProfilePage.objects.get(slug="test-planned")
    assert imprint_panel_entries(admin_client, hidden) == {}


def test_imprint_editor_entries_follow_changes_of_channel_and_provider(
    admin_client, channels
):
    """The editor's entries come from the fragment cache: a change to the channel
    or to the imprint's provider data shows at once."""
    imprint = ImprintPage.objects.get()
    before = imprint_panel_entries(admin_client, imprint)["kanal-test-active"]
    channel = ChannelProfilePage.objects.get(slug="test-active")
    channel.title = "Kanal umbenannt"
    channel.save_revision().publish()
    renamed = imprint_panel_entries(admin_client, imprint)["kanal-test-active"]
    assert "„Kanal umbenannt“" in renamed["text"]
    assert "„Kanal test-active“" not in renamed["text"]
    assert "+49 3731 799-9999" not in renamed["text"]
    imprint.refresh_from_db()
    imprint.phone = "+49 3731 799-9999"
    imprint.save_revision().publish()
    entry = imprint_panel_entries(admin_client, ImprintPage.objects.get())[
        "kanal-test-active"
    ]
    assert entry != before
    assert "+49 3731 799-9999" in entry["text"]


def test_imprint_deep_links_resolve(admin_client, client, channels):
    entries = imprint_panel_entries(admin_client, ImprintPage.objects.get())
    for slug in PUBLIC_CHANNELS:
        parts = urlsplit(entries[f"kanal-{slug}"]["link"])
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
        assert hours[0] == "Montag: 8:00–12:00 Uhr"
        assert hours[1] == "Dienstag: 8:00–18:00 Uhr"
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
        == "Montag: 8:00–12:00 Uhr, 13:00–15:00 Uhr"
    )


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
    client, demo, settings, django_assert_max_num_queries, url
):
    # Measure the rendering, not the page cache (it would answer with 0 queries),
    # and every section rendered: warm fragments skip the query loading the
    # channels (tests/test_fragments.py).
    settings.SMGOVERNANCE_CACHE_ENABLED = False
    settings.SMGOVERNANCE_FRAGMENT_CACHE = False
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
