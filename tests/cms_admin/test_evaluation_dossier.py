"""Submitting an evaluation in the register produces its dossier; a failure never
undoes the save."""

import logging

import pytest
import weasyprint
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from smgovernance.models import EvaluationRecord
from tests import factories as h


pytestmark = pytest.mark.django_db

CREATE_URL = "/admin/smgovernance/evaluationrecord/create/"


def evaluation_form(channel_pk: int, submitted: bool) -> dict:
    return nested_form_data(
        {
            "date": "2026-05-02",
            "evaluator": "Pressestelle",
            "findings": "Geprüft.",
            "next_due": "",
            "published": "on",
            "submitted": "on" if submitted else "",
            "corrects": "",
            "decisions": inline_formset(
                [{"channel": channel_pk, "decision": "continue", "reasons": "Gut."}]
            ),
        }
    )


@pytest.fixture
def channel():
    h.concept()
    return h.channel("facebook")


def messages_of(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


def test_submitting_an_evaluation_stores_its_dossier(admin_client, channel):
    response = admin_client.post(
        CREATE_URL, evaluation_form(channel.pk, True), follow=True
    )
    assert response.status_code == 200
    record = EvaluationRecord.objects.get()
    assert record.dossier is not None and len(record.dossier_sha256) == 64
    assert record.dossier.file_size == record.dossier_size
    assert "Dossier „Nutzungskonzept: Dossier der Evaluation vom 2. Mai 2026“" in (
        messages_of(response)
    )
    inspect = admin_client.get(
        f"/admin/smgovernance/evaluationrecord/inspect/{record.pk}/"
    )
    text = inspect.content.decode()
    assert record.dossier_sha256 in text and record.dossier.url in text


def test_a_draft_gets_its_dossier_when_it_is_submitted(admin_client, channel):
    admin_client.post(CREATE_URL, evaluation_form(channel.pk, False))
    record = EvaluationRecord.objects.get()
    assert record.dossier is None
    admin_client.post(
        f"/admin/smgovernance/evaluationrecord/edit/{record.pk}/",
        evaluation_form(channel.pk, True),
    )
    record.refresh_from_db()
    assert record.submitted and record.dossier is not None


def test_layout_engine_failure_keeps_the_evaluation_and_tells_the_editor(
    admin_client, channel, monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", broken)
    with caplog.at_level(logging.ERROR, logger="smgovernance.dossier.render"):
        response = admin_client.post(
            CREATE_URL, evaluation_form(channel.pk, True), follow=True
        )
    assert response.status_code == 200
    record = EvaluationRecord.objects.get()
    assert record.submitted and record.dossier is None
    text = messages_of(response)
    assert "Die Evaluation ist gespeichert, aber ihr Dossier (PDF) konnte nicht" in text
    assert "libpango" in text and "smgovernance_dossier --generate" in text
    assert any("failed" in r.getMessage() for r in caplog.records)
    assert get_document_model().objects.count() == 0

    monkeypatch.undo()
    call_command("smgovernance_dossier", "--generate")
    record.refresh_from_db()
    assert record.dossier is not None


def test_without_a_concept_page_the_save_still_succeeds(admin_client):
    channel = h.channel("facebook")
    response = admin_client.post(
        CREATE_URL, evaluation_form(channel.pk, True), follow=True
    )
    assert EvaluationRecord.objects.get().dossier is None
    assert "kein veröffentlichtes Nutzungskonzept" in messages_of(response)
