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


def test_vimeo_block_in_the_body_waits_for_the_click_and_passes_axe(
    live_server, demo, recorded_page
):
    from smgovernance.models import ChannelProfilePage

    channel = ChannelProfilePage.objects.get(slug="vimeo")
    channel.body = [
        (
            "vimeo",
            {
                "video": "https://vimeo.com/76979871",
                "title": "Mittelsachsen als Arbeits- und Lebensort",
                "transcript": "<p>Gesprochener Text.</p>",
                "captions_available": False,
                "caption_language": "de",
                "start_time": "",
            },
        )
    ]
    channel.save_revision().publish()
    page = recorded_page.page
    page.goto(live_server.url + "/kanaele/vimeo/")
    page.wait_for_load_state("networkidle")
    assert recorded_page.external_requests == []
    assert page.locator("iframe").count() == 0
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    page.get_by_role(
        "button",
        name="Video „Mittelsachsen als Arbeits- und Lebensort“ von Vimeo laden",
    ).click()
    page.locator("iframe.vimeo__frame").wait_for(state="attached")
    page.wait_for_timeout(300)
    hosts = {u.split("/")[2] for u in recorded_page.external_requests}
    assert hosts == {"player.vimeo.com"}
