"""Declarative registry of the obligations the CMS can check (STYLE.md §8).

Every check is a pure function over the models: it reads, never writes, and
yields `Finding`s. The admin report, the dashboard panel, the page editor and
the `smgovernance_check` command all iterate `CHECKS` through `run_checks()`.

Checks keep to one or two queries each, so a run stays cheap for thousands of
channels. A check about a page type that is not installed yields nothing.
"""

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from .models import (
    PUBLIC_STAGES,
    AwarenessAction,
    ChannelProfilePage,
    EvaluationRecord,
    ResponsiblePerson,
    ThirdPartyProvider,
    TransferBasis,
    UsageConceptPage,
)


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
class ComplianceCheck:
    id: str  # "smgovernance.C001"
    title: str  # gettext_lazy, English msgid
    severity: Severity
    run: Callable[[Site | None], Iterable[Finding]]  # pure: reads models only


# --------------------------------------------------------------------------
# Helpers


def _days(name: str, default: int) -> datetime.timedelta:
    return datetime.timedelta(days=getattr(settings, name, default))


def today() -> datetime.date:
    return timezone.localdate()


def _d(value: datetime.date) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")


def page_edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def snippet_edit_url(obj: models.Model) -> str:
    opts = obj._meta
    return reverse(
        f"wagtailsnippets_{opts.app_label}_{opts.model_name}:edit", args=[obj.pk]
    )


def modeladmin_url(
    model: type[models.Model], action: str, pk: int | None = None
) -> str:
    opts = model._meta
    name = f"{opts.app_label}_{opts.model_name}_modeladmin_{action}"
    return reverse(name, args=[pk] if pk is not None else [])


def _pages(model: type[Page], site: Site | None) -> models.QuerySet:
    pages = model.objects.all()
    if site is not None:
        pages = pages.in_site(site)
    return pages


def _public_channels(site: Site | None) -> models.QuerySet:
    return (
        _pages(ChannelProfilePage, site)
        .live()
        .filter(stage__in=PUBLIC_STAGES)
        .order_by("path")
    )


def concept_page(site: Site | None) -> UsageConceptPage | None:
    return _pages(UsageConceptPage, site).live().order_by("path").first()


def latest_evaluation() -> EvaluationRecord | None:
    return (
        EvaluationRecord.objects.filter(submitted=True).order_by("-date", "-pk").first()
    )


def installed_model(label: str) -> type[models.Model] | None:
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def required_page(
    label: str, site: Site | None, check_id: str, message: str
) -> Iterator[Finding]:
    """One finding when the page type `label` is installed but has no live page.

    Page types of other parts of the extension are looked up by label, so the
    check simply yields nothing while the type does not exist.
    """
    model = installed_model(label)
    if model is None:
        return
    pages = _pages(model, site).order_by("path")
    if pages.live().exists():
        return
    page = pages.first()
    yield Finding(
        check_id,
        Severity.ERROR,
        message,
        page,
        page_edit_url(page) if page is not None else "",
    )


# --------------------------------------------------------------------------
# Checks


def concept_unpublished(site: Site | None) -> Iterator[Finding]:
    """O-16: the concept must be publicly accessible."""
    yield from required_page(
        "smgovernance.UsageConceptPage",
        site,
        "smgovernance.C001",
        gettext("The usage concept page is missing or not published."),
    )


def evaluation_overdue(site: Site | None) -> Iterator[Finding]:
    """O-16, seed §6: the concept is evaluated once a year."""
    latest = latest_evaluation()
    interval = _days("SMGOVERNANCE_EVALUATION_INTERVAL_DAYS", 365)
    create_url = modeladmin_url(EvaluationRecord, "create")
    if latest is None:
        yield Finding(
            "smgovernance.C002",
            Severity.ERROR,
            gettext("No evaluation of the usage concept has been submitted yet."),
            None,
            create_url,
        )
        return
    due = min(latest.next_due or latest.date + interval, latest.date + interval)
    if due < today():
        yield Finding(
            "smgovernance.C002",
            Severity.ERROR,
            gettext(
                "The yearly evaluation is overdue: the last one is of %(date)s, "
                "the next was due on %(due)s."
            )
            % {"date": _d(latest.date), "due": _d(due)},
            latest,
            create_url,
        )


def evaluation_unpublished(site: Site | None) -> Iterator[Finding]:
    """O-16: the evaluation must be published along with the concept."""
    latest = latest_evaluation()
    if latest is not None and not latest.published:
        yield Finding(
            "smgovernance.C003",
            Severity.WARNING,
            gettext("The latest evaluation (%(date)s) is not published.")
            % {"date": _d(latest.date)},
            latest,
            modeladmin_url(EvaluationRecord, "inspect", latest.pk),
        )


