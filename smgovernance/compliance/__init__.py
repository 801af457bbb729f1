"""Declarative registry of the obligations the CMS can check (STYLE.md §8).

`registry` holds the registry and the runner, `helpers` the shared lookups, and
one module per area registers its checks: `concept`, `legal`, `channels`,
`accessibility`, `legal_references` (outdated law, C022) and `content` (the
editor's content checks, C027). The admin report, the dashboard panel, the page
editor and the `smgovernance_check` command all go through `run_checks()`.

Checks keep to one or two queries each, so a run stays cheap for thousands of
channels. A check about a page type that is not installed yields nothing.
"""

# The area modules register their checks when imported.
from . import accessibility, channels, concept, content, legal, legal_references
from .helpers import (
    concept_page,
    latest_evaluation,
    modeladmin_url,
    page_edit_url,
    snippet_edit_url,
    today,
)
from .registry import (
    CHECKS,
    SEVERITY_RANK,
    ComplianceCheck,
    Finding,
    Problem,
    Severity,
    exceeds,
    findings_for,
    register_check,
    run_checks,
)


__all__ = [
    "CHECKS",
    "SEVERITY_RANK",
    "ComplianceCheck",
    "Finding",
    "Problem",
    "Severity",
    "accessibility",
    "channels",
    "concept",
    "concept_page",
    "content",
    "exceeds",
    "findings_for",
    "latest_evaluation",
    "legal",
    "legal_references",
    "modeladmin_url",
    "page_edit_url",
    "register_check",
    "run_checks",
    "snippet_edit_url",
    "today",
]
