"""The stage gate in the page editor: one rule (rules.stages), refused at the field.

A pilot channel needs the imprint link on its profile checked, like an active
one; the editor says so with the rule's own message and keeps what was typed.
"""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import translation

from smgovernance.models import ChannelProfilePage, ChannelStage
from smgovernance.rules.stages import REQUIREMENTS_BY_FIELD
from tests.factories import (
    channel_form_data,
    edit_url,
    make_channel,
    make_index,
    make_records,
    stage_form_fields,
)


pytestmark = pytest.mark.django_db


def german(message: object) -> str:
    with translation.override("de"):
        return str(message)


@pytest.mark.parametrize(
    "action", [{}, {"action-publish": "1"}], ids=["draft", "publish"]
)
def test_pilot_channel_without_imprint_check_is_refused_and_the_draft_kept(
    admin_client, action
):
    context = make_records()
    channel = make_channel(
        make_index(), context, "facebook", stage=ChannelStage.PLANNED
    )
    revision = channel.save_revision()
    revision.publish()
    pilot = stage_form_fields(ChannelStage.PILOT, imprint_verified_on="")
    # The whole editor form, as nested_form_data with streamfield and inline_formset.
    data = channel_form_data(
        context,
        title="Facebook im Pilotbetrieb",
        stage=ChannelStage.PILOT,
        stage_change_reason="Testphase beginnt",
        **pilot,
        **action,
    )
    response = admin_client.post(edit_url(channel), data)

    assert response.status_code == 200
    document = BeautifulSoup(response.content, "html.parser")
    field = document.find(attrs={"data-contentpath": "imprint_verified_on"})
    errors = field.find(attrs={"data-field-errors": True})
    message = german(REQUIREMENTS_BY_FIELD["imprint_verified_on"].message)
    assert message in " ".join(errors.get_text(" ", strip=True).split())
    # Everything else the editor typed is shown again, nothing is lost.
    assert document.find("input", attrs={"name": "title"})["value"] == (
        "Facebook im Pilotbetrieb"
    )
    assert (
        document.find("textarea", attrs={"name": "privacy_purposes"}).get_text(
            strip=True
        )
        == (pilot["privacy_purposes"])
    )
    assert document.find("textarea", attrs={"name": "stage_change_reason"}).get_text(
        strip=True
    ) == ("Testphase beginnt")
    stage = document.find("select", attrs={"name": "stage"})
    assert stage.find("option", selected=True)["value"] == ChannelStage.PILOT
    # ... and nothing was stored: no new revision, the live page is unchanged.
    channel = ChannelProfilePage.objects.get(pk=channel.pk)
    assert channel.latest_revision_id == revision.pk
    assert channel.stage == ChannelStage.PLANNED
    assert channel.title == "Facebook"


def test_the_same_pilot_channel_with_the_imprint_check_is_saved(admin_client):
    context = make_records()
    channel = make_channel(
        make_index(), context, "facebook", stage=ChannelStage.PLANNED
    )
    channel.save_revision().publish()
    response = admin_client.post(
        edit_url(channel),
        channel_form_data(
            context,
            stage=ChannelStage.PILOT,
            stage_change_reason="Testphase beginnt",
            **stage_form_fields(ChannelStage.PILOT),
            **{"action-publish": "1"},
        ),
    )
    assert response.status_code == 302
    channel.refresh_from_db()
    assert channel.stage == ChannelStage.PILOT
    assert channel.imprint_verified_on is not None


def test_moving_models_between_modules_needs_no_migration():
    out = io.StringIO()
    call_command("makemigrations", check=True, dry_run=True, stdout=out)
    assert "No changes detected" in out.getvalue()
