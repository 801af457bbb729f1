"""The official-channel register: JSON and CSV against the shipped schema, the index's words."""

import csv
import io
import json
import uuid
from pathlib import Path

import jsonschema
import pytest

from smgovernance.models import ChannelIndexPage, ChannelProfilePage
from tests.factories import add_channel, main_text, soup


SCHEMA = json.loads(
    (
        Path(__file__).resolve().parents[2] / "docs/channel-register.schema.json"
    ).read_text(encoding="utf-8")
)
PUBLIC_DEMO_CHANNELS = {
    "https://www.facebook.com/wirtschaft.in.mittelsachsen",
    "https://x.com/mswirtschaft",
    "https://vimeo.com/user16758230",
}


def register_json(client) -> dict:
    response = client.get("/kanaele/verzeichnis.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(response.content)


def register_csv(client) -> list[dict]:
    response = client.get("/kanaele/verzeichnis.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read UTF-8
    text = response.content.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


def as_json_values(row: dict) -> dict:
    """A CSV row as the schema's channel: an empty cell is null where null is allowed."""
    channel = SCHEMA["$defs"]["channel"]["properties"]
    nullable = {
        name
        for name, spec in channel.items()
        if "null" in json.dumps(spec)  # oneOf null, enum with null, type with null
    }
    return {k: (None if v == "" and k in nullable else v) for k, v in row.items()}


def test_demo_register_validates_and_lists_the_three_public_channels(client, demo):
    data = register_json(client)
    jsonschema.validate(data, SCHEMA)
    assert data["publisher"]["name"] == "Landkreis Mittelsachsen"
    assert {c["profile_url"] for c in data["channels"]} == PUBLIC_DEMO_CHANNELS
    ids = [c["id"] for c in data["channels"]]
    assert len(set(ids)) == 3 and all(uuid.UUID(i) for i in ids)
    facebook = next(c for c in data["channels"] if c["platform_slug"] == "facebook")
    assert facebook["stage"] == "active"
    assert facebook["stage_label"] == "Aktiv"
    assert facebook["responsible_unit"] == (
        "Referat Wirtschaftsförderung und Kreisentwicklung"
    )
    assert facebook["imprint_url"].endswith("/impressum/#kanal-facebook")
    assert facebook["privacy_notice_url"].endswith("/datenschutz/#kanal-facebook")
    assert facebook["last_verification_result"] is not None


def test_demo_csv_has_the_same_rows_and_validates(client, demo):
    data = register_json(client)
    rows = register_csv(client)
    definition = {**SCHEMA["$defs"]["channel"], "$defs": SCHEMA["$defs"]}
    for row in rows:
        jsonschema.validate(as_json_values(row), definition)
    assert [as_json_values(row) for row in rows] == data["channels"]


def test_planned_closed_and_private_channels_are_not_in_the_register(client, demo):
    add_channel("geplant", "planned")
    add_channel("eingestellt", "closed")
    hidden = add_channel("privat", "pilot")
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.LOGIN
    )
    urls = {c["profile_url"] for c in register_json(client)["channels"]}
    assert urls == PUBLIC_DEMO_CHANNELS


def test_the_identifier_survives_renames_and_old_drafts(client, demo):
    channel = ChannelProfilePage.objects.get(slug="facebook")
    before = {c["name"]: c["id"] for c in register_json(client)["channels"]}
    identifier = before[channel.title]
    old_revision = channel.latest_revision
    channel.title = "Facebook: Wirtschaftsregion"
    channel.slug = "facebook-wirtschaft"
    channel.handle = "wirtschaftsregion"
    channel.save_revision().publish()
    old_revision.publish()  # an editor publishes an older revision again
    channel.refresh_from_db()
    after = register_json(client)["channels"]
    assert identifier in {c["id"] for c in after}
    assert str(channel.register_id) == identifier


def test_copying_a_channel_gives_the_copy_a_new_identifier(demo):
    channel = ChannelProfilePage.objects.get(slug="vimeo")
    copy = channel.copy(update_attrs={"slug": "vimeo-kopie", "title": "Kopie"})
    assert copy.specific.register_id != channel.register_id


def test_index_links_the_files_and_names_the_official_channels(client, demo):
    document = soup(client.get("/kanaele/"))
    hrefs = {a["href"] for a in document.find_all("a")}
    assert "/kanaele/verzeichnis.json" in hrefs
    assert "/kanaele/verzeichnis.csv" in hrefs
    text = main_text(document)
    assert "Offizieller Kanal des Landkreises Mittelsachsen, zuletzt geprüft am" in text


def test_profile_page_says_official_channel_and_last_check(client, demo):
    text = main_text(soup(client.get("/kanaele/vimeo/")))
    assert "Offizieller Kanal des Landkreises Mittelsachsen, zuletzt geprüft am" in text


def test_json_ld_same_as_lists_exactly_the_register(client, demo):
    add_channel("geplant", "planned")
    document = soup(client.get("/kanaele/"))
    data = json.loads(document.find("script", type="application/ld+json").string)
    register = {c["profile_url"] for c in register_json(client)["channels"]}
    assert sorted(data["sameAs"]) == sorted(register)
    assert set(data["sameAs"]) == PUBLIC_DEMO_CHANNELS  # dormant X included


@pytest.mark.parametrize("suffix", ["verzeichnis.xml", "verzeichnis.json/x"])
def test_other_addresses_under_the_index_are_404(client, demo, suffix):
    assert client.get(f"/kanaele/{suffix}").status_code == 404


def test_register_of_an_index_without_channels_is_empty_and_valid(client, db):
    from wagtail.models import Site

    index = ChannelIndexPage(title="Kanäle", slug="kanaele")
    Site.objects.get(is_default_site=True).root_page.add_child(instance=index)
    data = register_json(client)
    jsonschema.validate(data, SCHEMA)
    assert data["channels"] == []
    assert list(register_csv(client)) == []
