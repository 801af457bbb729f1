import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader

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


def print_concept(live_server, recorded_page) -> bytes:
    """The concept page printed to PDF by Chromium, as a citizen would print it."""
    page = recorded_page.page
    page.goto(live_server.url + "/nutzungskonzept/")
    page.wait_for_load_state("networkidle")
    pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=False)
    if os.environ.get("SMGOVERNANCE_KEEP_PDF"):  # to look at it: pdftoppm -png
        Path(os.environ["SMGOVERNANCE_KEEP_PDF"]).write_bytes(pdf)
    return pdf


def test_concept_prints_as_a_council_document(live_server, demo, recorded_page):
    reader = PdfReader(io.BytesIO(print_concept(live_server, recorded_page)))
    pages = [page.extract_text() or "" for page in reader.pages]
    assert len(pages) >= 2
    first = pages[0]
    # The title block: body, title, version, adopted on/by, Stand.
    for text in (
        "Landkreis Mittelsachsen",
        "Nutzungskonzept Social Media",
        "Fassung",
        "2.0",
        "Beschlossen am",
        "2. November 2026",
        "Beschlossen durch",
        "Stand",
    ):
        assert text in first, text
    # A table of contents and numbered sections.
    assert "Inhalt" in first
    assert "1. Präambel" in "\n".join(pages)
    assert "4. Kanäle" in "\n".join(pages)
    # Running header and page numbers on every page.
    for number, text in enumerate(pages, start=1):
        assert f"Seite {number} von {len(pages)}" in text, number
        assert "Nutzungskonzept Social Media" in text, number
    everything = "\n".join(pages)
    # External addresses are spelled out, e-mail addresses are not printed twice.
    assert (
        "(https://www.facebook.com/wirtschaft.in.mittelsachsen)"
        in everything.replace("\n", "")
    )
    assert "mailto:" not in everything
    # No half-empty pages: the preamble starts on the title page, and every page
    # between it and the last carries at least 60 % of the text of the fullest
    # (a page 60 % empty, as before, fails). The title page's large type holds
    # fewer characters, so it is not measured by count.
    assert "Internet und soziale Medien" in first
    lengths = [len("".join(text.split())) for text in pages]
    fullest = max(lengths[1:])
    for number, length in enumerate(lengths[1:-1], start=2):
        assert length >= 0.6 * fullest, (number, lengths)
