import pytest

from tests.browser.conftest import axe_violations, describe
from tests.factories import add_channel


pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("url", ["/impressum/", "/kontakt/", "/datenschutz/"])
def test_legal_pages_stay_on_loopback_and_pass_axe(
    live_server, demo, recorded_page, url
):
    add_channel("browser-aktiv", "active")
    add_channel("browser-ruhend", "dormant", platform="x")
    page = recorded_page.page
    page.goto(live_server.url + url)
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").count() == 1
    assert recorded_page.external_requests == []
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_channel_deep_link_lands_on_the_channel_entry(live_server, demo, recorded_page):
    add_channel("browser-aktiv", "active")
    page = recorded_page.page
    page.goto(live_server.url + "/impressum/#kanal-browser-aktiv")
    entry = page.locator("#kanal-browser-aktiv")
    assert entry.is_visible()
    assert entry.locator("h3").inner_text() == "Facebook: Kanal browser-aktiv"
    # The copy-ready field is labelled and readable by keyboard users.
    field = page.get_by_label(
        "Text für das Impressumsfeld von „Facebook: Kanal browser-aktiv“"
    )
    assert "Landkreis Mittelsachsen" in field.input_value()
    field.focus()
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"


def test_copy_button_selects_the_text_and_reports_it(live_server, demo, recorded_page):
    add_channel("browser-aktiv", "active")
    page = recorded_page.page
    page.goto(live_server.url + "/impressum/")
    # The demo has channels of its own: each entry has its own copy buttons.
    button = page.locator("#kanal-browser-aktiv").get_by_role(
        "button", name="Text kopieren"
    )
    assert button.is_visible()
    button.click()
    status = page.locator("#kanal-browser-aktiv-text-status")
    status.wait_for(state="attached")
    page.wait_for_function(
        "document.getElementById('kanal-browser-aktiv-text-status').textContent !== ''"
    )
    assert status.inner_text() in (
        "In die Zwischenablage kopiert.",
        "Markiert: mit Strg+C kopieren.",
    )
    selected = page.evaluate(
        "(() => { const f = document.activeElement; return f.value.substring(f.selectionStart, f.selectionEnd); })()"
    )
    assert "Landkreis Mittelsachsen" in selected
