"""Screenshots for the editors' guide (docs/redaktionshandbuch.md).

Runs headless Chromium (Playwright, /usr/bin/chromium) against a running demo
server and writes PNGs (1280x800) into docs/img/. Public pages first, then the
admin with a demo login.

    python manage.py load_demo
    python manage.py demo_admin          # or any superuser; see --user/--password
    python manage.py runserver 8000 &
    python docs/screenshots.py --base-url http://127.0.0.1:8000

Add a page by appending (file name, path) to PUBLIC or ADMIN below; admin paths
may use {page_id:<slug>} for the id of a page with that slug.
"""

import argparse
import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright


ROOT = Path(__file__).resolve().parent
OUT = ROOT / "img"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 800}

# (file name without .png, path). The integrator adds the pages of other features here.
PUBLIC: list[tuple[str, str]] = [
    ("inhaltsseite-wirtschaftsregion", "/wirtschaftsregion/"),
    ("inhaltsseite-fachkraefte", "/fachkraefte/"),
    ("kanaluebersicht", "/kanaele/"),
]
ADMIN: list[tuple[str, str]] = [
    ("admin-inhaltsseite-bearbeiten", "/admin/pages/{page_id:wirtschaftsregion}/edit/"),
    (
        "admin-block-auswahl",
        "/admin/pages/{page_id:wirtschaftsregion}/edit/#blockauswahl",
    ),
    ("admin-pruefungen", "/admin/pages/{page_id:fachkraefte}/edit/#pruefungen"),
]


def page_id(page, base_url: str, slug: str) -> str:
    """The admin id of a page, read from the edit link of the userbar on its public page."""
    page.goto(f"{base_url}/{slug}/")
    href = page.locator("a[href*='/admin/pages/'][href$='/edit/']").first.get_attribute(
        "href"
    )
    return re.search(r"/admin/pages/(\d+)/edit/", href or "").group(1)


def shoot(page, name: str) -> None:
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / f"{name}.png"))
    sys.stdout.write(f"wrote {OUT / name}.png\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", default="admin")
    args = parser.parse_args()
    base = args.base_url.rstrip("/")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
        page = context.new_page()
        for name, path in PUBLIC:
            response = page.goto(base + path)
            if response is None or response.status != 200:
                sys.stdout.write(f"skipped {path}\n")
                continue
            shoot(page, name)

        page.goto(base + "/admin/login/")
        page.fill("input[name=username]", args.user)
        page.fill("input[name=password]", args.password)
        page.click("button[type=submit]")
        page.wait_for_load_state("networkidle")
        for name, path in ADMIN:
            for slug in re.findall(r"\{page_id:([\w-]+)\}", path):
                pid = page_id(page, base, slug)
                path = path.replace(f"{{page_id:{slug}}}", pid)
            page.goto(base + path.split("#")[0])
            page.wait_for_load_state("networkidle")
            action = path.partition("#")[2]
            if action == "blockauswahl":
                # open the block picker at the end of the body
                page.locator("button.c-sf-add-button").first.click()
                page.wait_for_timeout(800)
            elif action == "pruefungen":
                # type an unknown phone number (not saved) and open the checks panel;
                # the preview panel must be open once so the preview follows the form
                page.locator("[data-side-panel-toggle='preview']").first.click()
                page.wait_for_timeout(3000)
                editor = page.locator(".Draftail-Editor [contenteditable=true]").first
                editor.click()
                page.keyboard.press("Control+End")
                page.keyboard.type(" Telefon: 0151 12345678")
                page.wait_for_timeout(6000)
                page.locator("[data-side-panel-toggle='checks']").first.click()
                page.wait_for_timeout(6000)
            shoot(page, name)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
