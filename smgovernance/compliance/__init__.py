"""Declarative registry of the obligations the CMS can check (STYLE.md §8).

`registry` holds the registry and the runner, `helpers` the shared lookups, and
one module per area registers its checks: `concept`, `legal`, `channels`,
`accessibility`, `legal_references` (outdated law, C022), `content` (the
editor's content checks, C027), `archive` (the archive handover, C030–C032) and
`monitor` (what the channel monitor found on the profiles: C028, C029,
C033–C035). The admin report, the dashboard summary and the `smgovernance_check`
command go through `run_checks()`; the page editor runs only the checks about
the page being edited (`run_checks_for(page)`).

Every check reports the findings of the site (body) it is given: its pages below
the site's root and its records (`site`). `run_checks()` without a site checks
each site of the installation on its own; the platform operators are shared.

Checks keep to one or two queries each, so a run stays cheap for thousands of
channels. A check about a page type that is not installed yields nothing.
"""

# The area modules register their checks when imported.
from . import (
    accessibility,
    archive,
    channels,
    concept,
    content,
    legal,
    legal_references,
    monitor,
)
from .helpers import (
    concept_page,
    latest_evaluation,
    modeladmin_url,
    page_edit_url,
    run_checks_for,
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
    "archive",
    "channels",
    "concept",
    "concept_page",
    "content",
    "exceeds",
    "findings_for",
    "latest_evaluation",
    "legal",
    "legal_references",
    "monitor",
    "modeladmin_url",
    "page_edit_url",
    "register_check",
    "run_checks",
    "run_checks_for",
    "snippet_edit_url",
    "today",
]
