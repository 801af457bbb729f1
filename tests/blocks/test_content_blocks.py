"""Every block of the governance library renders and validates (block level)."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.blocks.struct_block import StructBlockValidationError

from smgovernance import blocks as smg_blocks
from smgovernance.models import ContactPoint, ContentPage
from smgovernance.templatetags.smgovernance_content import channel_successors
from tests.factories import make_channels


pytestmark = pytest.mark.django_db


def render(block, raw: dict | str) -> BeautifulSoup:
    value = block.clean(block.to_python(raw))
    return BeautifulSoup(block.render(value), "html.parser")


def block_errors(error: StructBlockValidationError) -> dict[str, str]:
    return {name: " ".join(e.messages) for name, e in error.block_errors.items()}


def test_content_page_offers_exactly_the_governance_blocks():
    names = list(ContentPage._meta.get_field("body").stream_block.child_blocks)
    assert names == [
        "text",
        "image",
        "vimeo",
        "contact",
        "channel_links",
        "note",
        "call_to_action",
    ]
    for _name, block in smg_blocks.GOVERNANCE_BLOCKS:
        meta = block.meta
        assert meta.icon and meta.label and meta.description and meta.template
        assert block.is_previewable


def test_rich_text_features_are_limited():
    block = smg_blocks.GovernanceRichTextBlock()
    assert block.features == ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link"]
    for forbidden in ("image", "embed", "h1", "h5", "code", "document-link"):
        assert forbidden not in block.features


def test_rich_text_renders():
    document = render(
        smg_blocks.GovernanceRichTextBlock(), "<h2>Säulen</h2><p>Text</p>"
    )
    assert document.find("h2").get_text() == "Säulen"


@pytest.mark.parametrize(
    "source",
    [
        "<p>Siehe https://vimeo.com/76979871</p>",
        '<p><a href="https://player.vimeo.com/video/76979871">Video</a></p>',
        '<p>&lt;iframe src="https://player.vimeo.com/video/1"&gt;&lt;/iframe&gt;</p>',
    ],
)
def test_rich_text_refuses_vimeo_with_a_german_pointer_to_the_vimeo_block(source):
    block = smg_blocks.GovernanceRichTextBlock()
    with translation.override("de"), pytest.raises(ValidationError) as error:
        block.clean(block.to_python(source))
    assert "Vimeo-Video" in error.value.messages[0]


def test_image_block_renders_alt_and_caption(image):
    document = render(
        smg_blocks.AccessibleImageBlock(),
        {
            "image": image.pk,
            "alt_text": "Drei Säulen",
            "decorative": False,
            "caption": "Foto: LRA",
        },
    )
    assert document.find("img")["alt"] == "Drei Säulen"
    assert document.find("figcaption").get_text() == "Foto: LRA"


def test_decorative_image_gets_empty_alt(image):
    document = render(
        smg_blocks.AccessibleImageBlock(),
        {"image": image.pk, "alt_text": "ignoriert", "decorative": True, "caption": ""},
    )
    assert document.find("img")["alt"] == ""
    assert document.find("figcaption") is None


def test_image_without_alt_text_is_refused_in_german(image):
    block = smg_blocks.AccessibleImageBlock()
    value = block.to_python({"image": image.pk, "alt_text": " ", "decorative": False})
    with translation.override("de"), pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert block_errors(error.value) == {
        "alt_text": "Geben Sie einen Alternativtext ein oder kennzeichnen Sie das Bild als dekorativ."
    }


def test_contact_block_renders_from_the_record(demo):
    point = ContactPoint.objects.get(name="Pressestelle")
    document = render(smg_blocks.ContactBlock(), {"contact_point": point.pk})
    assert document.find("h2").get_text() == "Pressestelle"
    assert (
        document.find("a", href="tel:+4937317993305").get_text() == "(03731) 799 3305"
    )
    assert document.find("a", href="mailto:presse@landkreis-mittelsachsen.de")
    assert "Frauensteiner Straße 43" in document.find("address").get_text()
    hours = [
        li.get_text(" ", strip=True) for li in document.select(".smg-contact__hours li")
    ]
    assert hours[0] == "Montag: 08:00 bis 12:00 Uhr"
    point.phone = "(03731) 799 0000"
    point.save()
    document = render(smg_blocks.ContactBlock(), {"contact_point": point.pk})
    assert document.find("a", href="tel:+4937317990000")


def test_channel_links_block_links_plainly_and_marks_closed_channels(demo):
    channels = make_channels(demo.root_page)
    document = render(
        smg_blocks.ChannelLinksBlock(),
        {
            "heading": "Folgen Sie uns",
            "channels": [channels["facebook"].pk, channels["twitter"].pk],
        },
    )
    link = document.find("a", href="https://www.facebook.com/wirtschaftsregion")
    assert link["rel"] == ["noopener"]
    closed = document.select_one(".smg-channels__item--closed")
    assert "geschlossen" in closed.get_text()
    assert closed.find("a") is None  # no link to a closed profile
    assert document.find("script") is None and document.find("iframe") is None


def test_closed_channel_lists_its_successors():
    class Channel:
        successors = ["mastodon"]

    class Related:
        def all(self):
            return ["a", "b"]

    class WithRelation:
        successors = Related()

    assert channel_successors(object()) == []
    assert channel_successors(WithRelation()) == ["a", "b"]
    assert channel_successors(Channel()) == [["mastodon"]]


def test_note_block_is_a_note_with_heading_level():
    document = render(
        smg_blocks.NoteBlock(),
        {
            "kind": "warning",
            "heading": "Achtung",
            "heading_level": "3",
            "text": "<p>Text</p>",
        },
    )
    note = document.find(role="note")
    assert "smg-note--warning" in note["class"]
    assert "Achtung" in note.find("h3").get_text()


def test_call_to_action_to_external_https_url():
    document = render(
        smg_blocks.CallToActionBlock(),
        {
            "text": "Online",
            "page": None,
            "url": "https://amt24.sachsen.de/",
            "link_label": "Amt24",
        },
    )
    assert document.find("a", href="https://amt24.sachsen.de/").get_text() == "Amt24"


def test_call_to_action_to_a_page(demo):
    document = render(
        smg_blocks.CallToActionBlock(),
        {"text": "", "page": demo.root_page.pk, "url": "", "link_label": "Start"},
    )
    assert document.find("a", href="/").get_text() == "Start"


@pytest.mark.parametrize(
    ("page", "url", "field", "message"),
    [
        (
            False,
            "",
            "page",
            "Wählen Sie eine Seite oder geben Sie eine externe Adresse ein.",
        ),
        (True, "https://amt24.sachsen.de/", "url", "nicht beides"),
        (False, "http://amt24.sachsen.de/", "url", "müssen mit https:// beginnen"),
    ],
)
def test_call_to_action_needs_exactly_one_https_target(demo, page, url, field, message):
    block = smg_blocks.CallToActionBlock()
    value = block.to_python(
        {"page": demo.root_page.pk if page else None, "url": url, "link_label": "Los"}
    )
    with translation.override("de"), pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    errors = block_errors(error.value)
    assert list(errors) == [field]
    assert message in errors[field]
