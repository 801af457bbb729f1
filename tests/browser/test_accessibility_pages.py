"""Accessibility statement, its feedback form and the netiquette in a real browser."""

import pytest

from smgovernance.models import FeedbackSubmission
from tests.browser.conftest import axe_violations, describe


pytestmark = pytest.mark.django_db(transaction=True)


def test_statement_page_passes_axe_and_stays_on_loopback(
    live_server, demo, recorded_page
):
    page = recorded_page.page
    page.goto(live_server.url + "/barrierefreiheit/")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Erklärung zur Barrierefreiheit"
    assert recorded_page.external_requests == []
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_empty_form_shows_an_accessible_error_state_with_focus_on_the_summary(
    live_server, demo, recorded_page
):
    page = recorded_page.page
    page.goto(live_server.url + "/barrierefreiheit/")
    page.get_by_role("button", name="Feedback senden").click()
    page.wait_for_load_state("networkidle")
    summary = page.locator(".smg-error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.className") == "smg-error-summary"
    assert page.title().startswith("Fehler:")
    assert (
        page.get_by_label("Ihre Nachricht (Pflichtfeld)").get_attribute("aria-invalid")
        == "true"
    )
    # The summary's link takes the keyboard user to the field.
    summary.get_by_role("link", name="Ihre Nachricht (Pflichtfeld)").click()
    assert page.evaluate("document.activeElement.id") == "id_message"
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    assert not FeedbackSubmission.objects.exists()


def test_form_can_be_sent_with_the_keyboard_and_confirms_the_due_date(
    live_server, demo, recorded_page
):
    page = recorded_page.page
    page.goto(live_server.url + "/barrierefreiheit/")
    page.get_by_label("Einen Inhalt in barrierefreier Form anfragen").check()
    page.get_by_label("Ihre Nachricht (Pflichtfeld)").fill(
        "Bitte das Konzept als barrierefreies Dokument."
    )
    page.get_by_label("Ihre E-Mail-Adresse (freiwillig)").fill("erika@example.de")
    page.get_by_label("Ihre E-Mail-Adresse (freiwillig)").press("Enter")
    page.wait_for_load_state("networkidle")
    confirmation = page.locator(".smg-confirmation")
    assert "spätestens am" in confirmation.inner_text()
    assert page.evaluate("document.activeElement.className") == "smg-confirmation"
    submission = FeedbackSubmission.objects.get()
    assert submission.email == "erika@example.de"
    assert page.get_by_role(
        "link", name="regionalmanagement@landkreis-mittelsachsen.de"
    ).is_visible()
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_honeypot_is_invisible_and_skipped_by_the_keyboard(
    live_server, demo, recorded_page
):
    page = recorded_page.page
    page.goto(live_server.url + "/barrierefreiheit/")
    assert not page.locator("#id_website").is_visible() or (
        page.locator("#id_website").bounding_box()["x"] < 0
    )
    page.locator("#id_email").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") != "id_website"
    assert page.evaluate("document.activeElement.type") == "submit"


def test_netiquette_page_passes_axe(live_server, demo, recorded_page):
    page = recorded_page.page
    page.goto(live_server.url + "/netiquette/")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Netiquette"
    assert recorded_page.external_requests == []
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_focus_lands_on_the_error_summary_even_without_javascript(
    live_server, demo, browser
):
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server.url + "/barrierefreiheit/")
        page.get_by_role("button", name="Feedback senden").click()
        page.wait_for_load_state("networkidle")
        assert page.url.endswith("/barrierefreiheit/#feedback-result")
        assert page.evaluate("document.activeElement.id") == "feedback-result"
    finally:
        context.close()
