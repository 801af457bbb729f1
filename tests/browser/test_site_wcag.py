"""WCAG 2.2 AA on every public page of the demo, at 1280 and 320 px.

The demo is loaded once for this module and served by its own live server, so
the page × width matrix stays fast. Per page and width: 0 axe violations
(WCAG 2.2 AA tags), no sideways scrolling at 320 px (also with the WCAG 1.4.12
text-spacing override), 0 console errors, a meta description.
"""

import io
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import override_settings

from tests.browser.conftest import CHROMIUM, LOOPBACK_HOSTS, describe


WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIDEO = "/videos/fachkraefte-fuer-die-region/"

# Every public page of the demo, the frameable video view, the consent page and
# a search result.
PAGES = [
    "/",
    "/kanaele/",
    "/kanaele/facebook/",
    "/kanaele/twitter/",
    "/kanaele/vimeo/",
    "/impressum/",
    "/kontakt/",
    "/datenschutz/",
    "/barrierefreiheit/",
    "/netiquette/",
    "/nutzungskonzept/",
    "/fachkraefte/",
    "/wirtschaftsregion/",
    "/videos/",
    "/videos/leben-und-arbeiten-in-mittelsachsen/",
    VIDEO,
    VIDEO + "embed/",
    "/einwilligungen/",
    "/suche/?q=Facebook",
]
WIDTHS = [1280, 320]

# WCAG 1.4.12: the user's override of line, paragraph, letter and word spacing.
TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
    " word-spacing: 0.16em !important; }"
    " p { margin-bottom: 2em !important; }"
)
# A constructed stylesheet, like a user style: the site's CSP (style-src 'self')
# stays in force.
INJECT_STYLESHEET = """css => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""
OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
        .filter(el => el.getBoundingClientRect().right > width + 1)
        .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
    return {scroll: document.documentElement.scrollWidth, client: width, wide: wide.slice(-5)};
}"""
# What the player iframe would show: served locally, nothing leaves the machine.
PLAYER_STUB = (
    '<!DOCTYPE html><html lang="de"><head><title>Player</title></head>'
    "<body><p>Player</p></body></html>"
)


# Each test runs in a transaction that is rolled back; the demo below it is
# committed once per module.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_url(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[str]:
    """The demo, loaded once, behind a live server of its own.

    Afterwards the database is put back as the migrations left it (like Django's
    serialized rollback), so the tests after this module see no demo data.
    """
    from pytest_django.live_server_helper import LiveServer

    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    media.enable()
    with django_db_blocker.unblock():
        before = connection.creation.serialize_db_to_string()
        call_command("load_demo", stdout=io.StringIO())
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
        try:
            yield server.url
        finally:
            server._live_server_modified_settings.disable()
            server.stop()
            call_command(
                "flush", interactive=False, verbosity=0, inhibit_post_migrate=True
            )
            connection.creation.deserialize_db_from_string(before)
            media.disable()


@pytest.fixture
def media_root() -> None:
    """Overrides the suite's per-test media root: the module's demo keeps its own."""


@pytest.fixture(scope="module")
def chromium() -> Iterator:
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} is missing: install Debian's chromium (make test does)."
        )
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class Tab:
    """A page at one width that records console errors and off-machine requests."""

    def __init__(self, browser, width: int) -> None:
        self.context = browser.new_context(
            locale="de-DE", viewport={"width": width, "height": 900}
        )
        self.page = self.context.new_page()
        self.console_errors: list[str] = []
        self.external: list[str] = []
        self.page.on(
            "console",
            lambda message: (
                self.console_errors.append(message.text)
                if message.type == "error"
                else None
            ),
        )
        self.page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        self.page.route("**/*", self._route)

    def _route(self, route) -> None:
        url = route.request.url
        host = urlsplit(url).hostname or ""
        if url.startswith(("data:", "blob:", "about:")) or host in LOOPBACK_HOSTS:
            route.continue_()
        elif host == "player.vimeo.com":
            self.external.append(url)
            route.fulfill(status=200, content_type="text/html", body=PLAYER_STUB)
        else:
            self.external.append(url)
            route.abort()

    def open(self, url: str) -> None:
        response = self.page.goto(url)
        assert response is not None and response.status == 200, url
        self.page.wait_for_load_state("networkidle")

    def axe(self) -> list[dict]:
        from axe_playwright_python.sync_playwright import Axe

        results = Axe().run(
            self.page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}}
        )
        return results.response["violations"]

    def overflow(self) -> dict:
        return self.page.evaluate(OVERFLOW)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab_factory(chromium) -> Iterator:
    tabs: list[Tab] = []

    def make(width: int) -> Tab:
        tab = Tab(chromium, width)
        tabs.append(tab)
        return tab

    yield make
    for tab in tabs:
        tab.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_page_meets_wcag_22_aa_and_reflows(demo_url, tab_factory, path, width):
    tab = tab_factory(width)
    tab.open(demo_url + path)

    violations = tab.axe()
    assert violations == [], describe(violations)
    assert tab.console_errors == []
    assert tab.external == []
    description = tab.page.locator("meta[name=description]")
    assert description.count() == 1
    assert len(description.get_attribute("content").strip()) >= 20

    if width == 320:
        layout = tab.overflow()
        assert layout["scroll"] <= layout["client"], layout
        tab.page.evaluate(INJECT_STYLESHEET, TEXT_SPACING)
        layout = tab.overflow()
        assert layout["scroll"] <= layout["client"], f"text spacing: {layout}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", [VIDEO, VIDEO + "embed/"])
def test_after_the_consent_click_the_player_has_a_visible_focus_ring(
    demo_url, tab_factory, path, width
):
    tab = tab_factory(width)
    tab.open(demo_url + path)
    button = tab.page.locator("button[data-vimeo-load]").first
    button.focus()
    tab.page.keyboard.press("Enter")
    frame = tab.page.locator("iframe.vimeo__frame")
    frame.wait_for(state="attached")
    tab.page.wait_for_load_state("networkidle")

    assert tab.page.evaluate("document.activeElement.tagName") == "IFRAME"
    ring = frame.evaluate(
        """el => {
            const style = getComputedStyle(el);
            return {style: style.outlineStyle, width: parseFloat(style.outlineWidth),
                    color: style.outlineColor};
        }"""
    )
    assert ring["style"] not in ("none", "hidden"), ring
    assert ring["width"] >= 2, ring
    assert [urlsplit(u).hostname for u in tab.external] == ["player.vimeo.com"]
    violations = tab.axe()
    assert violations == [], describe(violations)
    if width == 320:
        layout = tab.overflow()
        assert layout["scroll"] <= layout["client"], layout
