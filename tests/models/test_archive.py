"""Archives as records, and the handover log in the channel editor."""

import pytest
from bs4 import BeautifulSoup
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from smgovernance.models import ArchiveRecord, ChannelProfilePage
from tests import factories as h
from tests.factories import add_url, channel_form_data, make_index, make_records


pytestmark = pytest.mark.django_db
PUBLISH = {"action-publish": "1"}
ARCHIVES_URL = "/admin/snippets/smgovernance/archiverecord/"


@pytest.fixture
def context(db) -> dict:
    return make_records()


@pytest.fixture
def archive() -> ArchiveRecord:
    return ArchiveRecord.objects.create(
        name="Kreisarchiv Mittelsachsen", address="Straße 1\n09599 Freiberg"
    )


def handover(**fields) -> dict:
    return {
        "handed_over_on": "2026-10-15",
        "period_from": "2018-05-01",
        "period_to": "2026-09-30",
        "form": "warc",
        "reference": "Az. 047.2",
        "handed_over_by": "Pressestelle",
        **fields,
    }


def test_channel_editor_records_archive_interval_and_handovers(
    admin_client, context, archive
):
    index = make_index()
    response = admin_client.post(
        add_url(index),
        channel_form_data(
            context,
            responsible_archive=archive.pk,
            archive_offer_interval_months="6",
            archive_handovers=inline_formset([handover()]),
            **PUBLISH,
        ),
    )
    assert response.status_code == 302
    channel = ChannelProfilePage.objects.get(slug="facebook")
    assert channel.responsible_archive == archive
    assert channel.archive_offer_interval_months == 6
    [entry] = channel.archive_handovers.all()
    assert (entry.reference, entry.get_form_display()) == (
        "Az. 047.2",
        "Webarchiv (WARC)",
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"period_from": "2026-10-01", "period_to": "2026-09-30"},
            "Der Zeitraum muss am oder nach seinem ersten Tag enden.",
        ),
        (
            {"period_to": "2026-10-20"},
            "Eine Übergabe kann keine Beiträge nach dem Tag der Übergabe enthalten.",
        ),
        ({"handed_over_by": ""}, "Dieses Feld muss ausgefüllt werden."),
    ],
)
def test_bad_handover_is_refused_with_a_german_message(
    admin_client, context, fields, message
):
    index = make_index()
    response = admin_client.post(
        add_url(index),
        channel_form_data(
            context, archive_handovers=inline_formset([handover(**fields)]), **PUBLISH
        ),
    )
    assert response.status_code == 200
    document = BeautifulSoup(response.content, "html.parser")
    panel = document.find(id="id_archive_handovers-0-period_to").find_parent(
        attrs={"data-inline-panel-child": True}
    )
    assert message in " ".join(panel.get_text(" ", strip=True).split())
    assert not ChannelProfilePage.objects.exists()


def test_offer_interval_must_be_at_least_one_month(admin_client, context):
    index = make_index()
    response = admin_client.post(
        add_url(index),
        channel_form_data(context, archive_offer_interval_months="0", **PUBLISH),
    )
    assert response.status_code == 200
    assert "größer oder gleich 1" in response.content.decode()


def test_archive_is_kept_as_a_record_in_the_admin(admin_client):
    data = nested_form_data(
        {
            "name": "Sächsisches Staatsarchiv, Staatsarchiv Leipzig",
            "address": "Schongauerstraße 1\n04328 Leipzig",
            "email": "keine-adresse",
            "phone": "",
        }
    )
    response = admin_client.post(ARCHIVES_URL + "add/", data)
    assert response.status_code == 200
    email = BeautifulSoup(response.content, "html.parser").find(
        attrs={"data-contentpath": "email"}
    )
    assert "Bitte gültige E-Mail-Adresse eingeben." in email.get_text()
    data["email"] = ""
    response = admin_client.post(ARCHIVES_URL + "add/", data)
    assert response.status_code == 302
    listing = admin_client.get(ARCHIVES_URL)
    assert "Staatsarchiv Leipzig" in listing.content.decode()


def test_closing_a_channel_without_a_handover_shows_the_error_in_the_editor(
    admin_client, context
):
    channel = h.channel("facebook", plat=context["platforms"]["facebook"])
    response = admin_client.post(
        f"/admin/pages/{channel.pk}/edit/",
        channel_form_data(
            context, stage="closed", stage_change_reason="Eingestellt", **PUBLISH
        ),
    )
    assert response.status_code == 302
    channel.refresh_from_db()
    assert channel.stage == "closed"
    response = admin_client.get(f"/admin/pages/{channel.pk}/edit/")
    text = " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())
    assert "eingestellt, aber keine Übergabe an das Archiv" in text
