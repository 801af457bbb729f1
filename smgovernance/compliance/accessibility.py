"""Checks of accessibility (BITV 2.0): the statement and video transcripts."""

from collections.abc import Iterator

from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from ..models import AccessibilityStatementPage, ConformanceStatus, VideoPage
from ..rules.deadlines import accessibility_interval
from .helpers import (
    live_page,
    page_edit_url,
    pages,
    register_required_page,
    short_date,
    today,
)
from .registry import Problem, Severity, register_check


register_required_page(
    "smgovernance.C014",
    _("The accessibility statement is published"),
    "smgovernance.AccessibilityStatementPage",
    _("The accessibility statement is missing or not published."),
    "O-22: the accessibility statement is reachable from every page.",
)


@register_check("smgovernance.C023", Severity.ERROR, _("Videos have a transcript"))
def video_without_transcript(site: Site | None) -> Iterator[Problem]:
    """O-25: a video published since 23 Sept 2020 has a transcript (BITV 2.0)."""
    videos = pages(VideoPage, site).live().order_by("path")
    for video in videos.only(
        "pk", "title", "path", "depth", "publication_date", "transcript"
    ):
        if video.transcript_required and not strip_tags(video.transcript or "").strip():
            yield Problem(
                gettext("The video “%(video)s” has no transcript.")
                % {"video": video.title},
                video,
                page_edit_url(video),
            )


@register_check(
    "smgovernance.C024",
    Severity.ERROR,
    _("The accessibility statement was reviewed within a year"),
)
def accessibility_statement_stale(site: Site | None) -> Iterator[Problem]:
    """O-22: the accessibility statement is reviewed at least once a year."""
    since = today() - accessibility_interval()
    statement = live_page(AccessibilityStatementPage, site)
    if statement is not None and statement.stand < since:
        yield Problem(
            gettext(
                "The accessibility statement (as of %(date)s) is older than a year: "
                "review it."
            )
            % {"date": short_date(statement.stand)},
            statement,
            page_edit_url(statement),
        )


@register_check(
    "smgovernance.C025",
    Severity.ERROR,
    _("A partly compliant accessibility statement lists its barriers"),
)
def accessibility_barriers_missing(site: Site | None) -> Iterator[Problem]:
    """O-22: a statement that is not fully compliant lists the known barriers."""
    statement = live_page(AccessibilityStatementPage, site)
    if (
        statement is not None
        and statement.conformance_status != ConformanceStatus.FULL
        and not len(statement.known_barriers)
    ):
        yield Problem(
            gettext(
                "The accessibility statement is not fully compliant but lists no "
                "known barriers."
            ),
            statement,
            page_edit_url(statement),
        )
