"""The accessibility statement (O-21, O-22) and its feedback form (O-23)."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone, translation
from wagtail.models import Page
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from smgovernance.models import (
    AccessibilityStatementPage,
    ConformanceStatus,
    FeedbackKind,
    FeedbackSubmission,
    add_one_month,
)
from tests.factories import footer_links, soup


BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
URL = "/barrierefreiheit/"
BARRIER_ERROR = "mindestens eine bekannte Barriere"


def freeze(monkeypatch, moment: datetime.datetime) -> None:
    """Make timezone.now() (and so localdate()) return `moment`."""
    monkeypatch.setattr(timezone, "now", lambda: moment)


def statement_form(**overrides) -> dict:
    data = {
        "title": "Erklärung zur Barrierefreiheit",
        "slug": "barrierefreiheit-neu",
        "legal_basis": rich_text("<p>BfWebG, BITV 2.0, EN 301 549.</p>"),
        "scope": rich_text("<p>www.example.de mit /videos/&lt;slug&gt;/embed/</p>"),
        "conformance_status": ConformanceStatus.PARTIAL,
        "known_barriers": streamfield([]),
        "assessment_method": "self",
        "assessment_date": "2026-10-20",
        "stand": "2026-11-02",
        "feedback_contact": "",
        "feedback_email": "barrierefreiheit@example.de",
        "feedback_phone": "",
        "enforcement_name": "Durchsetzungsstelle",
        "enforcement_email": "Durchsetzungsstelle@sk.sachsen.de",
        "enforcement_url": "https://www.durchsetzungsstelle.sachsen.de",
        "enforcement_procedure": rich_text(
            "<p>Keine Antwort innerhalb eines Monats.</p>"
        ),
        "reported_to_monitoring_body_on": "",
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


BARRIER = {
    "item": "Videos ohne Audiodeskription",
    "reason": "Noch nicht produziert.",
    "alternative": rich_text("<p>Transkript auf der Videoseite.</p>"),
}


# --- Required-field rules through the admin forms ---------------------------------


def test_partial_status_without_barriers_is_refused_with_a_german_field_error(
    admin_client,
):
    parent = Page.objects.get(depth=2)
    url = f"/admin/pages/add/smgovernance/accessibilitystatementpage/{parent.pk}/"
    response = admin_client.post(url, statement_form())
    assert response.status_code == 200
    assert BARRIER_ERROR in response.context["form"].errors["known_barriers"][0]
    assert BARRIER_ERROR in response.content.decode()
    assert not AccessibilityStatementPage.objects.exists()


def test_not_compliant_status_also_needs_a_barrier(admin_client):
    parent = Page.objects.get(depth=2)
    url = f"/admin/pages/add/smgovernance/accessibilitystatementpage/{parent.pk}/"
    response = admin_client.post(url, statement_form(conformance_status="none"))
    assert "known_barriers" in response.context["form"].errors
    assert not AccessibilityStatementPage.objects.exists()


def test_statement_with_a_barrier_or_full_status_is_published(admin_client):
    parent = Page.objects.get(depth=2)
    url = f"/admin/pages/add/smgovernance/accessibilitystatementpage/{parent.pk}/"
    response = admin_client.post(
        url, statement_form(known_barriers=streamfield([("barrier", BARRIER)]))
    )
    assert response.status_code == 302, response.context["form"].errors
    page = AccessibilityStatementPage.objects.get()
    assert page.live and page.known_barriers[0].value["item"] == BARRIER["item"]
    page.delete()
    response = admin_client.post(url, statement_form(conformance_status="full"))
    assert response.status_code == 302
    assert AccessibilityStatementPage.objects.get().live


def test_feedback_contact_is_required(admin_client):
    parent = Page.objects.get(depth=2)
    url = f"/admin/pages/add/smgovernance/accessibilitystatementpage/{parent.pk}/"
    response = admin_client.post(
        url,
        statement_form(
            conformance_status="full", feedback_email="", feedback_contact=""
        ),
    )
    assert (
        "E-Mail-Adresse für Rückmeldungen"
        in (response.context["form"].errors["feedback_email"][0])
    )
    assert not AccessibilityStatementPage.objects.exists()


def test_removing_all_barriers_from_the_live_statement_keeps_the_old_version_live(
    admin_client, demo
):
    page = AccessibilityStatementPage.objects.get()
    live_revision = page.live_revision_id
    response = admin_client.post(
        f"/admin/pages/{page.pk}/edit/",
        statement_form(slug="barrierefreiheit", title="Neu ohne Barrieren"),
    )
    assert response.status_code == 200
    assert BARRIER_ERROR in response.content.decode()
    page.refresh_from_db()
    assert page.live_revision_id == live_revision
    assert page.title == "Erklärung zur Barrierefreiheit"
    assert len(page.known_barriers) == 3


def test_new_statement_is_prefilled_with_legal_basis_and_enforcement_body(db):
    with translation.override("de"):
        page = AccessibilityStatementPage()
    assert "Barrierefreie-Websites-Gesetz (BfWebG)" in page.legal_basis
    assert "BITV 2.0" in page.legal_basis
    assert "EN 301 549 V3.2.1" in page.legal_basis
    assert "/embed/" in page.scope
    assert page.enforcement_email == "Durchsetzungsstelle@sk.sachsen.de"
    assert page.enforcement_url == "https://www.durchsetzungsstelle.sachsen.de"
    assert (
        page.enforcement_name == "Durchsetzungsstelle bei der Sächsischen Staatskanzlei"
    )
    assert "nicht innerhalb eines Monats" in page.enforcement_procedure


# --- The public page ---------------------------------------------------------------


def test_statement_page_shows_status_barriers_contact_and_enforcement(client, demo):
    document = soup(client.get(URL))
    main = document.find("main")
    assert [h.get_text(strip=True) for h in main.find_all("h1")] == [
        "Erklärung zur Barrierefreiheit"
    ]
    text = main.get_text(" ", strip=True)
    assert "teilweise vereinbar" in text
    assert "Selbstbewertung vom 20. Oktober 2026" in text
    assert "November 2026" in text
    for law in ("BfWebG", "BITV 2.0", "EN 301 549 V3.2.1", "WCAG"):
        assert law in text
    assert "/embed/" in text
    barriers = main.find("ul", class_="smg-barriers").find_all("li", recursive=False)
    assert [li.h3.get_text(strip=True) for li in barriers] == [
        "Videos ohne Audiodeskription",
        "PDF-Fassung des Nutzungskonzepts Social Media (2018)",
        "Inhalte auf Plattformen Dritter (Facebook, X, Vimeo)",
    ]
    assert barriers[1].find("a", href="/nutzungskonzept/")
    mail_links = {a["href"] for a in main.find_all("a", href=True)}
    assert "mailto:regionalmanagement@landkreis-mittelsachsen.de" in mail_links
    assert "mailto:Durchsetzungsstelle@sk.sachsen.de" in mail_links
    assert "https://www.durchsetzungsstelle.sachsen.de" in mail_links


def test_footer_link_barrierefreiheit_on_every_page_resolves(client, demo):
    urls = [page.url for page in Page.objects.live().filter(depth__gte=2).specific()]
    assert URL in urls and "/netiquette/" in urls
    for url in urls:
        links = footer_links(soup(client.get(url)))
        assert links.get("Barrierefreiheit") == URL, url
    assert client.get(URL).status_code == 200


# --- The feedback form -------------------------------------------------------------


def test_submission_is_stored_with_answer_due_one_month_later(
    client, demo, monkeypatch
):
    freeze(monkeypatch, datetime.datetime(2026, 3, 10, 9, 30, tzinfo=BERLIN))
    response = client.post(
        URL,
        {
            "kind": FeedbackKind.BARRIER,
            "page_url": "/videos/",
            "message": "Der Player ist mit der Tastatur nicht bedienbar.",
            "name": "Erika Muster",
            "email": "erika@example.de",
            "website": "",
        },
    )
    document = soup(response)
    submission = FeedbackSubmission.objects.get()
    assert submission.received_on == datetime.datetime(
        2026, 3, 10, 9, 30, tzinfo=BERLIN
    )
    assert submission.answer_due == datetime.date(2026, 4, 10)
    assert submission.answered_on is None
    assert submission.page == AccessibilityStatementPage.objects.get()
    assert submission.email == "erika@example.de"
    confirmation = document.find(class_="smg-confirmation")
    assert "spätestens am 10. April 2026" in confirmation.get_text()
    # The e-mail alternative stays visible next to the confirmation.
    assert document.find(
        "a", href="mailto:regionalmanagement@landkreis-mittelsachsen.de"
    )
    assert document.find("form", class_="smg-form") is None


def test_submission_on_january_31_is_due_on_the_last_day_of_february(
    client, demo, monkeypatch
):
    freeze(monkeypatch, datetime.datetime(2027, 1, 31, 23, 50, tzinfo=BERLIN))
    response = client.post(
        URL, {"kind": FeedbackKind.ACCESSIBLE_CONTENT, "message": "Bitte als Text."}
    )
    assert FeedbackSubmission.objects.get().answer_due == datetime.date(2027, 2, 28)
    text = soup(response).find(class_="smg-confirmation").get_text()
    assert "28. Februar 2027" in text
    assert "keine E-Mail-Adresse angegeben" in text


@pytest.mark.parametrize(
    ("day", "due"),
    [
        (datetime.date(2028, 1, 31), datetime.date(2028, 2, 29)),
        (datetime.date(2027, 1, 31), datetime.date(2027, 2, 28)),
        (datetime.date(2026, 3, 31), datetime.date(2026, 4, 30)),
        (datetime.date(2026, 12, 15), datetime.date(2027, 1, 15)),
        (datetime.date(2026, 12, 31), datetime.date(2027, 1, 31)),
        (datetime.date(2026, 6, 1), datetime.date(2026, 7, 1)),
    ],
)
def test_add_one_month_is_calendar_based_and_clamped(day, due):
    assert add_one_month(day) == due


def test_invalid_submission_shows_errors_tied_to_their_fields(client, demo):
    response = client.post(URL, {"message": "", "email": "keine-adresse"})
    assert response.status_code == 200
    document = soup(response)
    assert document.title.get_text().startswith("Fehler:")
    summary = document.find(class_="smg-error-summary")
    assert summary["role"] == "alert"
    targets = [a["href"] for a in summary.find_all("a")]
    assert targets == ["#id_kind_0", "#id_message", "#id_email"]
    for target in targets:
        assert document.find(id=target[1:]) is not None

    message = document.find(id="id_message")
    assert message["aria-invalid"] == "true"
    described_by = message["aria-describedby"].split()
    assert "id_message_error" in described_by
    assert document.find(id="id_message_error").get_text(strip=True) == (
        "Bitte geben Sie Ihre Nachricht ein."
    )
    email = document.find(id="id_email")
    assert email["aria-invalid"] == "true"
    assert "id_email_error" in email["aria-describedby"].split()
    assert "name@beispiel.de" in document.find(id="id_email_error").get_text()

    fieldset = document.find("fieldset")
    assert fieldset.legend.get_text(strip=True) == "Was möchten Sie tun? (Pflichtfeld)"
    assert fieldset["aria-describedby"] == "id_kind_error"
    assert all(r["aria-invalid"] == "true" for r in fieldset.find_all("input"))
    # The valid optional field is not marked invalid.
    assert not document.find(id="id_name").has_attr("aria-invalid")
    # Every visible input has a label; the entered e-mail is kept.
    for field in document.find("form").find_all(["input", "textarea"]):
        if field.get("type") in ("hidden", "radio"):
            continue
        assert document.find("label", attrs={"for": field["id"]}), field
    assert email["value"] == "keine-adresse"
    assert not FeedbackSubmission.objects.exists()


def test_form_has_csrf_protection_and_no_captcha(demo):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(URL, {"kind": "barrier", "message": "Hallo"})
    assert response.status_code == 403
    assert not FeedbackSubmission.objects.exists()
    document = soup(strict.get(URL))
    form = document.find("form", class_="smg-form")
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert "captcha" not in str(form).lower()
    honeypot = form.find(class_="smg-hp")
    assert honeypot["aria-hidden"] == "true"
    assert honeypot.find("input")["tabindex"] == "-1"
    assert not honeypot.has_attr("style")


def test_honeypot_submission_is_answered_but_not_stored(client, demo):
    response = client.post(
        URL, {"kind": "barrier", "message": "Billig kaufen", "website": "spam.example"}
    )
    assert soup(response).find(class_="smg-confirmation")
    assert not FeedbackSubmission.objects.exists()


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_other_methods_are_not_allowed(client, demo, method):
    response = getattr(client, method)(URL)
    assert response.status_code == 405


def test_garbage_post_gives_errors_not_a_server_error(client, demo):
    response = client.post(URL, {"kind": "nonsense", "message": "x" * 6000})
    document = soup(response)
    assert {
        a["href"] for a in document.find(class_="smg-error-summary").find_all("a")
    } == {
        "#id_kind_0",
        "#id_message",
    }


# --- Admin listing and retention ---------------------------------------------------


def test_statement_page_query_count_is_bounded(
    client, demo, django_assert_max_num_queries
):
    client.get(URL)
    with django_assert_max_num_queries(20):
        assert client.get(URL).status_code == 200