def activation_field() -> str | None:
    """Name of the channel's activation date field, or None while it does not exist."""
    name = getattr(settings, "SMGOVERNANCE_CHANNEL_ACTIVATION_FIELD", "activated_on")
    try:
        ChannelProfilePage._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return name


def concept_older_than_channel(site: Site | None) -> Iterator[Finding]:
    """Seed §6: the concept is updated when a new channel starts."""
    field = activation_field()
    concept = concept_page(site)
    if field is None or concept is None:
        return
    version_date = concept.version_date
    later = _public_channels(site).filter(
        **{
            f"{field}__date__gt"
            if _is_datetime(field)
            else f"{field}__gt": version_date
        }
    )
    for channel in later.only("pk", "title", "path", "depth"):
        yield Finding(
            "smgovernance.C004",
            Severity.ERROR,
            gettext(
                "The channel “%(channel)s” went on a platform after the concept "
                "version of %(date)s: update the usage concept."
            )
            % {"channel": channel.title, "date": _d(version_date)},
            concept,
            page_edit_url(concept),
        )


def _is_datetime(field: str) -> bool:
    return isinstance(ChannelProfilePage._meta.get_field(field), models.DateTimeField)


def awareness_overdue(site: Site | None) -> Iterator[Finding]:
    """O-10: users are made aware of the privacy risks regularly, on every channel."""
    since = today() - _days("SMGOVERNANCE_AWARENESS_INTERVAL_DAYS", 183)
    channels = (
        _public_channels(site)
        .annotate(last_action=Max("awareness_actions__date"))
        .filter(Q(last_action__isnull=True) | Q(last_action__lt=since))
        .only("pk", "title", "path", "depth")
    )
    for channel in channels:
        yield Finding(
            "smgovernance.C005",
            Severity.WARNING,
            gettext(
                "No privacy-awareness action on the channel “%(channel)s” since "
                "%(date)s."
            )
            % {"channel": channel.title, "date": _d(since)},
            channel,
            modeladmin_url(AwarenessAction, "create"),
        )


def person_unverified(site: Site | None) -> Iterator[Finding]:
    """O-5: names and contacts are confirmed at least once a year."""
    since = today() - _days("SMGOVERNANCE_VERIFICATION_INTERVAL_DAYS", 365)
    stale = ResponsiblePerson.objects.filter(
        Q(verified_on__isnull=True) | Q(verified_on__lt=since)
    )
    for person in stale:
        yield Finding(
            "smgovernance.C006",
            Severity.WARNING,
            gettext("The details of %(person)s have not been confirmed since %(date)s.")
            % {"person": person.name, "date": _d(since)},
            person,
            snippet_edit_url(person),
        )


def provider_check_stale(site: Site | None) -> Iterator[Finding]:
    """O-27: the third-country transfer basis is re-checked yearly."""
    since = today() - _days("SMGOVERNANCE_VERIFICATION_INTERVAL_DAYS", 365)
    stale = ThirdPartyProvider.objects.filter(is_third_country=True).filter(
        Q(dpf_checked_on__isnull=True) | Q(dpf_checked_on__lt=since)
    )
    for provider in stale:
        yield Finding(
            "smgovernance.C007",
            Severity.WARNING,
            gettext(
                "The transfer basis of %(provider)s has not been checked since %(date)s."
            )
            % {"provider": provider.name, "date": _d(since)},
            provider,
            snippet_edit_url(provider),
        )


def provider_without_transfer_basis(site: Site | None) -> Iterator[Finding]:
    """O-27, Art. 13(1)(f) GDPR: a third-country transfer needs a basis."""
    missing = ThirdPartyProvider.objects.filter(
        is_third_country=True,
        transfer_basis__in=[TransferBasis.NONE, TransferBasis.NOT_NEEDED],
    )
    for provider in missing:
        yield Finding(
            "smgovernance.C008",
            Severity.ERROR,
            gettext(
                "%(provider)s processes data outside the EU/EEA without a transfer basis."
            )
            % {"provider": provider.name},
            provider,
            snippet_edit_url(provider),
        )


def channel_privacy_incomplete(site: Site | None) -> Iterator[Finding]:
    """O-7: every channel on a platform has its own privacy notice."""
    incomplete = _public_channels(site).filter(
        Q(privacy_purposes="") | Q(legal_basis="") | Q(retention="")
    )
    for channel in incomplete.only("pk", "title", "path", "depth"):
        yield Finding(
            "smgovernance.C009",
            Severity.ERROR,
            gettext(
                "The privacy notice of the channel “%(channel)s” is incomplete "
                "(purposes, legal basis and retention are required)."
            )
            % {"channel": channel.title},
            channel,
            page_edit_url(channel),
        )


