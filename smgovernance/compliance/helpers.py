"""Shared lookups of the checks: admin edit URLs and rows loaded once per run."""

import datetime
from collections.abc import Iterator

from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from wagtail.models import Page, Site

from ..bodies import has_site, site_of_page
from ..models import (
    AwarenessAction,
    ChannelProfilePage,
    EvaluationRecord,
    ThirdPartyProvider,
    UsageConceptPage,
)
from ..rules.stages import PUBLIC_STAGES
from .registry import (
    Finding,
    Problem,
    Severity,
    memo,
    register_check,
    run_scoped,
    several_sites,
)


def today() -> datetime.date:
    return timezone.localdate()


def short_date(value: datetime.date) -> str:
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


def pages(model: type[Page], site: Site | None) -> models.QuerySet:
    queryset = model.objects.all()
    if site is not None:
        queryset = queryset.in_site(site)
    return queryset


def public_channels(site: Site | None) -> models.QuerySet:
    """Live channels in a stage that puts them on a platform."""
    return (
        pages(ChannelProfilePage, site)
        .live()
        .filter(stage__in=PUBLIC_STAGES)
        .order_by("path")
    )


def channel_rows(site: Site | None) -> models.QuerySet:
    """Channels in a stage that puts them on a platform, live or not, as the checks
    read them: with platform, history, successors, archive handovers and the date of
    the latest privacy-awareness action (`last_awareness_action`)."""
    latest_action = (
        AwarenessAction.objects.filter(channels=models.OuterRef("pk"))
        .order_by("-date")
        .values("date")[:1]
    )
    return (
        pages(ChannelProfilePage, site)
        .filter(stage__in=PUBLIC_STAGES)
        .order_by("path")
        .select_related("platform")
        .annotate(last_awareness_action=models.Subquery(latest_action))
        .prefetch_related("stage_changes", "successors", "archive_handovers")
    )


def public_stage_channels(site: Site | None) -> list[ChannelProfilePage]:
    """`channel_rows(site)`, loaded once per run: four queries."""
    return memo(
        ("channels", site.pk if site else None), lambda: list(channel_rows(site))
    )


def public_channel_list(site: Site | None) -> list[ChannelProfilePage]:
    """Live channels on a platform (the ones the imprint and privacy page list)."""
    return [channel for channel in public_stage_channels(site) if channel.live]


def site_of(obj: models.Model) -> Site | None:
    """The body a page or record belongs to; None for shared rows (platforms)."""
    if isinstance(obj, Page):
        return site_of_page(obj) if obj.path else None
    if has_site(obj):
        return obj.site
    return None


def run_checks_for(obj: models.Model, site: Site | None = None) -> list[Finding]:
    """The findings about one page or record (for the page editor): only the
    checks that concern its type run, and a channel's checks see that channel only.

    Same findings as `findings_for(obj, run_checks(site))` (tested). Without a
    site on an installation of several bodies, the checks run for the body the
    page or record belongs to, as `run_checks()` checks each body on its own.
    """
    if site is None and several_sites():
        site = site_of(obj)
    seed = {}
    if isinstance(obj, ChannelProfilePage):
        seed[("channels", site.pk if site else None)] = list(
            channel_rows(site).filter(pk=obj.pk)
        )
    return run_scoped(obj, seed, site)


def live_page(model: type[Page], site: Site | None) -> Page | None:
    return memo(
        (model._meta.label, site.pk if site else None),
        lambda: pages(model, site).live().order_by("path").first(),
    )


def child_rows(page: Page, accessor: str) -> list[models.Model]:
    """A page's inline rows (`page.<accessor>.all()`), read once per run and page
    object (an edited page's unsaved rows are never mixed with the live ones)."""
    return memo(
        ("children", id(page), accessor), lambda: list(getattr(page, accessor).all())
    )


def concept_page(site: Site | None) -> UsageConceptPage | None:
    return live_page(UsageConceptPage, site)


def latest_evaluation(site: Site | None = None) -> EvaluationRecord | None:
    """The site's latest submitted evaluation (None: of the whole installation)."""
    return memo(
        ("latest_evaluation", site.pk if site else None),
        lambda: (
            EvaluationRecord.objects.for_site(site)
            .filter(submitted=True)
            .order_by("-date", "-pk")
            .first()
        ),
    )


def third_country_providers() -> list[ThirdPartyProvider]:
    """Providers outside the EU/EEA, by name: one query shared by two checks."""
    return memo(
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


def required_page(label: str, site: Site | None, message: str) -> Iterator[Problem]:
    """One problem when the page type `label` is installed but has no live page.

    Page types of other parts of the extension are looked up by label, so the
    check simply yields nothing while the type does not exist.
    """
    model = installed_model(label)
    if model is None:
        return
    if live_page(model, site) is not None:
        return
    page = pages(model, site).order_by("path").first()
    yield Problem(message, page, page_edit_url(page) if page is not None else "")


def register_required_page(
    check_id: str, title: Promise, label: str, message: Promise, doc: str
) -> None:
    """Register an error check: the page type `label` has a live page (see `required_page`)."""

    def check(site: Site | None) -> Iterator[Problem]:
        yield from required_page(label, site, str(message))

    check.__name__ = check.__qualname__ = f"{label.rsplit('.', 1)[-1].lower()}_required"
    check.__doc__ = doc
    register_check(check_id, Severity.ERROR, title, concerns=(label,))(check)
