"""smgovernance_export / smgovernance_import: round trip, and all-or-nothing on errors."""

import io

import pytest
import yaml
from django.core.management import call_command

from smgovernance.concept_io import export_data
from smgovernance.models import (
    AlternativeContactPoint,
    AwarenessAction,
    ChannelProfilePage,
    ContactPoint,
    EvaluationRecord,
    ImprintPage,
    Platform,
    ResponsiblePerson,
    ThirdPartyProvider,
    UsageConceptPage,
)
from tests import factories as h


pytestmark = pytest.mark.django_db


def wipe() -> None:
    """Delete what the schema covers (the contact page's rows point to contact points)."""
    AlternativeContactPoint.objects.all().delete()
    EvaluationRecord.objects.filter(corrects__isnull=False).delete()
    EvaluationRecord.objects.all().delete()
    AwarenessAction.objects.all().delete()
    for page in [
        *UsageConceptPage.objects.all(),
        *ChannelProfilePage.objects.all(),
        *ImprintPage.objects.all(),
    ]:
        page.delete()
    ResponsiblePerson.objects.all().delete()
    ContactPoint.objects.all().delete()
    Platform.objects.all().delete()
    ThirdPartyProvider.objects.all().delete()


def export_text() -> str:
    out = io.StringIO()
    call_command("smgovernance_export", stdout=out)
    return out.getvalue()


def test_round_trip_into_an_empty_database_loses_nothing(demo, tmp_path):
    channel = h.channel("neu", plat=Platform.objects.get(slug="facebook"))
    h.channel(
        "entwurf",
        plat=Platform.objects.get(slug="x"),
        publish=False,
        stage="planned",
        profile_url="https://x.com/entwurf",
    )
    first = h.evaluation(date=h.TODAY.replace(year=2025), findings="Alt")
    correction = h.evaluation(corrects=first, findings="Korrigiert")
    correction.decisions.create(
        channel=channel, decision="adjust", reasons="Mehr Videos"
    )
    AwarenessAction.objects.get().channels.add(channel)
    before = export_text()
    data = yaml.safe_load(before)
    assert data["concept"]["documents"][0]["year"] == 2017
    assert {"facebook", "neu", "entwurf"} <= {c["slug"] for c in data["channels"]}
    facebook = next(c for c in data["channels"] if c["slug"] == "facebook")
    assert facebook["target_groups"][:2] == ["Unternehmen", "Investoren"]
    assert facebook["interaction_features"][1] == {
        "name": "Kommentare",
        "needs_registration": True,
    }
    assert facebook["alternative_contact_page"] == "/kontakt/"
    assert facebook["stage_changes"][0]["stage"] == "active"
    assert facebook["editorial_owner"] == "Hartmut Schneider"
    assert facebook["imprint_verified_on"] and facebook["processing_record_ref"]
    assert data["imprint"]["responsible_persons"][0]["person"] == "André Kaiser"
    assert data["imprint"]["body_name"]
    assert data["contact_points"][0]["office_hours"]

    wipe()
    assert export_data()["providers"] == []
    path = tmp_path / "concept.yaml"
    path.write_text(before, encoding="utf-8")
    out = io.StringIO()
    call_command("smgovernance_import", str(path), stdout=out)
    assert "channels: 5/5" in out.getvalue() and "imprint: 1/1" in out.getvalue()
    assert export_text() == before
    assert not ChannelProfilePage.objects.get(slug="entwurf").live


def test_import_with_errors_reports_every_location_and_writes_nothing(demo, tmp_path):
    data = export_data()
    data["providers"].append({"name": "Neu", "legal_name": "Neu GmbH"})
    data["platforms"][0]["provider"] = "Gibt es nicht"
    data["persons"][1]["email"] = "keine-adresse"
    data["evaluations"][0]["decisions"] = [
        {"channel": "nirgends", "decision": "vielleicht", "reasons": "?"}
    ]
    data["concept"]["title"] = "Geänderter Titel"
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    errors = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command(
            "smgovernance_import", str(path), stdout=io.StringIO(), stderr=errors
        )
    assert exit_.value.code == 1
    text = errors.getvalue()
    for location in (
        "providers[7].address:",
        "providers[7].country:",
        "platforms[0].provider: „Gibt es nicht“",
        "persons[1].email:",
        "evaluations[0].decisions[0].decision:",
        "evaluations[0].decisions[0].channel: „nirgends“",
    ):
        assert location in text, location
    assert "nichts wurde geschrieben" in text
    assert not ThirdPartyProvider.objects.filter(name="Neu").exists()
    assert UsageConceptPage.objects.get().title == "Nutzungskonzept Social Media"


def test_import_refuses_a_model_level_error(demo, tmp_path):
    data = export_data()
    data["providers"][0]["transfer_basis"] = "none"
    path = tmp_path / "x.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    errors = io.StringIO()
    with pytest.raises(SystemExit):
        call_command(
            "smgovernance_import", str(path), stdout=io.StringIO(), stderr=errors
        )
    assert "providers[0].transfer_basis: Ein Anbieter" in errors.getvalue()


def test_submitted_evaluations_are_not_overwritten_by_an_import(demo, tmp_path):
    data = export_data()
    data["evaluations"][0]["findings"] = "Umgeschrieben"
    path = tmp_path / "x.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    call_command("smgovernance_import", str(path), stdout=io.StringIO())
    assert EvaluationRecord.objects.get().findings.startswith("Die Kanäle wurden")
