import pytest

from tests.browser.conftest import axe_violations, describe


pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(
    "path", ["/kanaele/", "/kanaele/facebook/", "/kanaele/twitter/", "/kanaele/vimeo/"]
)
def test_channel_pages_stay_on_loopback_and_pass_axe(
    live_server, demo, recorded_page, path
):
    page = recorded_page.page
    page.goto(live_server.url + path)
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").count() == 1
    assert recorded_page.external_requests == []
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_platform_link_is_a_plain_link_that_works_by_keyboard(
    live_server, demo, recorded_page
):
    page = recorded_page.page
    page.goto(live_server.url + "/kanaele/vimeo/")
    link = page.locator('a[rel="me noopener"]')
    assert link.get_attribute("href") == "https://vimeo.com/user16758230"
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    # The click is the first (and only) request to the platform.
    assert recorded_page.external_requests[:1] == ["https://vimeo.com/user16758230"]
