"""Declarative registry of the obligations the CMS can check (STYLE.md §8).

Every check is a pure function over the models: it reads, never writes, and
yields `Finding`s. The admin report, the dashboard panel, the page editor and
the `smgovernance_check` command all iterate `CHECKS` through `run_checks()`.

Checks keep to one or two queries each, so a run stays cheap for thousands of
channels. A check about a page type that is not installed yields nothing.
"""

import contextvars
import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from .models import (
    PUBLIC_STAGES,
    AccessibilityStatementPage,
    AlternativeContactPage,
    AwarenessAction,
    ChannelProfilePage,
    ChannelStage,
    ContentPage,
    EvaluationRecord,
    ImprintPage,
    PrivacyPage,
    ResponsiblePerson,
    ThirdPartyProvider,
    TransferBasis,
    UsageConceptPage,
    VideoPage,
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


_RUN_CACHE: contextvars.ContextVar[dict | None] = contextvars.ContextVar(
    "smgovernance_compliance_cache", default=None
)


def _memo(key: tuple, load: Callable[[], object]) -> object:
    """Within one `run_checks()`, load shared rows once (the query budget is fixed)."""
    cache = _RUN_CACHE.get()
    if cache is None:
        return load()
    if key not in cache:
        cache[key] = load()
    return cache[key]


def public_channel_list(site: Site | None) -> list[ChannelProfilePage]:
    """Live channels on a platform, with platform and history: three queries per run."""
    return _memo(
        ("channels", site.pk if site else None),
        lambda: list(
            _public_channels(site)
            .select_related("platform")
            .prefetch_related("stage_changes", "successors")
        ),
    )


def _live_page(model: type[Page], site: Site | None) -> Page | None:
    return _memo(
        (model._meta.label, site.pk if site else None),
        lambda: _pages(model, site).live().order_by("path").first(),
    )


def concept_page(site: Site | None) -> UsageConceptPage | None:
    return _live_page(UsageConceptPage, site)


def latest_evaluation() -> EvaluationRecord | None:
    return _memo(
        ("latest_evaluation",),
        lambda: (
            EvaluationRecord.objects.filter(submitted=True)
            .order_by("-date", "-pk")
            .first()
        ),
    )


def third_country_providers() -> list[ThirdPartyProvider]:
    """Providers outside the EU/EEA, by name: one query shared by two checks."""
    return _memo(
        ("third_country_providers",),
        lambda: list(
            ThirdPartyProvider.objects.filter(is_third_country=True).order_by("name")
        ),
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
    if _live_page(model, site) is not None:
        return
    page = _pages(model, site).order_by("path").first()
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


def concept_older_than_channel(site: Site | None) -> Iterator[Finding]:
    """Seed §6: the concept is updated when a new channel starts.

    The activation date is the channel's stage history: a change to "active"
    after the concept version's date means the concept is due for an update.
    """
    concept = concept_page(site)
    if concept is None:
        return
    version_date = concept.version_date
    for channel in public_channel_list(site):
        if any(
            change.stage == ChannelStage.ACTIVE and change.changed_on > version_date
            for change in channel.stage_changes.all()
        ):
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
    stale = [
        p
        for p in third_country_providers()
        if p.dpf_checked_on is None or p.dpf_checked_on < since
    ]
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
    missing = [
        p
        for p in third_country_providers()
        if p.transfer_basis in (TransferBasis.NONE, TransferBasis.NOT_NEEDED)
    ]
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
    for channel in public_channel_list(site):
        if not (channel.privacy_purposes and channel.legal_basis and channel.retention):
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
    for channel in public_channel_list(site):
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


def imprint_incomplete(site: Site | None) -> Iterator[Finding]:
    """O-1, O-3: the provider data and a responsible person are complete (§ 5 DDG, § 18 MStV)."""
    imprint = _live_page(ImprintPage, site)
    if imprint is None:
        return  # C011 reports it
    missing = [
        str(ImprintPage._meta.get_field(name).verbose_name)
        for name in ImprintPage.PROVIDER_FIELDS
        if not str(getattr(imprint, name) or "").strip()
    ]
    if not imprint.responsible_persons.exists():
        missing.append(gettext("person responsible for the content"))
    if missing:
        yield Finding(
            "smgovernance.C015",
            Severity.ERROR,
            gettext("The imprint is incomplete: %(missing)s.")
            % {"missing": ", ".join(missing)},
            imprint,
            page_edit_url(imprint),
        )


def imprint_unverified(site: Site | None) -> Iterator[Finding]:
    """O-5: the provider data is confirmed at least once a year."""
    imprint = _live_page(ImprintPage, site)
    since = today() - _days("SMGOVERNANCE_VERIFICATION_INTERVAL_DAYS", 365)
    if imprint is None:
        return
    verified = imprint.provider_verified_on
    if verified is None or verified < since:
        yield Finding(
            "smgovernance.C016",
            Severity.WARNING,
            gettext(
                "The provider data of the imprint has not been verified since %(date)s."
            )
            % {"date": _d(since)},
            imprint,
            page_edit_url(imprint),
        )


def _channel_finding(check_id: str, severity: str, message: str, channel) -> Finding:
    return Finding(
        check_id,
        severity,
        message % {"channel": channel.title},
        channel,
        page_edit_url(channel),
    )


def channel_imprint_link_missing(site: Site | None) -> Iterator[Finding]:
    """O-2: every channel on a platform links to the imprint; someone checked it."""
    for channel in public_channel_list(site):
        if channel.imprint_verified_on is None:
            yield _channel_finding(
                "smgovernance.C017",
                Severity.ERROR,
                gettext(
                    "Nobody has checked that the channel “%(channel)s” links to the "
                    "imprint."
                ),
                channel,
            )


def channel_imprint_link_stale(site: Site | None) -> Iterator[Finding]:
    """O-2, O-5: the imprint link on the platform profile is re-checked yearly."""
    since = today() - _days("SMGOVERNANCE_VERIFICATION_INTERVAL_DAYS", 365)
    for channel in public_channel_list(site):
        if channel.imprint_verified_on and channel.imprint_verified_on < since:
            yield _channel_finding(
                "smgovernance.C018",
                Severity.WARNING,
                gettext(
                    "The imprint link of the channel “%(channel)s” has not been "
                    "checked within the last year."
                ),
                channel,
            )


def channel_without_contact_page(site: Site | None) -> Iterator[Finding]:
    """O-11: pilot and active channels name the alternative ways to reach us."""
    for channel in public_channel_list(site):
        if (
            channel.stage in (ChannelStage.PILOT, ChannelStage.ACTIVE)
            and not channel.alternative_contact_page_id
        ):
            yield _channel_finding(
                "smgovernance.C019",
                Severity.ERROR,
                gettext(
                    "The channel “%(channel)s” does not name the alternative contact "
                    "page."
                ),
                channel,
            )


def channel_without_netiquette(site: Site | None) -> Iterator[Finding]:
    """O-12: where comments are on, the netiquette is linked."""
    for channel in public_channel_list(site):
        if channel.comments_enabled and not channel.netiquette_page_id:
            yield _channel_finding(
                "smgovernance.C020",
                Severity.ERROR,
                gettext(
                    "Comments are enabled on the channel “%(channel)s”, but no "
                    "netiquette is linked."
                ),
                channel,
            )


def channel_without_assessment(site: Site | None) -> Iterator[Finding]:
    """O-17: an active channel has its risk assessment and processing record."""
    for channel in public_channel_list(site):
        if channel.stage == ChannelStage.ACTIVE and not (
            channel.risk_assessment_on and channel.processing_record_ref.strip()
        ):
            yield _channel_finding(
                "smgovernance.C021",
                Severity.ERROR,
                gettext(
                    "The active channel “%(channel)s” lacks its risk assessment or "
                    "its entry in the record of processing activities."
                ),
                channel,
            )


def outdated_legal_references(site: Site | None) -> Iterator[Finding]:
    """O-6: no page cites repealed law (RStV, TMG …) or a stale company name."""
    from .legal_references import find_outdated_references_in_page

    pages: list[Page] = [
        page
        for model in (
            ImprintPage,
            PrivacyPage,
            AlternativeContactPage,
            UsageConceptPage,
        )
        if (page := _live_page(model, site)) is not None
    ]
    pages.extend(public_channel_list(site))
    for page in pages:
        matches = sorted({ref.match for ref in find_outdated_references_in_page(page)})
        if matches:
            yield Finding(
                "smgovernance.C022",
                Severity.WARNING,
                gettext("The page “%(page)s” cites outdated references: %(matches)s.")
                % {"page": page.title, "matches": ", ".join(matches)},
                page,
                page_edit_url(page),
            )


def video_without_transcript(site: Site | None) -> Iterator[Finding]:
    """O-25: a video published since 23 Sept 2020 has a transcript (BITV 2.0)."""
    videos = _pages(VideoPage, site).live().order_by("path")
    for video in videos.only(
        "pk", "title", "path", "depth", "publication_date", "transcript"
    ):
        if video.transcript_required and not strip_tags(video.transcript or "").strip():
            yield Finding(
                "smgovernance.C023",
                Severity.ERROR,
                gettext("The video “%(video)s” has no transcript.")
                % {"video": video.title},
                video,
                page_edit_url(video),
            )


def accessibility_statement_stale(site: Site | None) -> Iterator[Finding]:
    """O-22: the accessibility statement is reviewed at least once a year."""
    since = today() - _days("SMGOVERNANCE_ACCESSIBILITY_INTERVAL_DAYS", 365)
    statement = _live_page(AccessibilityStatementPage, site)
    if statement is not None and statement.stand < since:
        yield Finding(
            "smgovernance.C024",
            Severity.ERROR,
            gettext(
                "The accessibility statement (as of %(date)s) is older than a year: "
                "review it."
            )
            % {"date": _d(statement.stand)},
            statement,
            page_edit_url(statement),
        )


def accessibility_barriers_missing(site: Site | None) -> Iterator[Finding]:
    """O-22: a statement that is not fully compliant lists the known barriers."""
    statement = _live_page(AccessibilityStatementPage, site)
    if (
        statement is not None
        and statement.conformance_status != "full"
        and not len(statement.known_barriers)
    ):
        yield Finding(
            "smgovernance.C025",
            Severity.ERROR,
            gettext(
                "The accessibility statement is not fully compliant but lists no "
                "known barriers."
            ),
            statement,
            page_edit_url(statement),
        )


def public_channel_not_live(site: Site | None) -> Iterator[Finding]:
    """O-2, O-7: imprint and privacy page list only live channels, so each must be live."""
    channels = (
        _pages(ChannelProfilePage, site)
        .filter(live=False, stage__in=PUBLIC_STAGES)
        .order_by("path")
    )
    for channel in channels.only("pk", "title", "path", "depth"):
        yield _channel_finding(
            "smgovernance.C026",
            Severity.ERROR,
            gettext(
                "The channel “%(channel)s” is on a platform but its page is not "
                "published, so the imprint and the privacy page leave it out."
            ),
            channel,
        )


def content_findings(site: Site | None) -> Iterator[Finding]:
    """The editor's content checks (closed channels, unknown contacts …) over live pages."""
    from .content_checks import check_page, known_contacts

    def contacts() -> tuple[set[str], set[str]]:
        return _memo(("known_contacts",), known_contacts)

    for page in _pages(ContentPage, site).live().order_by("path"):
        for finding in check_page(page, load_contacts=contacts):
            yield Finding(
                "smgovernance.C027",
                Severity.WARNING,
                gettext("Page “%(page)s”: %(message)s")
                % {"page": page.title, "message": finding.message},
                page,
                page_edit_url(page),
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
    ComplianceCheck(
        "smgovernance.C015",
        _("The imprint is complete"),
        Severity.ERROR,
        imprint_incomplete,
    ),
    ComplianceCheck(
        "smgovernance.C016",
        _("The imprint's provider data was verified within the interval"),
        Severity.WARNING,
        imprint_unverified,
    ),
    ComplianceCheck(
        "smgovernance.C017",
        _("Every channel on a platform has a checked imprint link"),
        Severity.ERROR,
        channel_imprint_link_missing,
    ),
    ComplianceCheck(
        "smgovernance.C018",
        _("Imprint links of the channels were checked within the interval"),
        Severity.WARNING,
        channel_imprint_link_stale,
    ),
    ComplianceCheck(
        "smgovernance.C019",
        _("Pilot and active channels name the alternative contact page"),
        Severity.ERROR,
        channel_without_contact_page,
    ),
    ComplianceCheck(
        "smgovernance.C020",
        _("Channels with comments link the netiquette"),
        Severity.ERROR,
        channel_without_netiquette,
    ),
    ComplianceCheck(
        "smgovernance.C021",
        _("Active channels have a risk assessment and a processing record"),
        Severity.ERROR,
        channel_without_assessment,
    ),
    ComplianceCheck(
        "smgovernance.C022",
        _("No page cites outdated legal references"),
        Severity.WARNING,
        outdated_legal_references,
    ),
    ComplianceCheck(
        "smgovernance.C023",
        _("Videos have a transcript"),
        Severity.ERROR,
        video_without_transcript,
    ),
    ComplianceCheck(
        "smgovernance.C024",
        _("The accessibility statement was reviewed within a year"),
        Severity.ERROR,
        accessibility_statement_stale,
    ),
    ComplianceCheck(
        "smgovernance.C025",
        _("A partly compliant accessibility statement lists its barriers"),
        Severity.ERROR,
        accessibility_barriers_missing,
    ),
    ComplianceCheck(
        "smgovernance.C026",
        _("Channels on a platform have a published page"),
        Severity.ERROR,
        public_channel_not_live,
    ),
    ComplianceCheck(
        "smgovernance.C027",
        _("Content pages pass the editor's content checks"),
        Severity.WARNING,
        content_findings,
    ),
)


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
