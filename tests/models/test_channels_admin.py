"""Editors create and change channels through Wagtail's real admin forms."""

import pytest
from bs4 import BeautifulSoup
from django.http import HttpResponse
from wagtail.test.utils.form_data import rich_text, streamfield

from smgovernance.models import ChannelProfilePage, ChannelStage
from tests.factories import (
    add_url,
    channel_form_data,
    edit_url,
    make_channel,
    make_index,
    make_netiquette_page,
    make_page,
    make_records,
    stage_form_fields,
)


pytestmark = pytest.mark.django_db
PUBLISH = {"action-publish": "1"}


@pytest.fixture
def context(db) -> dict:
    return make_records()


@pytest.fixture
def index(context):
    return make_index()


def field_errors(response: HttpResponse, name: str) -> str:
    """The error text the admin shows at field `name` ("" when none)."""
    assert response.status_code == 200, response.status_code
    document = BeautifulSoup(response.content, "html.parser")
    field = document.find(attrs={"data-contentpath": name})
    assert field is not None, f"field {name} is not in the form"
    errors = field.find(attrs={"data-field-errors": True})
    return " ".join(errors.get_text(" ", strip=True).split()) if errors else ""


def test_valid_channel_is_created_with_its_first_history_entry(
    admin_client, context, index
):
    response = admin_client.post(
        add_url(index),
        channel_form_data(
            context,
            stage="pilot",
            stage_change_reason="Testphase beginnt",
            **stage_form_fields("pilot"),
            **PUBLISH,
        ),
    )
    assert response.status_code == 302
    page = ChannelProfilePage.objects.get(slug="facebook")
    assert page.live
    assert page.stage == ChannelStage.PILOT
    assert [b.value for b in page.target_groups] == ["Unternehmen", "Fachkräfte"]
    assert page.interaction_features[0].value["needs_registration"] is True
    [change] = page.stage_changes.all()
    assert (change.stage, change.reason) == ("pilot", "Testphase beginnt")
    assert page.stage_changed_on == change.changed_on


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://www.facebook.com/wirtschaft", "muss mit https:// beginnen"),
        ("https://www.instagram.com/wirtschaft", "ist keine Adresse von Facebook"),
        ("https://facebook.com.evil.org/wirtschaft", "ist keine Adresse von Facebook"),
        ("https://evilfacebook.com/wirtschaft", "ist keine Adresse von Facebook"),
        ("https://www.facebook.com/", "Startseite von Facebook"),
    ],
)
def test_bad_profile_url_is_refused_at_the_field_and_nothing_is_saved(
    admin_client, context, index, url, message
):
    response = admin_client.post(
        add_url(index), channel_form_data(context, profile_url=url, **PUBLISH)
    )
    assert message in field_errors(response, "profile_url")
    assert not ChannelProfilePage.objects.exists()


def test_bad_url_on_edit_keeps_the_live_version(admin_client, context, index):
    channel = make_channel(index, context, "facebook")
    revision = channel.save_revision()
    revision.publish()
    response = admin_client.post(
        edit_url(channel),
        channel_form_data(
            context, profile_url="https://facebook.com.evil.org/x", **PUBLISH
        ),
    )
    assert "ist keine Adresse von Facebook" in field_errors(response, "profile_url")
    channel.refresh_from_db()
    assert channel.live_revision_id == revision.pk
    assert channel.latest_revision_id == revision.pk
    assert channel.profile_url == "https://www.facebook.com/facebook"


@pytest.mark.parametrize(
    ("field", "value"),
    [("purpose", ""), ("responsible_unit", ""), ("platform", ""), ("profile_url", "")],
)
def test_missing_required_field_gets_a_german_error(
    admin_client, context, index, field, value
):
    overrides = {field: value}
    if field == "purpose":
        from wagtail.test.utils.form_data import rich_text

        overrides[field] = rich_text("")
    response = admin_client.post(
        add_url(index), channel_form_data(context, **overrides, **PUBLISH)
    )
    assert field_errors(response, field) in (
        "Dieses Feld muss ausgefüllt werden.",
        "Bitte beschreiben Sie den Zweck der Nutzung.",
    )
    assert not ChannelProfilePage.objects.exists()


def test_outdated_twitter_host_is_accepted_with_a_german_warning(
    admin_client, context, index
):
    response = admin_client.post(
        add_url(index),
        channel_form_data(
            context,
            title="Twitter",
            slug="twitter",
            platform=context["platforms"]["x"].pk,
            profile_url="https://twitter.com/mswirtschaft",
            **PUBLISH,
        ),
        follow=True,
    )
    page = ChannelProfilePage.objects.get(slug="twitter")
    assert page.live and page.uses_outdated_host()
    text = response.content.decode()
    assert "veralteten Host twitter.com" in text
    assert "x.com" in text
    # The current host is not flagged.
    page.profile_url = "https://x.com/mswirtschaft"
    assert not page.uses_outdated_host()


