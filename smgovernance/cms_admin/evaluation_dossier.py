"""The evaluation register produces the dossier when an evaluation is submitted.

The evaluation is saved first; a dossier that cannot be produced never undoes
that save: the editor gets a German message, the failure is logged, and
`manage.py smgovernance_dossier --generate` produces it later.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext

from ..dossier import DossierError, create_dossier
from ..models import EvaluationRecord


def produce_dossier(request: HttpRequest, evaluation: EvaluationRecord) -> None:
    """Produce the dossier of a submitted evaluation that has none, and say so.

    Reads the stored row: a refused form leaves the instance changed in memory.
    """
    evaluation = EvaluationRecord.objects.filter(pk=evaluation.pk).first()
    if evaluation is None or not evaluation.submitted or evaluation.dossier_id:
        return
    try:
        document = create_dossier(evaluation)
    except DossierError as exc:
        messages.error(
            request,
            gettext(
                "The evaluation has been saved, but its dossier (PDF) could not be "
                "produced: %(error)s An administrator can produce it later with "
                "“manage.py smgovernance_dossier --generate”."
            )
            % {"error": exc},
        )
        return
    messages.success(
        request,
        gettext(
            "The dossier “%(title)s” (PDF, %(size)s kB) has been stored in the "
            "documents; its SHA-256 is recorded with the evaluation."
        )
        % {"title": document.title, "size": evaluation.dossier_kilobytes},
    )


class DossierOnSubmitMixin:
    """For the create and edit views of the evaluation register."""

    def form_valid(self, form) -> HttpResponse:
        response = super().form_valid(form)
        produce_dossier(self.request, self.instance)
        return response
