"""Playwright driving Debian's Chromium. Never downloads a browser."""

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium (make test does)."
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class RecordedPage:
    """A browser page that records every request and blocks those leaving loopback."""

    def __init__(self, page) -> None:
        self.page = page
        self.requests: list[str] = []
        self.external_requests: list[str] = []
        page.route("**/*", self._route)

    def _route(self, route) -> None:
        url = route.request.url
        self.requests.append(url)
        host = urlsplit(url).hostname or ""
        if url.startswith(("data:", "blob:", "about:")) or host in LOOPBACK_HOSTS:
            route.continue_()
        else:
            self.external_requests.append(url)
            route.abort()


@pytest.fixture
def recorded_page(browser) -> Iterator[RecordedPage]:
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    yield RecordedPage(page)
    context.close()


def axe_violations(page) -> list[dict]:
    """Run axe-core with the WCAG 2.1 AA tags; return the violations."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}}
    )
    return results.response["violations"]


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['id']}: {v['help']} -> {[n['target'] for n in v['nodes']]}"
        for v in violations
    )
