"""Dossiers as Wagtail documents in their own collection, and their verification.

A dossier is created once per submitted evaluation. Its SHA-256 and size are
written to the evaluation in the same transaction, and never again: a document
that is later replaced or changed no longer matches, and `smgovernance_dossier
--verify` says so.
"""

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Collection, Site

from ..models import EvaluationRecord
from .render import DossierError, pdf_name, render_pdf


logger = logging.getLogger(__name__)

COLLECTION_NAME = _("Evaluation dossiers")
CHUNK = 64 * 1024


def dossier_collection(site: Site | None = None) -> Collection:
    """The collection that holds the dossiers (created on first use); with several
    bodies, one collection per site inside it, so that collection permissions can
    keep a body's dossiers to its own editors."""
    # Named in the site's language, so every editor finds the same collection.
    with translation.override(settings.LANGUAGE_CODE):
        name = str(COLLECTION_NAME)
    root = Collection.get_first_root_node()
    parent = root.get_children().filter(name=name).first() or root.add_child(name=name)
    if site is None or Site.objects.count() < 2:
        return parent
    name = site.site_name or site.hostname
    return parent.get_children().filter(name=name).first() or parent.add_child(
        name=name
    )


def dossier_title(evaluation: EvaluationRecord) -> str:
    return gettext("Usage concept: dossier of the evaluation of %(date)s") % {
        "date": date_format(evaluation.date, "DATE_FORMAT")
    }


def create_dossier(evaluation: EvaluationRecord) -> object:
    """The evaluation's dossier document, produced now unless it already exists.

    Raises `DossierError` (German message) when the evaluation is not submitted
    or the PDF cannot be produced; the evaluation itself is left as it was.
    """
    if evaluation.dossier_id:
        return evaluation.dossier
    if not evaluation.submitted:
        raise DossierError(gettext("Only a submitted evaluation gets a dossier."))
    pdf = render_pdf(evaluation)
    digest = hashlib.sha256(pdf).hexdigest()
    document_model = get_document_model()
    with transaction.atomic():
        current = EvaluationRecord.objects.select_for_update().get(pk=evaluation.pk)
        if current.dossier_id:  # made meanwhile by another request: keep that one
            evaluation.refresh_from_db()
            return evaluation.dossier
        document = document_model(
            title=dossier_title(evaluation),
            collection=dossier_collection(evaluation.site),
        )
        document.file.save(pdf_name(evaluation), ContentFile(pdf), save=False)
        document.file_size = len(pdf)
        document._set_file_hash()
        document.save()
        current.attach_dossier(document, digest, len(pdf))
    evaluation.refresh_from_db()
    logger.info("Dossier %s stored for evaluation %s", document.pk, evaluation.pk)
    return document


def missing_dossiers() -> Iterable[EvaluationRecord]:
    """Submitted evaluations that have no dossier yet, oldest first."""
    return EvaluationRecord.objects.filter(
        submitted=True, dossier__isnull=True, dossier_sha256=""
    ).order_by("date", "pk")


@dataclass(frozen=True)
class Verification:
    evaluation: EvaluationRecord
    ok: bool
    message: str  # German


def file_digest(document: object) -> tuple[str, int]:
    """SHA-256 and size of the stored file, read in chunks."""
    digest = hashlib.sha256()
    size = 0
    with document.open_file() as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def verify(evaluation: EvaluationRecord) -> Verification:
    """Compare the stored file with the hash and size recorded at its creation."""
    label = str(evaluation)
    document = evaluation.dossier
    if document is None:
        return Verification(
            evaluation,
            False,
            gettext("%(evaluation)s: the dossier document is missing.")
            % {"evaluation": label},
        )
    try:
        digest, size = file_digest(document)
    except OSError:
        return Verification(
            evaluation,
            False,
            gettext("%(evaluation)s: the file %(file)s is missing.")
            % {"evaluation": label, "file": document.file.name},
        )
    if digest != evaluation.dossier_sha256 or size != evaluation.dossier_size:
        return Verification(
            evaluation,
            False,
            gettext(
                "%(evaluation)s: the file %(file)s has been changed "
                "(SHA-256 %(found)s, recorded %(recorded)s)."
            )
            % {
                "evaluation": label,
                "file": document.file.name,
                "found": digest,
                "recorded": evaluation.dossier_sha256,
            },
        )
    return Verification(
        evaluation,
        True,
        gettext("%(evaluation)s: dossier unchanged (SHA-256 %(digest)s).")
        % {"evaluation": label, "digest": digest},
    )


def verify_all() -> list[Verification]:
    """Every evaluation that has recorded a dossier hash, oldest first."""
    evaluations = (
        EvaluationRecord.objects.exclude(dossier_sha256="")
        .select_related("dossier")
        .order_by("date", "pk")
    )
    return [verify(evaluation) for evaluation in evaluations]
