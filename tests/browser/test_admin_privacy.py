"""The admin of a public body contacts no third party, and its sidebar reads in full."""

from urllib.parse import urlsplit

import pytest
from wagtail.models import Page


pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "admin-test-password"  # a throwaway account of the test
# Labels of the expanded sidebar, with the text cut (ellipsis) when too long.
SIDEBAR_LABELS = """() => [...document.querySelectorAll(
        '.sidebar-main-menu .sidebar-menu-item__link .menuitem-label')]
    .filter(el => el.offsetParent !== null)
    .map(el => ({text: el.textContent.trim(), cut: el.scrollWidth > el.clientWidth}))"""


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "redaktion", "redaktion@example.org", PASSWORD
    )


def log_in(page, base_url: str, user) -> None:
    page.goto(base_url + "/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


def test_admin_requests_go_to_the_site_only(live_server, demo, editor, recorded_page):
    page = recorded_page.page
    log_in(page, live_server.url, editor)
    channel = Page.objects.get(url_path__endswith="/kanaele/facebook/")
    for path in (
        "/admin/",
        f"/admin/pages/{channel.pk}/edit/",
        "/admin/snippets/",
        "/admin/snippets/smgovernance/platform/",
        "/admin/users/",
    ):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
    origin = urlsplit(live_server.url)
    assert recorded_page.requests
    foreign = [
        url
        for url in recorded_page.requests
        if not url.startswith(("data:", "blob:"))
        and (urlsplit(url).scheme, urlsplit(url).netloc)
        != (origin.scheme, origin.netloc)
    ]
    assert foreign == []
    assert recorded_page.external_requests == []


def test_sidebar_labels_are_not_cut_at_1280_px(live_server, demo, editor, browser):
    context = browser.new_context(
        locale="de-DE", viewport={"width": 1280, "height": 900}
    )
    try:
        page = context.new_page()
        log_in(page, live_server.url, editor)
        labels = page.evaluate(SIDEBAR_LABELS)
        assert len(labels) >= 8
        assert [label["text"] for label in labels if label["cut"]] == []
    finally:
        context.close()
