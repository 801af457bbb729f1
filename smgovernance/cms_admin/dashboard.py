"""Panels on the admin dashboard: compliance findings and overdue feedback."""

from collections import Counter

from django.http import HttpRequest
from django.urls import reverse
from wagtail.admin.ui.components import Component

from ..compliance import Severity, run_checks
from .feedback import overdue_feedback, overdue_list_url


class CompliancePanel(Component):
    """Dashboard panel: findings per severity, linking to the report."""

    template_name = "smgovernance/admin/dashboard_panel.html"
    order = 90

    def get_context_data(self, parent_context: dict) -> dict:
        counts = Counter(f.severity for f in run_checks())
        report_url = reverse("smgovernance_admin:report")
        return {
            "rows": [
                {
                    "label": label,
                    "count": counts.get(value, 0),
                    "url": f"{report_url}?severity={value}",
                    "severity": value,
                }
                for value, label in Severity.choices
            ],
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
