"""Two-click Vimeo in a real browser: nothing leaves loopback before the click.

Runs under the production CSP (no inline script, frame-src player.vimeo.com only).
"""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import axe_violations, describe


pytestmark = pytest.mark.django_db(transaction=True)

SLUG = "fachkraefte-fuer-die-region"
VIDEO = f"/videos/{SLUG}/"
TITLE = "Fachkräfte für die Region"
BUTTON = f"Video „{TITLE}“ von Vimeo laden"


def vimeo_requests(recorded) -> list[str]:
    return [
        u
        for u in recorded.external_requests
        if urlsplit(u).hostname == "player.vimeo.com"
    ]


def tab_to_button(page, name: str) -> None:
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate(
            "document.activeElement.tagName === 'BUTTON' && "
            "document.activeElement.textContent.trim() === "
            + repr(name).replace("'", '"')
        ):
            return
    raise AssertionError(f"button {name!r} not reachable by Tab")


@pytest.mark.parametrize(
    "path", ["/videos/", VIDEO, VIDEO + "embed/", "/einwilligungen/"]
)
def test_pages_make_no_request_beyond_loopback_before_the_click(
    live_server, demo, recorded_page, path
):
    page = recorded_page.page
    response = page.goto(live_server.url + path)
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    assert recorded_page.external_requests == []
    assert page.locator("iframe").count() == 0


def test_keyboard_click_loads_the_player_with_dnt_and_focuses_it(
    live_server, demo, recorded_page
):
    page = recorded_page.page
    page.goto(live_server.url + VIDEO)
    page.wait_for_load_state("networkidle")
    violations = axe_violations(page)
    assert violations == [], describe(violations)

    tab_to_button(page, BUTTON)
    page.keyboard.press("Enter")
    frame = page.locator("iframe.vimeo__frame")
    frame.wait_for(state="attached")
    page.wait_for_timeout(300)

    requests = vimeo_requests(recorded_page)
    assert requests, recorded_page.external_requests
    query = parse_qs(urlsplit(requests[0]).query)
    assert urlsplit(requests[0]).path == "/video/76979871"
    assert query["dnt"] == ["1"] and query["h"] == ["8272103f6e"]
    assert query["autoplay"] == ["1"]
    assert {urlsplit(u).hostname for u in recorded_page.external_requests} == {
        "player.vimeo.com"
    }
    assert frame.get_attribute("title") == TITLE
    assert frame.get_attribute("allow") == "fullscreen; picture-in-picture"
    assert frame.get_attribute("referrerpolicy") == "strict-origin-when-cross-origin"
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"
    status = page.locator("[role=status]").first
    assert status.inner_text() == f"Das Video „{TITLE}“ wurde von Vimeo geladen."
    # The transcript stays; the placeholder button is gone.
    assert page.get_by_role("button", name=BUTTON).count() == 0
    assert "Zerspanungsmechaniker" in page.locator("main").inner_text()
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_watch_on_vimeo_is_a_plain_link_without_javascript(browser, live_server, demo):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    external: list[str] = []

    def route(route):
        if urlsplit(route.request.url).hostname in ("localhost", "127.0.0.1"):
            route.continue_()
        else:
            external.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.goto(live_server.url + VIDEO)
    link = page.get_by_role("link", name="Auf vimeo.com ansehen")
    assert link.get_attribute("href") == "https://vimeo.com/76979871/8272103f6e"
    page.get_by_role("button", name=BUTTON).click()
    page.wait_for_timeout(200)
    assert external == []
    assert page.locator("iframe").count() == 0
    context.close()


def test_remembered_consent_loads_without_click_and_can_be_revoked(
    live_server, demo, recorded_page
):
    page = recorded_page.page
    page.goto(live_server.url + VIDEO)
    page.wait_for_load_state("networkidle")
    # Clicking without ticking the box stores nothing.
    page.get_by_role("button", name=BUTTON).click()
    assert page.evaluate("window.localStorage.length") == 0

    page.goto(live_server.url + "/videos/leben-und-arbeiten-in-mittelsachsen/")
    page.wait_for_load_state("networkidle")
    assert page.locator("iframe").count() == 0
    page.get_by_label("Vimeo-Videos immer laden").check()
    page.get_by_role(
        "button", name="Video „Leben und Arbeiten in Mittelsachsen“ von Vimeo laden"
    ).click()
    stored = page.evaluate("Object.entries(window.localStorage)")
    assert stored == [["smgovernance-vimeo-consent", "always"]]

    recorded_page.external_requests.clear()
    page.goto(live_server.url + VIDEO)
    page.locator("iframe.vimeo__frame").wait_for(state="attached")
    requests = vimeo_requests(recorded_page)
    assert requests and "dnt=1" in requests[0] and "autoplay" not in requests[0]

    page.get_by_role("link", name="Einwilligungen verwalten").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text(
        "Derzeit gespeichert: Vimeo-Videos immer laden."
    ).is_visible()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    revoke = page.get_by_role("button", name="Einwilligung für Vimeo-Videos widerrufen")
    revoke.focus()
    page.keyboard.press("Enter")
    assert page.locator("[role=status]").inner_text() == (
        "Ihre Einwilligung für Vimeo-Videos wurde widerrufen."
    )
    assert page.evaluate("window.localStorage.length") == 0
    assert not revoke.is_visible()

    recorded_page.external_requests.clear()
    page.goto(live_server.url + VIDEO)
    page.wait_for_load_state("networkidle")
    assert page.locator("iframe").count() == 0
    assert recorded_page.external_requests == []


