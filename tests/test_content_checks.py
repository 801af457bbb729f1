"""Editor-facing content checks: they fire on the problem and clear when it is fixed."""

import json

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from home.models import HomePage
from smgovernance.compliance import content as content_checks
from smgovernance.models import ContentPage
from smgovernance.rules.phone import phone_digits, tel_href
from tests.content_helpers import list_block, make_channels, page_form, text


pytestmark = pytest.mark.django_db


def ids(findings) -> list[str]:
    return [finding.check_id for finding in findings]


def page_with(body: list) -> ContentPage:
    """An unsaved page, as the preview sees it."""
    return ContentPage(title="Entwurf", slug="entwurf", body=json.dumps(body))


@pytest.mark.parametrize(
    ("phone", "digits", "href"),
    [
        ("(03731) 799 3305", "037317993305", "tel:+4937317993305"),
        ("+49 3731 799-3305", "037317993305", "tel:+4937317993305"),
        ("0049 3731 7993305", "037317993305", "tel:+4937317993305"),
        ("03731/799-1402", "037317991402", "tel:+4937317991402"),
    ],
)
def test_phone_numbers_compare_in_any_notation(phone, digits, href):
    assert phone_digits(phone) == digits
    assert tel_href(phone) == href


def test_contacts_from_the_records_pass_and_others_are_flagged(demo):
    known = page_with(
        [
            {
                "type": "text",
                "value": "<p>Pressestelle: +49 3731 799-3305, "
                "PRESSE@landkreis-mittelsachsen.de; am 23.09.2020 um 10 Uhr.</p>",
            }
        ]
    )
    assert content_checks.check_page(known) == []
    unknown = page_with(
        [
            {
                "type": "text",
                "value": "<p>Rufen Sie 0151 18866723 an oder schreiben Sie an "
                "<a href='mailto:info@example.org'>info@example.org</a>.</p>",
            }
        ]
    )
    with translation.override("de"):
        findings = content_checks.check_page(unknown)
    assert ids(findings) == [content_checks.UNKNOWN_PHONE, content_checks.UNKNOWN_EMAIL]
    assert "0151 18866723" in findings[0].message
    assert "Kontaktstelle" in findings[0].message
    assert findings[0].block_id is None or isinstance(findings[0].block_id, str)


def test_closed_channel_is_flagged_in_channel_links_rich_text_and_call_to_action(demo):
    channels = make_channels(demo.root_page)
    closed, active = channels["twitter"], channels["facebook"]
    assert (
        content_checks.check_page(
            page_with([{"type": "channel_links", "value": {"channels": [active.pk]}}])
        )
        == []
    )
    body = [
        {"type": "channel_links", "value": {"channels": [active.pk, closed.pk]}},
        {"type": "text", "value": f'<p><a linktype="page" id="{closed.pk}">X</a></p>'},
        {
            "type": "call_to_action",
            "value": {"page": closed.pk, "url": "", "link_label": "X"},
        },
    ]
    with translation.override("de"):
        findings = content_checks.check_page(page_with(body))
    assert ids(findings) == [content_checks.CLOSED_CHANNEL] * 3
    assert closed.title in findings[0].message and "geschlossen" in findings[0].message


def test_vimeo_in_any_rich_text_is_flagged(demo):
    home = HomePage.objects.get()
    assert content_checks.check_page(home) == []
    home.body = json.dumps(
        [{"type": "paragraph", "value": "<p>https://vimeo.com/76979871</p>"}]
    )
    assert ids(content_checks.check_page(home)) == [content_checks.VIMEO_IN_TEXT]


def test_image_without_alt_text_is_flagged(demo):
    image = Image.objects.create(title="Test", file=get_test_image_file())
    value = {"image": image.pk, "alt_text": "", "decorative": False, "caption": ""}
    assert ids(
        content_checks.check_page(page_with([{"type": "image", "value": value}]))
    ) == [content_checks.IMAGE_WITHOUT_ALT]
    value["decorative"] = True
    assert (
        content_checks.check_page(page_with([{"type": "image", "value": value}])) == []
    )


def test_demo_content_pages_have_no_findings(demo):
    for page in ContentPage.objects.all():
        assert content_checks.check_page(page) == [], page


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
