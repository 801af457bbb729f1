"""Find references to repealed law and stale company names in editor text (O-6, C022).

Pure functions over strings and page field values; the page editor shows the findings
as a warning (`smgovernance.editor`), and check C022 runs them over the live pages.
"""

import functools
import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.models import get_all_child_relations
from wagtail.fields import StreamField
from wagtail.models import Page, Site

from ..models import (
    AlternativeContactPage,
    ChannelProfilePage,
    ImprintPage,
    PrivacyPage,
    UsageConceptPage,
)
from .helpers import child_rows, live_page, page_edit_url, public_channel_list
from .registry import Problem, Severity, register_check, scope


PAGE_TEXT_FIELDS = ("title", "seo_title", "search_description")
# The page types whose text C022 scans, besides the channels on a platform.
SCANNED_PAGES = (ImprintPage, PrivacyPage, AlternativeContactPage, UsageConceptPage)


@dataclass(frozen=True, slots=True)
class OutdatedReference:
    """One occurrence of an outdated reference; `field` is set by the page scanner."""

    match: str
    explanation: str
    replacement: str
    field: str = ""


@dataclass(frozen=True, slots=True)
class Pattern:
    regex: re.Pattern
    explanation: str
    replacement: str


# Word boundaries matter: "MStV" must not hit "RStV", "TDDDG" must not hit "TTDSG".
PATTERNS: tuple[Pattern, ...] = (
    Pattern(
        re.compile(r"§\s*55\s*Abs(?:atz|\.)?\s*2"),
        _("§ 55 (2) RStV was replaced by § 18 (2) MStV on 7 November 2020."),
        "§ 18 Abs. 2 MStV",
    ),
    Pattern(
        re.compile(r"(?<![\w-])RStV(?![\w-])|Rundfunkstaatsvertrag"),
        _(
            "The Rundfunkstaatsvertrag (RStV) was replaced by the Medienstaatsvertrag (MStV) on 7 November 2020."
        ),
        "MStV",
    ),
    Pattern(
        re.compile(r"(?<![\w-])TMG(?![\w-])|Telemediengesetz(?:es)?"),
        _(
            "The Telemediengesetz (TMG) was replaced by the Digitale-Dienste-Gesetz (DDG) on 14 May 2024."
        ),
        "DDG",
    ),
    Pattern(
        re.compile(r"(?<![\w-])TTDSG(?![\w-])"),
        _("The TTDSG was renamed TDDDG on 14 May 2024."),
        "TDDDG",
    ),
    Pattern(
        re.compile(r"Privacy[\s-]+Shield", re.IGNORECASE),
        _(
            "The EU-US Privacy Shield is invalid since the judgment of the CJEU of 16 July 2020 (C-311/18)."
        ),
        "EU-US Data Privacy Framework",
    ),
    Pattern(
        re.compile(r"Facebook,?\s+Ireland\s+(?:Ltd\b\.?|Limited\b)", re.IGNORECASE),
        _("Facebook Ireland Ltd. is now called Meta Platforms Ireland Ltd."),
        "Meta Platforms Ireland Ltd.",
    ),
    Pattern(
        re.compile(r"Facebook,?\s+Inc\b\.?", re.IGNORECASE),
        _("Facebook Inc. is now called Meta Platforms, Inc."),
        "Meta Platforms, Inc.",
    ),
    Pattern(
        re.compile(r"(?<![\w.-])(?:www\.)?twitter\.com\b", re.IGNORECASE),
        _("Twitter is now called X; profiles are at x.com."),
        "x.com",
    ),
)


# All patterns in one expression: most text has no hit, and one scan tells so.
ANY_PATTERN = re.compile(
    "|".join(
        f"(?{'i' if p.regex.flags & re.IGNORECASE else ''}:{p.regex.pattern})"
        for p in PATTERNS
    )
)


def find_outdated_references(text: str) -> list[OutdatedReference]:
    """Every outdated reference in `text`, in order of appearance.

    HTML (rich text) is reduced to its text first, so markup never hides or fakes a match.
    """
    if not text:
        return []
    plain = html.unescape(strip_tags(text)) if "<" in text else text
    plain = plain.replace("\xa0", " ")
    if ANY_PATTERN.search(plain) is None:
        return []
    hits: list[tuple[int, OutdatedReference]] = []
    for pattern in PATTERNS:
        for match in pattern.regex.finditer(plain):
            hits.append(
                (
                    match.start(),
                    OutdatedReference(
                        match=match.group(0),
                        explanation=str(pattern.explanation),
                        replacement=pattern.replacement,
                    ),
                )
            )
    return [reference for _start, reference in sorted(hits, key=lambda hit: hit[0])]


def _strings(value: object) -> Iterator[str]:
    """All strings inside a (nested) StreamField raw value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


@functools.cache
def _scanned_fields(
    model: type[models.Model], language: str | None
) -> tuple[tuple[models.Field, str], ...]:
    """The model's text, rich text and StreamField fields with their translated
    labels: worked out once per model and language, not once per record."""
    fields = []
    for field in model._meta.concrete_fields:
        if field.model is Page and field.name not in PAGE_TEXT_FIELDS:
            continue
        if isinstance(field, StreamField | models.CharField | models.TextField):
            fields.append((field, str(field.verbose_name)))
    return tuple(fields)


def _text_fields(
    instance: models.Model, skip: Iterable[str] = ()
) -> Iterator[tuple[str, str]]:
    """(field label, text) of the instance's own text, rich text and StreamField fields."""
    for field, label in _scanned_fields(type(instance), get_language()):
        if field.name in skip:
            continue
        if isinstance(field, StreamField):
            stream = getattr(instance, field.name)
            raw = stream.raw_data if hasattr(stream, "raw_data") else stream
            for text in _strings(list(raw) if raw is not None else []):
                yield label, text
        elif isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.name)
            if value:
                yield label, value


def find_outdated_references_in_page(page: Page) -> list[OutdatedReference]:
    """Scan a page's text fields, rich text, StreamFields and inline (orderable) rows."""
    page = page.specific
    findings: list[OutdatedReference] = []
    sources = list(_text_fields(page))
    for relation in get_all_child_relations(page):
        if relation.related_model._meta.app_label == "wagtailcore":
            continue  # editors' comments are not published text
        for child in child_rows(page, relation.get_accessor_name()):
            sources.extend(_text_fields(child, skip=(relation.field.name,)))
    for label, text in sources:
        for reference in find_outdated_references(text):
            findings.append(
                OutdatedReference(
                    match=reference.match,
                    explanation=reference.explanation,
                    replacement=reference.replacement,
                    field=label,
                )
            )
    return findings


@register_check(
    "smgovernance.C022",
    Severity.WARNING,
    _("No page cites outdated legal references"),
    concerns=(*SCANNED_PAGES, ChannelProfilePage),
)
def outdated_legal_references(site: Site | None) -> Iterator[Problem]:
    """O-6: no page cites repealed law (RStV, TMG …) or a stale company name."""
    only = scope()  # the page editor asks about one page
    scanned: list[Page] = [
        page
        for model in SCANNED_PAGES
        if (only is None or isinstance(only, model))
        and (page := live_page(model, site)) is not None
    ]
    if only is None or isinstance(only, ChannelProfilePage):
        scanned.extend(public_channel_list(site))
    for page in scanned:
        matches = sorted({ref.match for ref in find_outdated_references_in_page(page)})
        if matches:
            yield Problem(
                gettext("The page “%(page)s” cites outdated references: %(matches)s.")
                % {"page": page.title, "matches": ", ".join(matches)},
                page,
                page_edit_url(page),
            )
