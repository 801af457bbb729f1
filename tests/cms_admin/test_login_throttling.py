"""Admin login throttling with django-axes (issue 13.8)."""

import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command


LOGIN = "/admin/login/"
PASSWORD = "Richtiges-Passwort-2026"


@pytest.fixture
def throttled(settings):
    settings.AXES_ENABLED = True  # off in the test settings for client.login()
    return settings


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(
        "redaktion", "redaktion@example.org", PASSWORD
    )


def attempt(client, password: str, username: str = "redaktion"):
    return client.post(LOGIN, {"username": username, "password": password})


def test_wrong_passwords_lock_the_account_with_a_german_message(
    client, editor, throttled
):
    limit = throttled.AXES_FAILURE_LIMIT
    for _ in range(limit - 1):
        response = attempt(client, "falsch")
        assert response.status_code == 200  # the login form with its error
    locked = attempt(client, "falsch")
    assert locked.status_code == 429
    # Now even the right password is refused, with the German lockout page.
    refused = attempt(client, PASSWORD)
    assert refused.status_code == 429
    document = BeautifulSoup(refused.content, "html.parser")
    assert document.find("h1").get_text(strip=True) == "Anmeldung gesperrt"
    message = document.find(class_="error").get_text(" ", strip=True)
    assert message == (
        f"Dieses Konto ist nach {limit} fehlgeschlagenen Anmeldeversuchen gesperrt."
    )
    assert "in einer Stunde" in document.get_text()
    assert document.find("a", href=LOGIN) is not None
    assert "_auth_user_id" not in client.session


def test_the_documented_unlock_command_lifts_the_lockout(client, editor, throttled):
    for _ in range(throttled.AXES_FAILURE_LIMIT):
        attempt(client, "falsch")
    assert attempt(client, PASSWORD).status_code == 429
    call_command("axes_reset_username", "redaktion", stdout=io.StringIO())
    response = attempt(client, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_a_lockout_is_per_user_name_and_address(client, editor, throttled):
    for _ in range(throttled.AXES_FAILURE_LIMIT):
        attempt(client, "falsch")
    other = get_user_model().objects.create_superuser("zweite", "z@example.org", "x")
    assert attempt(client, "x", username=other.username).status_code == 302
