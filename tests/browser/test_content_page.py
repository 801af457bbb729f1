import json
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from smgovernance.blocks import GOVERNANCE_BLOCKS
from smgovernance.compliance import content as content_checks
from smgovernance.models import ContactPoint, ContentPage
from tests.browser.conftest import axe_violations, describe
from tests.factories import make_channels


pytestmark = pytest.mark.django_db(transaction=True)


def every_block_page(home) -> ContentPage:
    channels = make_channels(home)
    image = Image.objects.create(title="Test", file=get_test_image_file())
    point = ContactPoint.objects.get(name="Pressestelle")
    body = [
        {
            "type": "text",
            "value": "<h2>Säulen</h2><p>Wirtschaft</p><h3>Fachkräfte</h3>",
        },
        {
            "type": "image",
            "value": {
                "image": image.pk,
                "alt_text": "Drei Säulen",
                "caption": "Grafik",
            },
        },
        {
            "type": "vimeo",
            "value": {
                "video": "https://vimeo.com/76979871",
                "title": "Demo-Video",
                "transcript": "<p>Gesprochener Text.</p>",
                "captions_available": False,
                "caption_language": "de",
                "start_time": "",
            },
        },
        {"type": "contact", "value": {"contact_point": point.pk}},
        {
            "type": "channel_links",
            "value": {
                "heading": "Kanäle",
                "channels": [channels["facebook"].pk, channels["twitter"].pk],
            },
        },
        {
            "type": "note",
            "value": {
                "kind": "warning",
                "heading": "Achtung",
                "heading_level": "2",
                "text": "<p>Text</p>",
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "text": "Online",
                "url": "https://amt24.sachsen.de/",
                "link_label": "Zum Serviceportal Amt24",
            },
        },
    ]
    page = ContentPage(
        title="Alle Blöcke",
        slug="alle-bloecke",
        intro="Jeder Block einmal.",
        body=json.dumps(body),
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    assert [b.block_type for b in page.body] == [name for name, _b in GOVERNANCE_BLOCKS]
    return page


def test_content_page_with_every_block_passes_axe(live_server, demo, recorded_page):
    every_block_page(demo.root_page)
    page = recorded_page.page
    page.goto(live_server.url + "/alle-bloecke/")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Alle Blöcke"
    assert page.locator("a[href='tel:+4937317993305']").count() == 1
    assert recorded_page.external_requests == []
    assert page.locator("iframe").count() == 0
    button = page.get_by_role("button", name="Video „Demo-Video“ von Vimeo laden")
    assert button.is_visible()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    # The consent script of the Vimeo block runs on content pages, too.
    button.click()
    page.locator("iframe.vimeo__frame").wait_for(state="attached")
    hosts = {urlsplit(url).hostname for url in recorded_page.external_requests}
    assert hosts == {"player.vimeo.com"}


def test_demo_content_pages_pass_axe(live_server, demo, recorded_page):
    page = recorded_page.page
    for path in ("/wirtschaftsregion/", "/fachkraefte/"):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert recorded_page.external_requests == []
        assert page.locator("[data-vimeo-consent]").count() == 1
        assert page.locator("iframe").count() == 0
        violations = axe_violations(page)
        assert violations == [], f"{path}: {describe(violations)}"


def test_custom_axe_rules_report_the_findings(live_server, demo, recorded_page):
    """The rules Wagtail's checker gets (built-in axe evaluation, no own JS) fire."""
    from axe_playwright_python.sync_playwright import Axe

    from smgovernance.editor import GovernanceContentCheckerItem

    spec = GovernanceContentCheckerItem().get_axe_spec(None)
    page = recorded_page.page
    page.goto(live_server.url + "/fachkraefte/")
    page.evaluate(
        """ids => { const list = document.createElement('ul');
        for (const id of ids) { const li = document.createElement('li');
          li.dataset.smgCheck = id; li.textContent = id; list.append(li); }
        document.querySelector('main').append(list); }""",
        list(content_checks.CHECKS),
    )
    Axe().run(page)  # injects axe-core
    ours = [rule for rule in spec["rules"] if rule["id"].startswith("smg-")]
    checks = [check for check in spec["checks"] if check["id"].startswith("smg-")]
    results = page.evaluate(
        """async ([rules, checks, ids]) => { axe.configure({rules, checks});
        const r = await axe.run(document, {runOnly: {type: 'rule', values: ids}});
        return r.violations.map(v => [v.id, v.nodes.length]); }""",
        [json.loads(json.dumps(ours, default=str)), checks, [r["id"] for r in ours]],
    )
    assert sorted(results) == sorted(
        [check_id, 1] for check_id in content_checks.CHECKS
    )


def test_checks_panel_in_the_page_editor_reports_an_unknown_phone_number(
    live_server, demo, recorded_page, django_user_model, settings
):
    # Autosave writes the page row while the preview reads it; the shared
    # in-memory SQLite test database then reports "table is locked" (a 500).
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    django_user_model.objects.create_superuser(
        "redaktion", "r@example.org", "pw-123456"
    )
    page_id = ContentPage.objects.get(slug="fachkraefte").pk
    page = recorded_page.page
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "redaktion")
    page.fill("input[name=password]", "pw-123456")
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    page.goto(f"{live_server.url}/admin/pages/{page_id}/edit/")
    page.wait_for_load_state("networkidle")
    page.locator("[data-side-panel-toggle='preview']").first.click()
    page.wait_for_timeout(2000)
    page.locator(".Draftail-Editor [contenteditable=true]").first.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Telefon: 0151 12345678")
    page.locator("[data-side-panel-toggle='checks']").first.click()
    panel = page.locator("[data-side-panel='checks']")
    expect(panel).to_contain_text(
        "Telefonnummer nicht in den Kontaktdaten", timeout=30000
    )
    assert "Verwenden Sie einen Kontakt-Block" in panel.inner_text()
