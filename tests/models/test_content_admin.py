"""Editors build content pages in the real admin: German errors, drafts kept, previews."""

import html
import json

import pytest
from bs4 import BeautifulSoup
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html, rich_text

from smgovernance.blocks import GOVERNANCE_BLOCKS
from smgovernance.models import ContactPoint, ContentPage
from tests.factories import list_block, make_channels, page_form, text


pytestmark = pytest.mark.django_db


def shows_error(response, message: str) -> bool:
    """Block errors reach the page inside the StreamField's JSON: compare both forms."""
    content = html.unescape(response.content.decode())
    return message in content or json.dumps(message)[1:-1] in content


def add_url(parent: Page) -> str:
    return f"/admin/pages/add/smgovernance/contentpage/{parent.pk}/"


def every_block(demo, image) -> list:
    channels = make_channels(demo.root_page)
    point = ContactPoint.objects.get(name="Pressestelle")
    return [
        text("<h2>Säulen</h2><p>Wirtschaft – Wissenschaft – Fachkräfte</p>"),
        ("image", {"image": image.pk, "alt_text": "Drei Säulen", "caption": "Grafik"}),
        (
            "vimeo",
            {
                "video": "https://vimeo.com/76979871",
                "title": "Demo-Video",
                "poster": "",
                "transcript": rich_text("<p>Gesprochener Text.</p>"),
                "captions_available": "",
                "caption_language": "de",
                "start_time": "",
            },
        ),
        ("contact", {"contact_point": point.pk}),
        (
            "channel_links",
            {"heading": "Kanäle", "channels": list_block([channels["facebook"].pk])},
        ),
        (
            "note",
            {
                "kind": "info",
                "heading": "Hinweis",
                "heading_level": "2",
                "text": rich_text("<p>Nur Information.</p>"),
            },
        ),
        (
            "call_to_action",
            {
                "text": "Online",
                "page": "",
                "url": "https://amt24.sachsen.de/",
                "link_label": "Amt24",
            },
        ),
    ]


