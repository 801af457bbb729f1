"""The usage concept page (/nutzungskonzept/), its 2026 evaluation with its dossier, and
an awareness action.

The data lives in `mittelsachsen.yaml`: texts from the 2018 concept (shared/seeds),
§1, §2, §3 and §6, with legal references updated (§ 18 Abs. 2 MStV instead of
§ 55 Abs. 2 RStV, the current Landrat). The evaluation's decisions name the channels
of the file; submitted evaluations are append-only, so a second run changes nothing.
The dossier (PDF/A) of the 2026 evaluation is produced once, as when an editor submits
an evaluation; a second run finds it and makes no other.
"""

import logging

from smgovernance.dossier import DossierError, create_dossier, missing_dossiers
from smgovernance.models import UsageConceptPage

from .records import import_sections


logger = logging.getLogger(__name__)


def build(context: dict) -> None:
    import_sections("concept", "evaluations", "awareness_actions")
    concept_page = UsageConceptPage.objects.get(slug="nutzungskonzept")
    if not concept_page.show_in_menus:
        concept_page.show_in_menus = True
        concept_page.save_revision().publish()
    context["concept_page"] = concept_page
    for evaluation in missing_dossiers():
        try:
            create_dossier(evaluation)
        except DossierError:
            logger.warning(
                "The demo's evaluation of %s has no dossier.", evaluation.date
            )
