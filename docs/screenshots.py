"""Screenshots for the editors' guide (docs/redaktionshandbuch.md).

Runs headless Chromium (Playwright, /usr/bin/chromium) against a running demo
server and writes PNGs (1280x800) into docs/img/. Public pages first, then the
admin with a demo login.

    python manage.py load_demo
    DEMO_ADMIN_PASSWORD=... python manage.py demo_admin
    python manage.py runserver 127.0.0.1:8123 --noreload &
    python docs/screenshots.py --base-url http://127.0.0.1:8123 --password ...
    python manage.py load_demo           # afterwards: drops autosaved drafts

Add a page by appending (file name, path) to PUBLIC or ADMIN below; admin paths
may use {page_id:<slug>} for the id of a page with that slug.
"""

import argparse
import io
import re
import sys
from pathlib import Path

from PIL import Image
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

VIDEO = "/videos/leben-und-arbeiten-in-mittelsachsen/"

# (file name without .png, path); "#vimeo" scrolls to the first Vimeo block.
PUBLIC: list[tuple[str, str]] = [
    ("startseite", "/"),
    ("inhaltsseite-wirtschaftsregion", "/wirtschaftsregion/"),
    ("inhaltsseite-fachkraefte", "/fachkraefte/"),
    ("block-vimeo", "/fachkraefte/#vimeo"),
    ("block-kanal-links", "/fachkraefte/#kanal-links"),
    ("kanaluebersicht", "/kanaele/"),
    ("kanalseite-facebook", "/kanaele/facebook/"),
    ("kanalseite-twitter-ruhend", "/kanaele/twitter/"),
    ("impressum", "/impressum/"),
    ("kontakt", "/kontakt/"),
    ("datenschutz", "/datenschutz/"),
    ("videouebersicht", "/videos/"),
    ("videoseite", VIDEO),
    ("video-einbettung", VIDEO + "embed/"),
    ("barrierefreiheit", "/barrierefreiheit/"),
    ("netiquette", "/netiquette/"),
    ("nutzungskonzept", "/nutzungskonzept/"),
]
ADMIN: list[tuple[str, str]] = [
    ("admin-dashboard", "/admin/"),
    ("admin-inhaltsseite-bearbeiten", "/admin/pages/{page_id:wirtschaftsregion}/edit/"),
    (
        "admin-block-auswahl",
        "/admin/pages/{page_id:wirtschaftsregion}/edit/#blockauswahl",
    ),
    ("admin-pruefungen", "/admin/pages/{page_id:fachkraefte}/edit/#pruefungen"),
    ("admin-kanal-schranke", "/admin/pages/{page_id:kanaele/twitter}/edit/#schranke"),
    ("admin-compliance-bericht", "/admin/smgovernance/compliance/"),
    ("admin-plattformen", "/admin/snippets/smgovernance/platform/"),
    ("admin-kontaktstellen", "/admin/snippets/smgovernance/contactpoint/"),
    ("admin-evaluationen", "/admin/smgovernance/evaluationrecord/"),
]


def page_id(page, base_url: str, slug: str) -> str:
    """The admin id of a page, read from the edit link of the userbar on its public page."""
    page.goto(f"{base_url}/{slug}/")
    href = page.locator("a[href*='/admin/pages/'][href$='/edit/']").first.get_attribute(
        "href"
    )
    return re.search(r"/admin/pages/(\d+)/edit/", href or "").group(1)


def shoot(page, name: str) -> None:
    """Write the viewport as a palette PNG (a fraction of the size, still sharp text)."""
    OUT.mkdir(exist_ok=True)
    picture = Image.open(io.BytesIO(page.screenshot()))
    picture.convert("RGB").quantize(colors=128).save(OUT / f"{name}.png", optimize=True)
    sys.stdout.write(f"wrote {OUT / name}.png\n")


def scroll_to(page, anchor: str) -> None:
    """Bring a block into view: the first Vimeo block or the channel links."""
    selector = {
        "vimeo": "[data-vimeo-consent]",
        "kanal-links": ".smg-channels",
    }[anchor]
    page.locator(selector).first.evaluate("element => element.scrollIntoView()")
    page.mouse.wheel(0, -80)
    page.wait_for_timeout(300)


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
            path, _hash, anchor = path.partition("#")
            response = page.goto(base + path)
            if response is None or response.status != 200:
                sys.stdout.write(f"skipped {path}\n")
                continue
            if anchor:
                scroll_to(page, anchor)
            shoot(page, name)

        page.goto(base + "/admin/login/")
        page.fill("input[name=username]", args.user)
        page.fill("input[name=password]", args.password)
        page.click("button[type=submit]")
        page.wait_for_load_state("networkidle")
        for name, path in ADMIN:
            for slug in re.findall(r"\{page_id:([\w/-]+)\}", path):
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
            elif action == "schranke":
                # try to activate a channel with gate fields missing: save as draft
                # is refused with the errors at the fields; nothing is stored
                page.get_by_role("tab", name="Stufe und Datenschutz").click()
                page.select_option("#id_stage", "active")
                page.fill("#id_imprint_verified_on", "")
                page.fill("#id_processing_record_ref", "")
                page.locator("button.action-save").first.click()
                page.wait_for_load_state("networkidle")
                page.get_by_role("tab", name="Stufe und Datenschutz").click()
                page.locator(".error-message").first.scroll_into_view_if_needed()
                page.wait_for_timeout(500)
            shoot(page, name)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
