import pytest

from tests.browser.conftest import axe_violations, describe


pytestmark = pytest.mark.django_db(transaction=True)


def test_concept_page_passes_axe_and_stays_on_loopback(
    live_server, demo, recorded_page
):
    page = recorded_page.page
    page.goto(live_server.url + "/nutzungskonzept/")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Nutzungskonzept Social Media"
    assert recorded_page.external_requests == []
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_concept_page_prints_without_site_chrome(live_server, demo, recorded_page):
    page = recorded_page.page
    page.goto(live_server.url + "/nutzungskonzept/")
    page.emulate_media(media="print")
    assert page.locator("footer").is_hidden()
    assert page.locator("h1").is_visible()
