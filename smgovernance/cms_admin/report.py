"""The compliance report in the admin: all findings, filterable, as a page or CSV.

Its menu item is built here; `urls.py` routes to it and `wagtail_hooks.py`
registers both.
"""

import csv

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from ..bodies import manages_several_sites
from ..compliance import CHECKS, Finding, Severity
from .site_scope import findings_for_user


def object_label(finding: Finding) -> str:
    return str(finding.obj) if finding.obj is not None else ""


class ReportView(WagtailAdminTemplateMixin, TemplateView):
    """All findings, filtered by severity and check; `?format=csv` downloads them."""

    template_name = "smgovernance/admin/report.html"
    page_title = _("Compliance report")
    header_icon = "warning"

    def get_breadcrumbs_items(self) -> list[dict]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_findings(self) -> list[Finding]:
        findings = findings_for_user(self.request.user)
        severity = self.request.GET.get("severity", "")
        check = self.request.GET.get("check", "")
        if severity:
            findings = [f for f in findings if f.severity == severity]
        if check:
            findings = [f for f in findings if f.check_id == check]
        return findings

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.GET.get("format") == "csv":
            return self.csv_response(self.get_findings())
        return super().get(request, *args, **kwargs)

    def csv_response(self, findings: list[Finding]) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="compliance.csv"'
        writer = csv.writer(response)
        writer.writerow(
            [
                gettext("Check"),
                gettext("Severity"),
                gettext("Message"),
                gettext("Object"),
                gettext("Link"),
            ]
        )
        for f in findings:
            url = self.request.build_absolute_uri(f.url) if f.url else ""
            writer.writerow([f.check_id, f.severity, f.message, object_label(f), url])
        return response

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        titles = {check.id: check.title for check in CHECKS}
        context["several_sites"] = manages_several_sites(self.request.user)
        severity_labels = dict(Severity.choices)
        context.update(
            findings=[
                {
                    "finding": f,
                    "severity": severity_labels.get(f.severity, f.severity),
                    "title": titles.get(f.check_id, ""),
                    "object": object_label(f),
                }
                for f in self.get_findings()
            ],
            checks=CHECKS,
            severities=Severity.choices,
            selected_severity=self.request.GET.get("severity", ""),
            selected_check=self.request.GET.get("check", ""),
            csv_query=self.request.GET.urlencode(),
        )
        return context


def report_menu_item() -> MenuItem:
    """The admin menu item of the report (for `register_admin_menu_item`)."""
    return MenuItem(
        _("Compliance report"),
        reverse("smgovernance_admin:report"),
        icon_name="warning",
        order=270,
    )
