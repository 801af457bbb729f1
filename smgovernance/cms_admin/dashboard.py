"""Panels on the admin dashboard: compliance findings, overdue feedback and the
evaluation drafts that wait for approval."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component

from ..compliance import Severity, modeladmin_url
from ..models import EvaluationRecord
from .feedback import overdue_feedback, overdue_list_url
from .modeladmin import user_can_submit_evaluations
from .site_scope import scoped, summary_for_user


class UserPanel(Component):
    """A dashboard panel about the sites its user manages."""

    def __init__(self, user) -> None:
        self.user = user


def count_label(severity: str, count: int) -> str:
    """ "1 Fehler", "5 Warnungen", "2 Hinweise": plural-correct in every language."""
    if severity == Severity.ERROR:
        text = ngettext("%(count)d error", "%(count)d errors", count)
    elif severity == Severity.WARNING:
        text = ngettext("%(count)d warning", "%(count)d warnings", count)
    else:
        text = ngettext("%(count)d note", "%(count)d notes", count)
    return text % {"count": count}


class CompliancePanel(UserPanel):
    """Dashboard panel: the most serious findings, each with a link to fix it, and
    the counts per severity linking to the report (at most a minute old)."""

    template_name = "smgovernance/admin/dashboard_panel.html"
    order = 90

    def get_context_data(self, parent_context: dict) -> dict:
        summary = summary_for_user(self.user)
        counts = summary["counts"]
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
                    "severity_label": labels.get(
                        finding["severity"], finding["severity"]
                    ),
                    "url": finding["url"]
                    or f"{report_url}?check={finding['check_id']}",
                }
                for finding in summary["top"]
            ],
            "more": summary["more"],
            "report_url": report_url,
        }


class OverdueFeedbackPanel(UserPanel):
    """Dashboard panel: accessibility feedback not answered within the month."""

    name = "smgovernance_overdue_feedback"
    template_name = "smgovernance/admin/overdue_feedback_panel.html"
    order = 90

    def get_context_data(self, parent_context: dict) -> dict:
        overdue = scoped(overdue_feedback(), self.user)
        return {
            "overdue": list(overdue[:10]),
            "count": overdue.count(),
            "list_url": overdue_list_url(),
        }


class EvaluationDraftsPanel(UserPanel):
    """Dashboard panel: evaluation drafts that wait for someone who may submit them."""

    name = "smgovernance_evaluation_drafts"
    template_name = "smgovernance/admin/evaluation_drafts_panel.html"
    order = 95

    def get_context_data(self, parent_context: dict) -> dict:
        drafts = EvaluationRecord.objects.for_user(self.user).filter(submitted=False)
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
    user = request.user
    panels.append(CompliancePanel(user))
    if user.has_perm("smgovernance.change_feedbacksubmission"):
        panels.append(OverdueFeedbackPanel(user))
    if user_can_submit_evaluations(user):
        panels.append(EvaluationDraftsPanel(user))
