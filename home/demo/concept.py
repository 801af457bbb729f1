"""The usage concept page (/nutzungskonzept/), its 2026 evaluation and an awareness action.

The data lives in `mittelsachsen.yaml`: texts from the 2018 concept (shared/seeds),
§1, §2, §3 and §6, with legal references updated (§ 18 Abs. 2 MStV instead of
§ 55 Abs. 2 RStV, the current Landrat). The evaluation's decisions name the channels
of the file; submitted evaluations are append-only, so a second run changes nothing.
"""

from smgovernance.models import UsageConceptPage

from .records import import_sections


def build(context: dict) -> None:
    import_sections("concept", "evaluations", "awareness_actions")
    concept_page = UsageConceptPage.objects.get(slug="nutzungskonzept")
    if not concept_page.show_in_menus:
        concept_page.show_in_menus = True
        concept_page.save_revision().publish()
    context["concept_page"] = concept_page
