"""Editor-facing content checks: they fire on the problem and clear when it is fixed."""

import json

import pytest
from django.utils import translation
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from home.models import HomePage
from smgovernance.compliance import content as content_checks
from smgovernance.models import ContentPage
from smgovernance.rules.phone import phone_digits, tel_href
from tests.factories import make_channels


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
