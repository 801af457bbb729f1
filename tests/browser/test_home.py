import pytest

from tests.browser.conftest import axe_violations, describe


pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_stays_on_loopback_and_passes_axe(live_server, demo, recorded_page):
    page = recorded_page.page
    page.goto(live_server.url + "/")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Wirtschaftsregion Mittelsachsen"
    assert recorded_page.external_requests == []
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(
    live_server, demo, recorded_page
):
    page = recorded_page.page
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"
