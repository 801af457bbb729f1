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
from dataclasses import dataclass, replace

from django.apps import apps
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
    site: Site | None = None  # the body whose run found it (None: a run over all)


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
    # The models whose records the findings are about (the page editor runs a check
    # only for pages of these types); empty: the check concerns no page.
    # A model named by label ("app.Model") may be absent: then it concerns nothing.
    concerns: tuple[type[models.Model] | str, ...] = ()

    def concerns_object(self, obj: models.Model) -> bool:
        for model in self.concerns:
            if isinstance(model, str):
                try:
                    model = apps.get_model(model)
                except LookupError:
                    continue
            if isinstance(obj, model):
                return True
        return False

    def run(self, site: Site | None) -> Iterator[Finding]:
        """The check's findings, each stamped with its id and severity."""
        for problem in self.function(site):
            yield Finding(
                self.id, self.severity, problem.message, problem.obj, problem.url, site
            )


# Kept sorted by id, so the order never depends on which module was imported first.
CHECKS: list[ComplianceCheck] = []


def register_check(
    check_id: str,
    severity: Severity,
    title: str,
    concerns: tuple[type[models.Model] | str, ...] = (),
) -> Callable[[CheckFunction], CheckFunction]:
    """Decorator: add a check to the registry (an id may be registered once only).

    `concerns` names the models the check's findings are about, so the page
    editor can run only the checks about the page being edited.
    """

    def register(function: CheckFunction) -> CheckFunction:
        if any(check.id == check_id for check in CHECKS):
            raise ImproperlyConfigured(
                f"Compliance check {check_id} is registered twice."
            )
        CHECKS.append(
            ComplianceCheck(check_id, title, severity, function, tuple(concerns))
        )
        CHECKS.sort(key=lambda check: check.id)
        return function

    return register


_RUN_CACHE: contextvars.ContextVar[dict | None] = contextvars.ContextVar(
    "smgovernance_compliance_cache", default=None
)
_SCOPE: contextvars.ContextVar[models.Model | None] = contextvars.ContextVar(
    "smgovernance_compliance_scope", default=None
)


def scope() -> models.Model | None:
    """The one record a `run_checks_for()` is about, else None (a full run).

    A check over many records may narrow itself to this one; it must then yield
    exactly the findings about it that a full run yields.
    """
    return _SCOPE.get()


def memo(key: tuple, load: Callable[[], object]) -> object:
    """Within one `run_checks()`, load shared rows once (the query budget is fixed)."""
    cache = _RUN_CACHE.get()
    if cache is None:
        return load()
    if key not in cache:
        cache[key] = load()
    return cache[key]


def several_sites() -> bool:
    """Whether the installation has more than one Site (body).

    Read from Wagtail's cached site root paths, which Wagtail drops whenever a
    Site changes: a run on a one-site installation costs no query for this.
    """
    return len(Site.get_site_root_paths()) > 1


def all_sites() -> list[Site]:
    return list(Site.objects.select_related("root_page").order_by("hostname", "port"))


def by_severity(findings: list[Finding]) -> list[Finding]:
    """Most severe first; a stable sort keeps registry (and site) order otherwise."""
    return sorted(findings, key=lambda f: -SEVERITY_RANK[Severity(f.severity)])


def run_checks(site: Site | None = None) -> list[Finding]:
    """All findings of `site`, most severe first, in registry order otherwise.

    Without a site on an installation of several bodies: each site is checked on
    its own (a site without an imprint has its own finding) and the runs are
    concatenated, then sorted by severity. Shared rows (the platform operators)
    are loaded once for all of them.
    """
    sites = all_sites() if site is None and several_sites() else [site]
    findings: list[Finding] = []
    token = _RUN_CACHE.set({})
    try:
        for one in sites:
            for check in CHECKS:
                findings.extend(check.run(one))
    finally:
        _RUN_CACHE.reset(token)
    if len(sites) > 1:
        findings = once_for_shared_data(findings)
    return by_severity(findings)


def is_shared(obj: object) -> bool:
    """A record of the shared reference data (a platform operator): no body's own."""
    return (
        isinstance(obj, models.Model)
        and not isinstance(obj, Page)
        and not any(hasattr(obj, name) for name in ("site_id", "page_id", "channel_id"))
    )


def once_for_shared_data(findings: list[Finding]) -> list[Finding]:
    """A finding about shared data is the same in every site's run: keep it once,
    as a finding of the whole installation."""
    seen: set[tuple] = set()
    result = []
    for finding in findings:
        if is_shared(finding.obj):
            key = (finding.check_id, finding.message, finding.url)
            if key in seen:
                continue
            seen.add(key)
            finding = replace(finding, site=None)
        result.append(finding)
    return result


def run_scoped(
    obj: models.Model, seed: dict | None = None, site: Site | None = None
) -> list[Finding]:
    """The findings about one page or record, running only the checks that concern it.

    Gives the same findings as `findings_for(obj, run_checks(site))`, without the
    cost of checking every other record. `seed` pre-loads rows shared through
    `memo()` (e.g. the channel list narrowed to `obj`).
    """
    findings: list[Finding] = []
    run_token = _RUN_CACHE.set(dict(seed or {}))
    scope_token = _SCOPE.set(obj)
    try:
        for check in CHECKS:
            if check.concerns_object(obj):
                findings.extend(check.run(site))
    finally:
        _SCOPE.reset(scope_token)
        _RUN_CACHE.reset(run_token)
    return findings_for(obj, by_severity(findings))


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
