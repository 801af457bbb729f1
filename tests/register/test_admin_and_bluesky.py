"""The verification log in the admin, the manual confirmation form, and `/.well-known/atproto-did`."""

import pytest
from django.contrib.auth.models import Permission

from smgovernance.models import ChannelProfilePage
from smgovernance.models.register import ChannelVerification
from smgovernance.monitor import Outcome
from smgovernance.tasks import record_confirmation
from tests.factories import channel, edit_url, platform, soup


DID = "did:plc:abcdefghijklmnopqrstuvwx"


def verification_url(page: ChannelProfilePage) -> str:
    return f"/admin/smgovernance/channels/{page.pk}/verification/"


@pytest.fixture
def facebook(db):
    return channel("facebook", platform("facebook", outdated_hosts=""))


def test_log_and_form_are_shown_to_editors(admin_client, facebook, admin_user):
    record_confirmation(facebook, admin_user, "Impressum im Feld Seiteninfo")
    document = soup(admin_client.get(verification_url(facebook)))
    table = document.find("table", class_="listing")
    assert "manuell bestätigt" in table.get_text()
    assert "Impressum im Feld Seiteninfo" in table.get_text()
    assert document.find("input", {"name": "checked"}) is not None


def test_channel_editor_shows_the_latest_checks_and_links_the_log(
    admin_client, facebook, admin_user
):
    record_confirmation(facebook, admin_user)
    document = soup(admin_client.get(edit_url(facebook)))
    link = document.find("a", href=verification_url(facebook))
    assert link is not None
    assert "manuell bestätigt" in document.get_text()


def test_confirmation_records_who_and_when(admin_client, facebook, admin_user):
    admin_user.first_name, admin_user.last_name = "Hartmut", "Schneider"
    admin_user.save()
    response = admin_client.post(
        verification_url(facebook),
        {"action": "confirm", "checked": "on", "note": "Seiteninfo geprüft"},
    )
    assert response.status_code == 302
    row = ChannelVerification.objects.get(channel=facebook)
    assert row.outcome == Outcome.CONFIRMED
    assert row.confirmed_by == "Hartmut Schneider"
    assert row.confirmed_by_user == admin_user
    assert row.reason == "Seiteninfo geprüft"


def test_confirmation_without_the_tick_says_why_and_keeps_the_note(
    admin_client, facebook
):
    response = admin_client.post(
        verification_url(facebook), {"action": "confirm", "note": "Mein Hinweis"}
    )
    assert response.status_code == 200
    document = soup(response)
    assert "Bestätigen Sie, dass Sie das Profil angesehen" in document.get_text()
    assert (
        document.find("textarea", {"name": "note"}).get_text().strip() == "Mein Hinweis"
    )
    assert not ChannelVerification.objects.exists()


def test_check_now_queues_a_check(admin_client, facebook, settings):
    settings.SMGOVERNANCE_MONITOR_OFFLINE = True
    settings.SMGOVERNANCE_PLATFORM_ORIGINS = {}
    response = admin_client.post(verification_url(facebook), {"action": "verify"})
    assert response.status_code == 302
    assert (
        ChannelVerification.objects.get(channel=facebook).outcome == Outcome.UNREACHABLE
    )


def test_users_who_cannot_edit_the_channel_are_turned_away(
    client, facebook, django_user_model
):
    user = django_user_model.objects.create_user("leser", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail's admin answers a refused permission with a redirect to the dashboard.
    response = client.get(verification_url(facebook))
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    response = client.post(
        verification_url(facebook), {"action": "confirm", "checked": "on"}
    )
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert not ChannelVerification.objects.exists()


def test_unknown_channel_is_404(admin_client, db):
    assert (
        admin_client.get(
            "/admin/smgovernance/channels/999999/verification/"
        ).status_code
        == 404
    )


# --- Bluesky on our own domain ------------------------------------------------------


@pytest.fixture
def bluesky(db):
    plat = platform(
        "bluesky", name="Bluesky", profile_hosts="bsky.app", outdated_hosts=""
    )
    return channel(
        "bluesky",
        plat,
        profile_url="https://bsky.app/profile/kreis.example",
        handle="@kreis.example",
        bluesky_did=DID,
    )


def test_atproto_did_is_served_for_a_handle_on_our_domain(client, bluesky):
    response = client.get("/.well-known/atproto-did", HTTP_HOST="kreis.example")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == DID


def test_atproto_did_is_404_for_other_hosts_and_unpublished_channels(client, bluesky):
    assert (
        client.get("/.well-known/atproto-did", HTTP_HOST="other.example").status_code
        == 404
    )
    bluesky.unpublish()
    assert (
        client.get("/.well-known/atproto-did", HTTP_HOST="kreis.example").status_code
        == 404
    )


def test_did_field_refuses_what_is_not_a_did(bluesky):
    from django.core.exceptions import ValidationError

    bluesky.bluesky_did = "kreis.example"
    with pytest.raises(ValidationError) as error:
        bluesky.full_clean()
    assert "bluesky_did" in error.value.message_dict
