"""The evaluation dossier: the concept as of a submitted evaluation, as PDF/A-3b.

`create_dossier(evaluation)` builds it once and stores it as a Wagtail document;
`verify_all()` recomputes the recorded hashes (`smgovernance_dossier --verify`).
"""

from .render import DossierError, concept_yaml, render_html, render_pdf, yaml_name
from .store import (
    Verification,
    create_dossier,
    dossier_collection,
    missing_dossiers,
    verify,
    verify_all,
)


__all__ = [
    "DossierError",
    "Verification",
    "concept_yaml",
    "create_dossier",
    "dossier_collection",
    "missing_dossiers",
    "render_html",
    "render_pdf",
    "verify",
    "verify_all",
    "yaml_name",
]
