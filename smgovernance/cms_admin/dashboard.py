"""Panels on the admin dashboard: compliance findings, overdue feedback and the
evaluation drafts that wait for approval."""

from django.http import HttpRequest
from django.urls import reverse
from wagtail.admin.ui.components import Component

from ..compliance import Severity, modeladmin_url
from ..compliance.summary import compliance_summary
from ..models import EvaluationRecord
from .feedback import overdue_feedback, overdue_list_url
from .modeladmin import user_can_submit_evaluations


class CompliancePanel(Component):
    """Dashboard panel: findings per severity (at most a minute old), linking to the report."""

    template_name = "smgovernance/admin/dashboard_panel.html"
    order = 90

    def get_context_data(self, parent_context: dict) -> dict:
        counts = compliance_summary()
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


class EvaluationDraftsPanel(Component):
    """Dashboard panel: evaluation drafts that wait for someone who may submit them."""

    name = "smgovernance_evaluation_drafts"
    template_name = "smgovernance/admin/evaluation_drafts_panel.html"
    order = 95

    def get_context_data(self, parent_context: dict) -> dict:
        drafts = EvaluationRecord.objects.filter(submitted=False)
        return {
            "drafts": [
                (draft, modeladmin_url(EvaluationRecord, "edit", draft.pk))
                for draft in drafts[:10]
            ],
            "count": drafts.count(),
            "list_url": modeladmin_url(EvaluationRecord, "index")
            + "?submitted__exact=0",
        }


def add_dashboard_panels(request: HttpRequest, panels: list) -> None:
    """For `construct_homepage_panels`: the findings for everyone, the overdue
    feedback for those who may answer it, the evaluation drafts for those who may
    submit them."""
    panels.append(CompliancePanel())
    if request.user.has_perm("smgovernance.change_feedbacksubmission"):
        panels.append(OverdueFeedbackPanel())
    if user_can_submit_evaluations(request.user):
        panels.append(EvaluationDraftsPanel())
