"""The page editor's checks panel and the preview userbar carry our content rules."""

import json

import pytest
from bs4 import BeautifulSoup

from smgovernance.compliance import content as content_checks
from smgovernance.models import ContentPage
from tests.factories import list_block, make_channels, page_form, text


pytestmark = pytest.mark.django_db


def preview_document(admin_client, page, data) -> BeautifulSoup:
    url = f"/admin/pages/{page.pk}/edit/preview/"
    assert admin_client.post(url, data=data).json()["is_valid"] is True
    return BeautifulSoup(admin_client.get(url, {"mode": ""}).content, "html.parser")


def test_findings_appear_in_the_preview_and_clear_when_fixed(admin_client, demo):
    channels = make_channels(demo.root_page)
    page = ContentPage.objects.get(slug="fachkraefte")
    bad = page_form(
        "Fachkräfte",
        "fachkraefte",
        [
            text("<p>Fragen? 03731 799 9999 oder info@example.org</p>"),
            (
                "channel_links",
                {"heading": "", "channels": list_block([channels["twitter"].pk])},
            ),
        ],
    )
    document = preview_document(admin_client, page, bad)
    found = sorted(
        item["data-smg-check"] for item in document.select("[data-smg-check]")
    )
    assert found == sorted(
        [
            content_checks.UNKNOWN_PHONE,
            content_checks.UNKNOWN_EMAIL,
            content_checks.CLOSED_CHANNEL,
        ]
    )
    assert "Prüfhinweise" in document.select_one(".smg-checks h2").get_text()
    good = page_form(
        "Fachkräfte",
        "fachkraefte",
        [
            text(
                "<p>Fragen? (03731) 799 1402 oder regionalmanagement@landkreis-mittelsachsen.de</p>"
            ),
            (
                "channel_links",
                {"heading": "", "channels": list_block([channels["facebook"].pk])},
            ),
        ],
    )
    document = preview_document(admin_client, page, good)
    assert document.select("[data-smg-check]") == []
    # and never on the public page
    assert (
        BeautifulSoup(admin_client.get(page.url).content, "html.parser").select(
            ".smg-checks"
        )
        == []
    )


def axe_configuration(response) -> dict:
    document = BeautifulSoup(response.content, "html.parser")
    return json.loads(document.find(id="checker-axe-configuration").string)


def test_checks_panel_of_the_editor_runs_the_custom_rules(admin_client, demo):
    page = ContentPage.objects.get(slug="fachkraefte")
    config = axe_configuration(admin_client.get(f"/admin/pages/{page.pk}/edit/"))
    rule_ids = {rule["id"] for rule in config["spec"]["rules"]}
    assert set(content_checks.CHECKS) <= rule_ids
    assert set(content_checks.CHECKS) <= set(config["options"]["runOnly"])
    assert {"image-alt", "heading-order"} <= set(config["options"]["runOnly"])
    assert config["messages"][content_checks.CLOSED_CHANNEL]["error_name"] == (
        "Link auf einen geschlossenen Kanal"
    )
    rule = next(
        r for r in config["spec"]["rules"] if r["id"] == content_checks.UNKNOWN_PHONE
    )
    assert rule["selector"] == f'[data-smg-check="{content_checks.UNKNOWN_PHONE}"]'
    assert {check["id"] for check in config["spec"]["checks"]} >= {"smg-finding"}


def test_userbar_in_the_preview_carries_the_same_rules(admin_client, demo):
    page = ContentPage.objects.get(slug="fachkraefte")
    response = admin_client.get(page.url)
    config = axe_configuration(response)
    assert set(content_checks.CHECKS) <= {
        rule["id"] for rule in config["spec"]["rules"]
    }


def test_saving_lists_the_findings_as_warnings(admin_client, demo):
    page = ContentPage.objects.get(slug="fachkraefte")
    response = admin_client.post(
        f"/admin/pages/{page.pk}/edit/",
        page_form("Fachkräfte", "fachkraefte", [text("<p>Mail: info@example.org</p>")]),
        follow=True,
    )
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert any("info@example.org" in m and "Kontaktstelle" in m for m in messages), (
        messages
    )
    page.refresh_from_db()
    assert page.has_unpublished_changes  # saved as a draft; the live page is unchanged
