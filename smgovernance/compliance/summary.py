"""The findings per severity for the dashboard, computed at most once a minute.

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


def compliance_summary() -> dict[str, int]:
    """Number of findings per severity ("error", "warning", "info")."""
    summary = cache.get(SUMMARY_KEY)
    if summary is None:
        summary = dict(Counter(str(f.severity) for f in run_checks()))
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