class FramingServer:
    """A second loopback origin whose page frames a URL of the live server."""

    def __init__(self) -> None:
        self.target = ""
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = (
                    '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
                    "<title>Wirtschaftsportal</title></head><body><h1>Portal</h1>"
                    f'<iframe src="{server.target}" title="Video" width="800" '
                    'height="700"></iframe></body></html>'
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def framing_server() -> Iterator[FramingServer]:
    server = FramingServer()
    yield server
    server.stop()


def framed_button_count(page) -> int:
    """How many load buttons the framed document shows (0 when the browser refused it)."""
    page.wait_for_timeout(500)
    count = 0
    for frame in page.frames[1:]:
        try:
            count += frame.locator("button[data-vimeo-load]").count()
        except Exception:  # noqa: S112 - an error page cannot be queried
            continue
    return count


REFUSED = "chrome-error://chromewebdata/"


def child_frame_urls(page) -> list[str]:
    """Chromium replaces a frame it refuses to show with its error page."""
    return [frame.url for frame in page.frames[1:]]


def test_embed_view_framed_by_an_allowed_origin_shows_the_button(
    live_server, demo, recorded_page, framing_server, settings
):
    assert (
        urlsplit(live_server.url).hostname == "localhost"
    )  # another origin than 127.0.0.1
    settings.SMGOVERNANCE_EMBED_ORIGINS = [framing_server.origin]
    framing_server.target = live_server.url + VIDEO + "embed/"
    page = recorded_page.page
    page.goto(framing_server.origin + "/")
    page.wait_for_load_state("networkidle")
    frame = page.frame_locator("iframe")
    button = frame.get_by_role("button", name=BUTTON)
    button.wait_for()
    assert framed_button_count(page) == 1
    assert child_frame_urls(page) == [framing_server.target]
    assert recorded_page.external_requests == []
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    # Consent happens inside our frame: only then does Vimeo load.
    button.click()
    frame.locator("iframe.vimeo__frame").wait_for(state="attached")
    page.wait_for_timeout(300)
    assert vimeo_requests(recorded_page)
    assert all("dnt=1" in url for url in vimeo_requests(recorded_page))


def test_embed_view_framed_by_another_origin_is_refused(
    live_server, demo, recorded_page, framing_server, settings
):
    settings.SMGOVERNANCE_EMBED_ORIGINS = ["http://127.0.0.1:1"]
    framing_server.target = live_server.url + VIDEO + "embed/"
    page = recorded_page.page
    page.goto(framing_server.origin + "/")
    page.wait_for_load_state("networkidle")
    assert framed_button_count(page) == 0
    assert child_frame_urls(page) == [REFUSED]


def load_framed_twice(page, framing_server, target: str) -> dict[str, str]:
    """Frame `target` twice; the second answer comes from the page cache."""
    framing_server.target = target
    page.goto(framing_server.origin + "/")
    page.wait_for_load_state("networkidle")
    with page.expect_response(lambda response: response.url == target) as second:
        page.reload()
    page.wait_for_load_state("networkidle")
    return second.value.all_headers()


def test_cached_responses_keep_their_framing_policy(
    live_server, demo, recorded_page, framing_server, settings
):
    settings.SMGOVERNANCE_EMBED_ORIGINS = [framing_server.origin]
    page = recorded_page.page
    headers = load_framed_twice(
        page, framing_server, live_server.url + VIDEO + "embed/"
    )
    assert headers["x-cache"] == "HIT"
    assert (
        f"frame-ancestors 'self' {framing_server.origin}"
        in (headers["content-security-policy"])
    )
    assert framed_button_count(page) == 1
    headers = load_framed_twice(page, framing_server, live_server.url + VIDEO)
    assert headers["x-cache"] == "HIT"
    assert "frame-ancestors 'self';" in headers["content-security-policy"] + ";"
    assert child_frame_urls(page) == [REFUSED]
    assert recorded_page.external_requests == []


@pytest.mark.parametrize("path", [VIDEO, "/videos/", "/"])
def test_other_pages_framed_by_the_allowed_origin_are_refused(
    live_server, demo, recorded_page, framing_server, settings, path
):
    settings.SMGOVERNANCE_EMBED_ORIGINS = [framing_server.origin]
    framing_server.target = live_server.url + path
    page = recorded_page.page
    page.goto(framing_server.origin + "/")
    page.wait_for_load_state("networkidle")
    assert framed_button_count(page) == 0
    assert child_frame_urls(page) == [REFUSED]


def test_video_index_passes_axe(live_server, demo, recorded_page):
    page = recorded_page.page
    page.goto(live_server.url + "/videos/?kategorie=fachkraefte")
    page.wait_for_load_state("networkidle")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    assert recorded_page.external_requests == []


def test_embed_view_passes_axe(live_server, demo, recorded_page):
    page = recorded_page.page
    page.goto(live_server.url + VIDEO + "embed/")
    page.wait_for_load_state("networkidle")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
