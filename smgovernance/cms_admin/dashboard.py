"""Panels on the admin dashboard: compliance findings and overdue feedback."""

from collections import Counter

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component

from ..compliance import Severity, run_checks
from .feedback import overdue_feedback, overdue_list_url


# How many findings the dashboard names; the report lists them all.
TOP_FINDINGS = 5


def count_label(severity: str, count: int) -> str:
    """ "1 Fehler", "5 Warnungen", "2 Hinweise": plural-correct in every language."""
    if severity == Severity.ERROR:
        text = ngettext("%(count)d error", "%(count)d errors", count)
    elif severity == Severity.WARNING:
        text = ngettext("%(count)d warning", "%(count)d warnings", count)
    else:
        text = ngettext("%(count)d note", "%(count)d notes", count)
    return text % {"count": count}


class CompliancePanel(Component):
    """Dashboard panel: the most serious findings, each with a link to fix it, and
    the counts per severity linking to the report."""

    template_name = "smgovernance/admin/dashboard_panel.html"
    order = 90

    def get_context_data(self, parent_context: dict) -> dict:
        findings = run_checks()  # most severe first
        counts = Counter(f.severity for f in findings)
        report_url = reverse("smgovernance_admin:report")
        labels = dict(Severity.choices)
        return {
            "rows": [
                {
                    "label": count_label(value, counts.get(value, 0)),
                    "count": counts.get(value, 0),
                    "url": f"{report_url}?severity={value}",
                    "severity": value,
                }
                for value, _label in Severity.choices
            ],
            "top": [
                {
                    "finding": finding,
                    "severity_label": labels.get(finding.severity, finding.severity),
                    "url": finding.url or f"{report_url}?check={finding.check_id}",
                }
                for finding in findings[:TOP_FINDINGS]
            ],
            "more": max(len(findings) - TOP_FINDINGS, 0),
            "report_url": report_url,
        }


class OverdueFeedbackPanel(Component):
    """Dashboard panel: accessibility feedback not answered within the month."""

    name = "smgovernance_overdue_feedback"
    template_name = "smgovernance/admin/overdue_feedback_panel.html"
    order = 90

    def get_context_data(self, parent_context: dict) -> dict:
        overdue = overdue_feedback()
        return {
            "overdue": list(overdue[:10]),
            "count": overdue.count(),
            "list_url": overdue_list_url(),
        }


def add_dashboard_panels(request: HttpRequest, panels: list) -> None:
    """For `construct_homepage_panels`: the findings for everyone, the overdue
    feedback for those who may answer it."""
    panels.append(CompliancePanel())
    if request.user.has_perm("smgovernance.change_feedbacksubmission"):
        panels.append(OverdueFeedbackPanel())
