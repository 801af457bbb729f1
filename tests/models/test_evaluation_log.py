"""The evaluation log is append-only at the model layer (issue 13, items 3 and 11)."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, connection, transaction
from wagtail.documents import get_document_model

from smgovernance.models import (
    ChannelDecision,
    EvaluationRecord,
    SubmittedEvaluationError,
)
from tests import factories as h


pytestmark = pytest.mark.django_db


def test_a_submitted_record_refuses_save_and_delete():
    record = h.evaluation(findings="Original")
    record.findings = "Geändert"
    with pytest.raises(SubmittedEvaluationError):
        record.save()
    with pytest.raises(SubmittedEvaluationError):
        record.delete()
    # Un-ticking "submitted" in memory does not open the record either.
    record.submitted = False
    with pytest.raises(SubmittedEvaluationError):
        record.save()
    assert EvaluationRecord.objects.get().findings == "Original"


def test_the_queryset_refuses_update_and_delete_of_submitted_rows():
    submitted = h.evaluation(findings="Original")
    draft = h.evaluation(submitted=False, findings="Entwurf")
    with pytest.raises(SubmittedEvaluationError):
        EvaluationRecord.objects.update(findings="Überschrieben")
    with pytest.raises(SubmittedEvaluationError):
        EvaluationRecord.objects.filter(pk=submitted.pk).delete()
    with pytest.raises(SubmittedEvaluationError):
        EvaluationRecord.objects.all().delete()
    submitted.refresh_from_db()
    assert submitted.findings == "Original"
    # Drafts stay editable and deletable.
    assert EvaluationRecord.objects.filter(pk=draft.pk).update(findings="Neu") == 1
    EvaluationRecord.objects.filter(submitted=False).delete()
    assert list(EvaluationRecord.objects.all()) == [submitted]


def test_a_submitted_records_decisions_cannot_be_changed():
    channel = h.channel("facebook")
    record = h.evaluation(submitted=False)
    decision = ChannelDecision.objects.create(
        evaluation=record, channel=channel, decision="adjust", reasons="Weniger"
    )
    EvaluationRecord.objects.filter(pk=record.pk).update(submitted=True)
    decision.reasons = "Mehr"
    with pytest.raises(SubmittedEvaluationError):
        decision.save()
    with pytest.raises(SubmittedEvaluationError):
        decision.delete()
    assert ChannelDecision.objects.get().reasons == "Weniger"


def test_a_correction_chain_cannot_loop(admin_client):
    first = h.evaluation(submitted=False, findings="Erste")
    second = h.evaluation(submitted=False, corrects=first, findings="Zweite")
    first.corrects = second
    with pytest.raises(ValidationError) as caught:
        first.full_clean()
    assert "kann nicht sich selbst" in caught.value.message_dict["corrects"][0]
    with pytest.raises(ValidationError):
        first.save()
    first.corrects = first
    with pytest.raises(ValidationError):
        first.save()
    # The admin form shows the German message at the field and keeps the draft.
    response = admin_client.post(
        f"/admin/smgovernance/evaluationrecord/edit/{first.pk}/",
        {
            "date": first.date.isoformat(),
            "evaluator": "Pressestelle",
            "findings": "Erste",
            "next_due": "",
            "corrects": str(second.pk),
            "decisions-TOTAL_FORMS": "0",
            "decisions-INITIAL_FORMS": "0",
            "decisions-MIN_NUM_FORMS": "0",
            "decisions-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 200
    assert "kann nicht sich selbst" in str(response.context["form"].errors["corrects"])
    first.refresh_from_db()
    assert first.corrects_id is None


@pytest.mark.skipif(
    not any(f.name == "dossier_sha256" for f in EvaluationRecord._meta.fields),
    reason="the dossier fields come with the dossier feature (issue 16)",
)
def test_attach_dossier_is_the_one_write_on_a_submitted_record():
    record = h.evaluation()
    document = get_document_model().objects.create(
        title="Dossier", file=ContentFile(b"%PDF-1.7", name="dossier.pdf")
    )
    record.attach_dossier(document, "a" * 64, 1234)
    record.refresh_from_db()
    assert (record.dossier_id, record.dossier_sha256, record.dossier_size) == (
        document.pk,
        "a" * 64,
        1234,
    )
    with pytest.raises(SubmittedEvaluationError):
        record.attach_dossier(document, "b" * 64, 99)
    record.refresh_from_db()
    assert record.dossier_sha256 == "a" * 64


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only"
)
def test_the_database_refuses_changes_to_submitted_rows():
    submitted = h.evaluation(findings="Original")
    draft = h.evaluation(submitted=False)
    table = EvaluationRecord._meta.db_table
    for statement in (
        f"UPDATE {table} SET findings = 'x' WHERE id = %s",  # noqa: S608
        f"DELETE FROM {table} WHERE id = %s",  # noqa: S608
    ):
        with (
            pytest.raises(DatabaseError),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement, [submitted.pk])
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET findings = 'y' WHERE id = %s", [draft.pk])  # noqa: S608
    submitted.refresh_from_db()
    assert submitted.findings == "Original"