def test_federated_platform_needs_the_instance_operator(admin_client, context, index):
    response = admin_client.post(
        add_url(index),
        channel_form_data(
            context,
            platform=context["platforms"]["mastodon"].pk,
            profile_url="https://social.sachsen.de/@wirtschaft",
            **PUBLISH,
        ),
    )
    assert "Betreiber der Instanz" in field_errors(response, "instance_operator")


def test_comments_need_a_netiquette_page_and_service_hours(
    admin_client, context, index
):
    response = admin_client.post(
        add_url(index),
        channel_form_data(context, comments_enabled="on", service_hours="", **PUBLISH),
    )
    assert "Netiquette" in field_errors(response, "netiquette_page")
    assert "wann der Kanal betreut wird" in field_errors(response, "service_hours")
    netiquette = make_netiquette_page()
    response = admin_client.post(
        add_url(index),
        channel_form_data(
            context, comments_enabled="on", netiquette_page=netiquette.pk, **PUBLISH
        ),
    )
    assert response.status_code == 302
    assert ChannelProfilePage.objects.get().netiquette_page_id == netiquette.pk


def test_stage_change_needs_a_reason(admin_client, context, index):
    channel = make_channel(index, context, "facebook")
    revision = channel.save_revision()
    revision.publish()
    response = admin_client.post(
        edit_url(channel), channel_form_data(context, stage="dormant", **PUBLISH)
    )
    assert "Grund" in field_errors(response, "stage_change_reason")
    channel.refresh_from_db()
    assert channel.stage == ChannelStage.PILOT
    assert channel.live_revision_id == revision.pk


def test_active_gate_refuses_publishing_with_errors_at_each_field(
    admin_client, context, index
):
    channel = make_channel(index, context, "facebook")
    revision = channel.save_revision()
    revision.publish()
    response = admin_client.post(
        edit_url(channel),
        channel_form_data(
            context, stage="active", stage_change_reason="Pilot erfolgreich", **PUBLISH
        ),
    )
    expected = {
        "alternative_contact_page": "alternative Kontaktseite",
        "imprint_verified_on": "Impressum",
        "privacy_purposes": "Datenschutzhinweis",
        "legal_basis": "Rechtsgrundlage",
        "risk_assessment_on": "Risikobewertung",
        "processing_record_ref": "Verzeichnis von Verarbeitungstätigkeiten",
    }
    for field, message in expected.items():
        assert message in field_errors(response, field), field
    channel.refresh_from_db()
    assert channel.stage == ChannelStage.PILOT
    assert channel.live_revision_id == revision.pk
    assert channel.latest_revision_id == revision.pk
    # The editor's input is still in the form (the draft is not lost).
    document = BeautifulSoup(response.content, "html.parser")
    assert document.find(id="id_stage").find("option", selected=True)["value"] == (
        "active"
    )


def test_active_gate_passes_when_complete_and_records_the_change(
    admin_client, context, index
):
    channel = make_channel(index, context, "facebook")
    channel.save_revision().publish()
    contact = channel.alternative_contact_page
    response = admin_client.post(
        edit_url(channel),
        channel_form_data(
            context,
            stage="active",
            stage_change_reason="Pilot erfolgreich",
            **stage_form_fields("active", alternative_contact_page=contact.pk),
            **PUBLISH,
        ),
    )
    assert response.status_code == 302
    channel.refresh_from_db()
    assert channel.stage == ChannelStage.ACTIVE
    assert [(c.stage, c.reason) for c in channel.stage_changes.all()] == [
        ("active", "Pilot erfolgreich")
    ]
    # A second edit without a stage change adds nothing to the history.
    response = admin_client.post(
        edit_url(channel),
        channel_form_data(
            context,
            stage="active",
            title="Facebook neu",
            **stage_form_fields("active", alternative_contact_page=contact.pk),
            **PUBLISH,
        ),
    )
    assert response.status_code == 302
    channel.refresh_from_db()
    assert channel.title == "Facebook neu"
    assert channel.stage_changes.count() == 1