def channel_outdated_host(site: Site | None) -> Iterator[Finding]:
    """O-6, O-13: profile addresses use the platform's current host (x.com, not twitter.com)."""
    for channel in (
        _public_channels(site)
        .select_related("platform")
        .only("pk", "title", "path", "depth", "profile_url", "platform__outdated_hosts")
    ):
        host = (channel.profile_url.split("//", 1)[-1].split("/", 1)[0]).lower()
        if host in channel.platform.outdated_host_list:
            yield Finding(
                "smgovernance.C010",
                Severity.WARNING,
                gettext(
                    "The channel “%(channel)s” still links to the outdated host %(host)s."
                )
                % {"channel": channel.title, "host": host},
                channel,
                page_edit_url(channel),
            )


def imprint_unpublished(site: Site | None) -> Iterator[Finding]:
    """O-4: the imprint is always available."""
    yield from required_page(
        "smgovernance.ImprintPage",
        site,
        "smgovernance.C011",
        gettext("The imprint is missing or not published."),
    )


def privacy_unpublished(site: Site | None) -> Iterator[Finding]:
    """O-7: the privacy notices are always available."""
    yield from required_page(
        "smgovernance.PrivacyPage",
        site,
        "smgovernance.C012",
        gettext("The privacy page is missing or not published."),
    )


def contact_unpublished(site: Site | None) -> Iterator[Finding]:
    """O-11: the alternative contacts are always available."""
    yield from required_page(
        "smgovernance.AlternativeContactPage",
        site,
        "smgovernance.C013",
        gettext("The alternative-contact page is missing or not published."),
    )


def accessibility_statement_unpublished(site: Site | None) -> Iterator[Finding]:
    """O-22: the accessibility statement is reachable from every page."""
    yield from required_page(
        "smgovernance.AccessibilityStatementPage",
        site,
        "smgovernance.C014",
        gettext("The accessibility statement is missing or not published."),
    )


CHECKS: tuple[ComplianceCheck, ...] = (
    ComplianceCheck(
        "smgovernance.C001",
        _("The usage concept is published"),
        Severity.ERROR,
        concept_unpublished,
    ),
    ComplianceCheck(
        "smgovernance.C002",
        _("The yearly evaluation is not overdue"),
        Severity.ERROR,
        evaluation_overdue,
    ),
    ComplianceCheck(
        "smgovernance.C003",
        _("The latest evaluation is published"),
        Severity.WARNING,
        evaluation_unpublished,
    ),
    ComplianceCheck(
        "smgovernance.C004",
        _("The concept was updated after every channel activation"),
        Severity.ERROR,
        concept_older_than_channel,
    ),
    ComplianceCheck(
        "smgovernance.C005",
        _("Every channel had a recent privacy-awareness action"),
        Severity.WARNING,
        awareness_overdue,
    ),
    ComplianceCheck(
        "smgovernance.C006",
        _("Responsible persons were confirmed within the interval"),
        Severity.WARNING,
        person_unverified,
    ),
    ComplianceCheck(
        "smgovernance.C007",
        _("Platform operators' transfer bases were checked within the interval"),
        Severity.WARNING,
        provider_check_stale,
    ),
    ComplianceCheck(
        "smgovernance.C008",
        _("Third-country platform operators have a transfer basis"),
        Severity.ERROR,
        provider_without_transfer_basis,
    ),
    ComplianceCheck(
        "smgovernance.C009",
        _("Every channel on a platform has a complete privacy notice"),
        Severity.ERROR,
        channel_privacy_incomplete,
    ),
    ComplianceCheck(
        "smgovernance.C010",
        _("Channels use their platform's current host"),
        Severity.WARNING,
        channel_outdated_host,
    ),
    ComplianceCheck(
        "smgovernance.C011",
        _("The imprint is published"),
        Severity.ERROR,
        imprint_unpublished,
    ),
    ComplianceCheck(
        "smgovernance.C012",
        _("The privacy page is published"),
        Severity.ERROR,
        privacy_unpublished,
    ),
    ComplianceCheck(
        "smgovernance.C013",
        _("The alternative-contact page is published"),
        Severity.ERROR,
        contact_unpublished,
    ),
    ComplianceCheck(
        "smgovernance.C014",
        _("The accessibility statement is published"),
        Severity.ERROR,
        accessibility_statement_unpublished,
    ),
)


def run_checks(site: Site | None = None) -> list[Finding]:
    """All findings, most severe first, in registry order otherwise."""
    findings: list[Finding] = []
    for check in CHECKS:
        findings.extend(check.run(site))
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
