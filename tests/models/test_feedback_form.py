"""The feedback form under load and failure (issue 13, item 7): redirect after POST,
rate limit, no duplicates, nothing lost when storing fails, the contact is told."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.db import DatabaseError

from smgovernance.models import AccessibilityStatementPage, FeedbackSubmission
from tests.factories import soup


URL = "/barrierefreiheit/"
FEEDBACK = {
    "kind": "barrier",
    "page_url": "/videos/",
    "message": "Der Player ist mit der Tastatur nicht bedienbar.",
    "name": "Erika Muster",
    "email": "erika@example.de",
}


@pytest.fixture
def statement(demo) -> AccessibilityStatementPage:
    return AccessibilityStatementPage.objects.get()


def test_post_redirects_to_the_confirmation_and_a_reload_stores_nothing(
    client, statement
):
    response = client.post(URL, FEEDBACK)
    assert response.status_code == 303
    assert response["Location"] == f"{URL}?gesendet=1#feedback-result"
    page = client.get(response["Location"])
    confirmation = soup(page).find(class_="smg-confirmation")
    assert "Vielen Dank" in confirmation.get_text()
    assert soup(page).find("form", class_="smg-form") is None
    # The browser's "resend" and a second click: answered alike, stored once.
    assert client.post(URL, FEEDBACK).status_code == 303
    assert FeedbackSubmission.objects.count() == 1
    stored = FeedbackSubmission.objects.get()
    assert len(stored.client_hash) == 64
    assert "127.0.0.1" not in stored.client_hash
    # Another text, or the same text from another client, is stored.
    client.post(URL, {**FEEDBACK, "message": "Auch die Untertitel fehlen."})
    client.post(URL, FEEDBACK, REMOTE_ADDR="192.0.2.7")
    assert FeedbackSubmission.objects.count() == 3


def test_the_same_text_is_stored_again_after_an_hour(client, statement):
    client.post(URL, FEEDBACK)
    FeedbackSubmission.objects.update(
        received_on=FeedbackSubmission.objects.get().received_on
        - datetime.timedelta(hours=2)
    )
    client.post(URL, FEEDBACK)
    assert FeedbackSubmission.objects.count() == 2


def test_too_many_posts_get_a_german_429_with_the_text_kept(
    client, statement, settings
):
    # Per hour: fixed windows of one minute could end between the posts.
    settings.SMGOVERNANCE_FEEDBACK_RATE = "3/h"
    for n in range(3):
        message = f"Meldung Nummer {n}"
        assert client.post(URL, {**FEEDBACK, "message": message}).status_code == 303
    response = client.post(URL, {**FEEDBACK, "message": "Meldung Nummer 4"})
    assert response.status_code == 429
    document = BeautifulSoup(response.content, "html.parser")
    assert "in kurzer Zeit" in document.find(class_="smg-error-summary").get_text()
    assert document.find(id="id_message").get_text().strip() == "Meldung Nummer 4"
    assert FeedbackSubmission.objects.count() == 3
    # Another client is not limited.
    assert client.post(URL, FEEDBACK, REMOTE_ADDR="192.0.2.8").status_code == 303


def test_when_storing_fails_the_text_is_kept_and_the_operators_are_told(
    client, statement, monkeypatch, settings
):
    settings.ADMINS = [("Betrieb", "betrieb@example.org")]

    def fail(*args, **kwargs):
        raise DatabaseError("attempt to write a readonly database")

    monkeypatch.setattr(FeedbackSubmission, "save", fail)
    response = client.post(URL, FEEDBACK)
    assert response.status_code == 503
    document = BeautifulSoup(response.content, "html.parser")
    problem = document.find(class_="smg-error-summary").get_text(" ", strip=True)
    assert "nicht gespeichert" in problem
    assert statement.contact_email in problem
    if statement.contact_phone:
        assert statement.contact_phone in problem
    assert document.find(id="id_message").get_text().strip() == FEEDBACK["message"]
    assert document.find(id="id_email")["value"] == FEEDBACK["email"]
    assert [m.to for m in mail.outbox] == [["betrieb@example.org"]]
    assert FEEDBACK["message"] not in mail.outbox[0].body
    assert FEEDBACK["email"] not in mail.outbox[0].body


def test_new_feedback_mails_the_statements_contact_at_once(client, statement):
    client.post(URL, FEEDBACK)
    submission = FeedbackSubmission.objects.get()
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [statement.contact_email]
    assert "Rückmeldung" in sent.subject
    assert "Barriere melden" in sent.body
    assert (
        f"/admin/snippets/smgovernance/feedbacksubmission/edit/{submission.pk}/"
        in sent.body
    )
    # Only what the contact needs: not the citizen's text, name or address.
    for private in (FEEDBACK["message"], FEEDBACK["name"], FEEDBACK["email"]):
        assert private not in sent.body and private not in sent.subject
    # A repeat is not stored and not mailed again.
    client.post(URL, FEEDBACK)
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    "text", ['=HYPERLINK("http://evil.example","Klick")', "+1", "-2", "@SUM(A1)", "\tx"]
)
def test_csv_export_escapes_formula_cells(admin_client, db, text):
    FeedbackSubmission.objects.create(kind="barrier", message=text, page_url=text)
    response = admin_client.get(
        "/admin/snippets/smgovernance/feedbacksubmission/", {"export": "csv"}
    )
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(body)))
    cells = rows[1]
    assert f"'{text}" in cells
    assert text not in cells
