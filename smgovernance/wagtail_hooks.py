"""Registration only: the screens themselves live in viewsets.py, modeladmin.py
and admin_views.py."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail_modeladmin.options import modeladmin_register

from . import admin_views
from .cache import mark_page_request
from .editor import after_save_page, use_governance_checker, warn_about_page_findings
from .modeladmin import RegistersGroup
from .models import FeedbackSubmission
from .viewsets import (
    FeedbackPermissionPolicy,
    GovernanceViewSetGroup,
    OverdueFeedbackPanel,
)


register_permission_policy(
    FeedbackSubmission, FeedbackPermissionPolicy(FeedbackSubmission)
)
register_snippet(GovernanceViewSetGroup)
modeladmin_register(RegistersGroup)
hooks.register("before_serve_page", mark_page_request)
hooks.register("after_create_page", after_save_page)
hooks.register("after_edit_page", after_save_page)
hooks.register("before_edit_page", warn_about_page_findings)
hooks.register("construct_wagtail_userbar", use_governance_checker)


@hooks.register("register_admin_urls")
def register_admin_urls() -> list:
    return [
        path(
            "smgovernance/",
            include(
                (admin_views.urlpatterns, "smgovernance_admin"),
                namespace="smgovernance_admin",
            ),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_report_menu_item() -> MenuItem:
    return MenuItem(
        _("Compliance report"),
        reverse("smgovernance_admin:report"),
        icon_name="warning",
        order=270,
    )


@hooks.register("construct_homepage_panels")
def add_compliance_panel(request, panels: list) -> None:
    panels.append(admin_views.CompliancePanel())


@hooks.register("construct_homepage_panels")
def add_overdue_feedback_panel(request, panels: list) -> None:
    if request.user.has_perm("smgovernance.change_feedbacksubmission"):
        panels.append(OverdueFeedbackPanel())
