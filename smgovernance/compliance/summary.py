"""The dashboard's findings, computed at most once a minute: the count per
severity and the most serious findings.

The summary is kept in the cache for `SUMMARY_SECONDS` and dropped whenever
content changes (a page is published, unpublished or deleted; a record of the
extension is saved or deleted), so a new error shows on the next dashboard view
after the change and, for errors that come with time (a deadline passing), at
most a minute late.
"""

from collections import Counter

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from .registry import run_checks


SUMMARY_KEY = "smgovernance:compliance-summary"
SUMMARY_SECONDS = 60


# How many findings the dashboard names; the report lists them all.
TOP_FINDINGS = 5


def compliance_summary() -> dict:
    """`counts` per severity ("error", "warning", "info"), the `top` findings (most
    severe first, as plain values that keep in the cache) and how many `more` there are.
    """
    summary = cache.get(SUMMARY_KEY)
    if summary is None:
        findings = run_checks()  # most severe first
        summary = {
            "counts": dict(Counter(str(f.severity) for f in findings)),
            "top": [
                {
                    "check_id": f.check_id,
                    "severity": str(f.severity),
                    "message": str(f.message),
                    "obj": str(f.obj) if f.obj is not None else "",
                    "url": f.url,
                }
                for f in findings[:TOP_FINDINGS]
            ],
            "more": max(len(findings) - TOP_FINDINGS, 0),
        }
        cache.set(SUMMARY_KEY, summary, SUMMARY_SECONDS)
    return summary


def drop_summary(**kwargs: object) -> None:
    """Signal receiver: the next dashboard view computes the summary afresh."""
    cache.delete(SUMMARY_KEY)


def drop_on_record_change(sender: type, **kwargs: object) -> None:
    if sender._meta.app_label == "smgovernance" or issubclass(sender, Page):
        drop_summary()


def connect_summary_signals() -> None:
    dispatch = "smgovernance-compliance-summary"
    page_published.connect(drop_summary, dispatch_uid=dispatch)
    page_unpublished.connect(drop_summary, dispatch_uid=dispatch)
    post_save.connect(drop_on_record_change, dispatch_uid=dispatch)
    post_delete.connect(drop_on_record_change, dispatch_uid=dispatch)