def test_saving_a_draft_does_not_touch_the_live_page(admin_client, context, index):
    channel = make_channel(index, context, "facebook")
    revision = channel.save_revision()
    revision.publish()
    response = admin_client.post(
        edit_url(channel),
        channel_form_data(
            context, title="Entwurf", stage="pilot", **stage_form_fields("pilot")
        ),
    )
    assert response.status_code == 302
    channel.refresh_from_db()
    assert channel.title == "Facebook"
    assert channel.live_revision_id == revision.pk
    assert channel.get_latest_revision_as_object().title == "Entwurf"


def test_edit_form_groups_fields_in_the_concepts_order_with_german_help(
    admin_client, context, index
):
    channel = make_channel(index, context, "facebook")
    channel.save_revision().publish()
    response = admin_client.get(edit_url(channel))
    document = BeautifulSoup(response.content, "html.parser")
    found = [
        " ".join(h.get_text(" ", strip=True).split())
        for h in document.select(".w-panel__heading")
    ]
    assert found[2:15] == [
        "Plattform und Profil",
        "Verantwortlichkeit",
        "Zweck der Nutzung",
        "Art und Umfang der Nutzung",
        "Dialog und Interaktion",
        "Alternativen auf unserer Website",
        "Beispiele und weitere Informationen",
        "Stufe im Lebenszyklus",
        "Prüfung des Profils",
        "Voraussetzungen für die Stufe aktiv",
        "Link und Text für das Impressumsfeld der Plattform",
        "Datenschutzhinweis",
        "Archiv",
    ]
    text = response.content.decode()
    assert "Warum der Kanal besteht" in text  # help text of the purpose field


def test_platform_hosts_must_be_plain_host_names(admin_client, context):
    from wagtail.test.utils.form_data import nested_form_data

    response = admin_client.post(
        "/admin/snippets/smgovernance/platform/add/",
        nested_form_data(
            {
                "name": "Neu",
                "slug": "neu",
                "profile_hosts": "https://neu.example/",
                "outdated_hosts": "",
                "provider": context["providers"]["meta"].pk,
            }
        ),
    )
    assert "kein Hostname" in field_errors(response, "profile_hosts")


def test_edit_form_shows_the_stage_history(admin_client, context, index):
    channel = make_channel(index, context, "facebook")
    channel.record_stage_change("Pilotphase beginnt")
    channel.save()
    channel.save_revision().publish()
    text = admin_client.get(edit_url(channel)).content.decode()
    assert "Pilotbetrieb – Pilotphase beginnt" in text


def test_contact_and_netiquette_must_be_pages_of_their_types(
    admin_client, context, index
):
    channel = make_channel(index, context, "facebook")
    revision = channel.save_revision()
    revision.publish()
    other = make_page("presse", "Presse")
    response = admin_client.post(
        edit_url(channel),
        channel_form_data(
            context,
            comments_enabled="on",
            netiquette_page=other.pk,
            alternative_contact_page=other.pk,
            stage="pilot",
            **PUBLISH,
        ),
    )
    assert "Seitentyp „Kontaktseite“" in field_errors(
        response, "alternative_contact_page"
    )
    assert "Seitentyp „Netiquette“" in field_errors(response, "netiquette_page")
    channel.refresh_from_db()
    assert channel.live_revision_id == revision.pk
    assert channel.latest_revision_id == revision.pk
    # The choosers offer only pages of the right type.
    text = admin_client.get(edit_url(channel)).content.decode()
    assert "smgovernance.alternativecontactpage" in text
    assert "smgovernance.netiquettepage" in text


def test_body_with_a_vimeo_block_is_published_through_the_admin(
    admin_client, context, index
):
    video = {
        "video": "https://vimeo.com/76979871",
        "title": "Arbeits- und Lebensort",
        "poster": "",
        "transcript": rich_text("<p>Text des Videos.</p>"),
        "captions_available": "",
        "caption_language": "de",
        "start_time": "",
    }
    response = admin_client.post(
        add_url(index),
        channel_form_data(
            context,
            stage="pilot",
            stage_change_reason="Testphase",
            body=streamfield([("vimeo", {**video, "video": "https://example.com/1"})]),
            **stage_form_fields("pilot"),
            **PUBLISH,
        ),
    )
    assert response.status_code == 200
    assert "Das ist keine Vimeo-Adresse" in response.content.decode()
    assert not ChannelProfilePage.objects.exists()
    response = admin_client.post(
        add_url(index),
        channel_form_data(
            context,
            stage="pilot",
            stage_change_reason="Testphase",
            body=streamfield([("vimeo", video)]),
            **stage_form_fields("pilot"),
            **PUBLISH,
        ),
    )
    assert response.status_code == 302
    page = ChannelProfilePage.objects.get()
    assert page.live and page.has_vimeo
    assert page.body[0].value["video"] == "https://vimeo.com/76979871"
