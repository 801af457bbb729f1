"""The dashboard's findings, computed at most once a minute: the count per
severity and the most serious findings.

The summary is kept in the cache for `SUMMARY_SECONDS`, one per site and one for
the whole installation, and all are dropped whenever content changes (a page is
published, unpublished or deleted; a record of the extension is saved or
deleted), so a new error shows on the next dashboard view after the change and,
for errors that come with time (a deadline passing), at most a minute late.

Dropping them all at once works through a generation number that is part of
every summary's key: a change drops the number, the next read starts a new one
from the clock, and the old entries are never read again (they expire on their
own). A change costs one cache operation, as a single summary did.
"""

import time
from collections import Counter

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished

from .registry import run_checks


SUMMARY_KEY = "smgovernance:compliance-summary"
GENERATION_KEY = "smgovernance:compliance-summary-generation"
SUMMARY_SECONDS = 60


# How many findings the dashboard names; the report lists them all.
TOP_FINDINGS = 5


def generation() -> int:
    """The current generation of the summaries; a new one after a change.

    A new number comes from the clock, never from a counter that could start
    again at 0, so an entry of an earlier generation cannot come back.
    """
    number = cache.get(GENERATION_KEY)
    if number is None:
        number = time.time_ns()
        if not cache.add(GENERATION_KEY, number, None):
            number = cache.get(GENERATION_KEY, number)
    return number


def summary_key(site: Site | None = None) -> str:
    """The cache key of the summary of `site` (None: of all sites) in this generation."""
    return f"{SUMMARY_KEY}:{generation()}:{site.pk if site else 'all'}"


def compliance_summary(site: Site | None = None) -> dict:
    """`counts` per severity ("error", "warning", "info"), the `top` findings (most
    severe first, as plain values that keep in the cache) and how many `more` there are,
    of `site` (None: of all sites).
    """
    key = summary_key(site)
    summary = cache.get(key)
    if summary is None:
        findings = run_checks(site)  # most severe first
        summary = {
            "counts": dict(Counter(str(f.severity) for f in findings)),
            "top": [
                {
                    "check_id": f.check_id,
                    "severity": str(f.severity),
                    "message": str(f.message),
                    "obj": str(f.obj) if f.obj is not None else "",
                    "url": f.url,
                    # Which body it concerns, where several share the installation.
                    "site": (f.site.site_name or f.site.hostname) if f.site else "",
                }
                for f in findings[:TOP_FINDINGS]
            ],
            "more": max(len(findings) - TOP_FINDINGS, 0),
        }
        cache.set(key, summary, SUMMARY_SECONDS)
    return summary


def drop_summary(**kwargs: object) -> None:
    """Signal receiver: the next dashboard view computes every summary afresh."""
    cache.delete(GENERATION_KEY)


def drop_on_record_change(sender: type, **kwargs: object) -> None:
    if sender._meta.app_label == "smgovernance" or issubclass(sender, Page):
        drop_summary()


def connect_summary_signals() -> None:
    dispatch = "smgovernance-compliance-summary"
    page_published.connect(drop_summary, dispatch_uid=dispatch)
    page_unpublished.connect(drop_summary, dispatch_uid=dispatch)
    post_save.connect(drop_on_record_change, dispatch_uid=dispatch)
    post_delete.connect(drop_on_record_change, dispatch_uid=dispatch)
