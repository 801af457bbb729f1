"""The registry of compliance checks and the runner (STYLE.md §8).

A check is a function over the models, registered once with its id, severity
and title:

    @register_check("smgovernance.C0NN", Severity.ERROR, _("title"))
    def channel_imprint_link_missing(site):
        yield Problem(message, channel, page_edit_url(channel))

It reads, never writes, and yields `Problem`s; the runner stamps the check's id
and severity on each, so every id and severity is stated exactly once.
"""

import contextvars
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site


class Severity(models.TextChoices):
    ERROR = "error", _("Error")
    WARNING = "warning", _("Warning")
    INFO = "info", _("Info")


SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True)
class Finding:
    check_id: str
    severity: str
    message: str  # German at run time (gettext)
    obj: object | None = None  # the page or record to fix
    url: str = ""  # its admin edit URL


@dataclass(frozen=True, slots=True)
class Problem:
    """What a check yields: the runner turns it into a `Finding` of that check."""

    message: str
    obj: object | None = None
    url: str = ""


CheckFunction = Callable[[Site | None], Iterable[Problem]]


@dataclass(frozen=True, slots=True)
class ComplianceCheck:
    id: str  # smgovernance.C001
    title: str  # gettext_lazy, English msgid
    severity: Severity
    function: CheckFunction  # pure: reads models only

    def run(self, site: Site | None) -> Iterator[Finding]:
        """The check's findings, each stamped with its id and severity."""
        for problem in self.function(site):
            yield Finding(
                self.id, self.severity, problem.message, problem.obj, problem.url
            )


# Kept sorted by id, so the order never depends on which module was imported first.
CHECKS: list[ComplianceCheck] = []


def register_check(
    check_id: str, severity: Severity, title: str
) -> Callable[[CheckFunction], CheckFunction]:
    """Decorator: add a check to the registry (an id may be registered once only)."""

    def register(function: CheckFunction) -> CheckFunction:
        if any(check.id == check_id for check in CHECKS):
            raise ImproperlyConfigured(
                f"Compliance check {check_id} is registered twice."
            )
        CHECKS.append(ComplianceCheck(check_id, title, severity, function))
        CHECKS.sort(key=lambda check: check.id)
        return function

    return register


_RUN_CACHE: contextvars.ContextVar[dict | None] = contextvars.ContextVar(
    "smgovernance_compliance_cache", default=None
)


def memo(key: tuple, load: Callable[[], object]) -> object:
    """Within one `run_checks()`, load shared rows once (the query budget is fixed)."""
    cache = _RUN_CACHE.get()
    if cache is None:
        return load()
    if key not in cache:
        cache[key] = load()
    return cache[key]


def run_checks(site: Site | None = None) -> list[Finding]:
    """All findings, most severe first, in registry order otherwise."""
    findings: list[Finding] = []
    token = _RUN_CACHE.set({})
    try:
        for check in CHECKS:
            findings.extend(check.run(site))
    finally:
        _RUN_CACHE.reset(token)
    findings.sort(key=lambda f: -SEVERITY_RANK[Severity(f.severity)])
    return findings


def findings_for(obj: models.Model, findings: Iterable[Finding]) -> list[Finding]:
    """The findings that concern one page or record."""

    def same(other: object) -> bool:
        if isinstance(other, Page) and isinstance(obj, Page):
            return other.pk == obj.pk
        return (
            isinstance(other, models.Model)
            and other._meta.concrete_model is obj._meta.concrete_model
            and other.pk == obj.pk
        )

    return [f for f in findings if same(f.obj)]


def exceeds(findings: Iterable[Finding], threshold: str) -> bool:
    """True when any finding is at or above the severity `threshold`."""
    rank = SEVERITY_RANK[Severity(threshold)]
    return any(SEVERITY_RANK[Severity(f.severity)] >= rank for f in findings)