def test_editor_publishes_a_page_with_every_block(admin_client, demo, image):
    response = admin_client.post(
        add_url(demo.root_page),
        page_form(
            "Alle Blöcke",
            "alle-bloecke",
            every_block(demo, image),
            **{"action-publish": "publish"},
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ContentPage.objects.get(slug="alle-bloecke")
    assert page.live
    assert [block.block_type for block in page.body] == [
        name for name, _b in GOVERNANCE_BLOCKS
    ]
    document = BeautifulSoup(admin_client.get(page.url).content, "html.parser")
    assert document.find("h1").get_text() == "Alle Blöcke"
    assert document.find("a", href="tel:+4937317993305")
    assert document.find("a", href="https://www.facebook.com/wirtschaftsregion")
    assert document.find("img")["alt"] == "Drei Säulen"
    assert document.find(role="note")
    assert document.find("a", href="https://amt24.sachsen.de/")
    assert document.select("[data-smg-check]") == []  # checks only in the preview


@pytest.mark.parametrize(
    ("block", "message"),
    [
        (
            ("image", "ALT"),
            "Geben Sie einen Alternativtext ein oder kennzeichnen Sie das Bild als dekorativ.",
        ),
        (
            (
                "call_to_action",
                {"text": "", "page": "", "url": "", "link_label": "Los"},
            ),
            "Wählen Sie eine Seite oder geben Sie eine externe Adresse ein.",
        ),
        (
            (
                "text",
                rich_text(
                    '<p>Video: <a href="https://vimeo.com/76979871">https://vimeo.com/76979871</a></p>'
                ),
            ),
            "Block „Vimeo-Video“",
        ),
    ],
)
def test_bad_block_input_gets_a_german_error_and_nothing_is_published(
    admin_client, demo, image, block, message
):
    if block[1] == "ALT":
        block = ("image", {"image": image.pk, "alt_text": "", "caption": ""})
    response = admin_client.post(
        add_url(demo.root_page),
        page_form("Fehlerhaft", "fehlerhaft", [block], **{"action-publish": "publish"}),
    )
    assert response.status_code == 200
    assert shows_error(response, message)
    assert not ContentPage.objects.filter(slug="fehlerhaft").exists()


def test_bad_edit_keeps_the_live_version(admin_client, demo):
    page = ContentPage.objects.get(slug="fachkraefte")
    live_revision = page.live_revision_id
    response = admin_client.post(
        f"/admin/pages/{page.pk}/edit/",
        page_form(
            "Fachkräfte",
            "fachkraefte",
            [text('<p><a href="https://player.vimeo.com/video/1">Film</a></p>')],
            **{"action-publish": "publish"},
        ),
    )
    assert response.status_code == 200
    assert shows_error(response, "Block „Vimeo-Video“")
    page.refresh_from_db()
    assert page.live_revision_id == live_revision
    assert "player.vimeo.com/video/1" not in str(page.body.raw_data)


def test_rich_text_drops_what_the_features_do_not_allow(admin_client, demo):
    source_html = (
        "<h1>Titel</h1><h2>Erlaubt</h2><h5>Zu tief</h5><p><code>x = 1</code> Text</p>"
        '<img alt="Bild" src="/media/x.png">'
    )
    response = admin_client.post(
        add_url(demo.root_page),
        page_form(
            "Gefiltert",
            "gefiltert",
            [
                (
                    "text",
                    rich_text(
                        source_html, features=["h1", "h2", "h5", "code", "image"]
                    ),
                )
            ],
            **{"action-publish": "publish"},
        ),
    )
    assert response.status_code == 302
    source = ContentPage.objects.get(slug="gefiltert").body[0].value.source
    assert ">Erlaubt</h2>" in source and "x = 1 Text" in source
    for forbidden in ("<h1", "<h5", "<code", "<img", "<embed"):
        assert forbidden not in source


def preview(admin_client, page: Page, data: dict | None = None) -> BeautifulSoup:
    """Post the edit form (read from the edit view unless given) to the preview and render it."""
    if data is None:
        form = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
        data = querydict_from_html(form, form_id="page-edit-form")
    url = f"/admin/pages/{page.pk}/edit/preview/"
    response = admin_client.post(url, data=data)
    assert response.json() == {"is_valid": True, "is_available": True}
    response = admin_client.get(url, {"mode": ""})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


# ChannelProfilePage gets its template from the channel pages work, not yet merged
# here; the integrator removes this entry when merging.
TEMPLATE_NOT_IN_THIS_BRANCH = {"ChannelProfilePage"}


def test_every_page_type_of_the_demo_is_previewable(admin_client, admin_user, rf, demo):
    make_channels(demo.root_page)
    pages = [page.specific for page in Page.objects.filter(depth__gte=2)]
    assert {type(page).__name__ for page in pages} >= {
        "HomePage",
        "ContentPage",
        "ChannelIndexPage",
        "ChannelProfilePage",
    }
    for page in pages:
        if type(page).__name__ in TEMPLATE_NOT_IN_THIS_BRANCH:
            continue
        request = rf.get("/")
        request.user = admin_user
        response = page.make_preview_request(request, page.default_preview_mode)
        assert response.status_code == 200, page
        document = BeautifulSoup(response.render().content, "html.parser")
        assert document.find("h1"), page
        has_stream = any(
            type(field).__name__ == "StreamField" for field in page._meta.get_fields()
        )
        if not has_stream:  # the edit form holds every field: preview through the admin
            assert preview(admin_client, page).find("h1"), page


def test_content_page_previews_through_the_edit_view(admin_client, demo, image):
    page = ContentPage.objects.get(slug="fachkraefte")
    document = preview(
        admin_client,
        page,
        page_form("Fachkräfte (Entwurf)", "fachkraefte", every_block(demo, image)),
    )
    assert document.find("h1").get_text() == "Fachkräfte (Entwurf)"
    assert document.find("a", href="https://www.facebook.com/wirtschaftsregion")
    page.refresh_from_db()
    assert page.title == "Fachkräfte"  # a preview never saves


def test_every_block_preview_renders(admin_client, demo):
    make_channels(demo.root_page)
    Image.objects.create(title="Test", file=get_test_image_file())
    for name, block in GOVERNANCE_BLOCKS:
        response = admin_client.get(
            "/admin/block-preview/", {"id": block.definition_prefix}
        )
        assert response.status_code == 200, name
        document = BeautifulSoup(response.content, "html.parser")
        assert document.select_one(f".block-{name}").get_text(strip=True), name
