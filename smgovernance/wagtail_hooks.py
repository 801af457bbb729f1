"""Registration only: the admin screens live in cms_admin/, editor feedback in
editor/ and the other modules named below."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail_modeladmin.options import modeladmin_register

from .cache import mark_page_request
from .cms_admin.dashboard import add_dashboard_panels
from .cms_admin.feedback import FeedbackPermissionPolicy
from .cms_admin.modeladmin import RegistersGroup
from .cms_admin.report import report_menu_item
from .cms_admin.site_scope import SharedDataPermissionPolicy, SiteScopedPermissionPolicy
from .cms_admin.urls import admin_urls
from .cms_admin.viewsets import GovernanceViewSetGroup
from .editor import after_save_page, use_governance_checker, warn_about_page_findings
from .models import (
    ArchiveRecord,
    AwarenessAction,
    ContactPoint,
    EvaluationRecord,
    FeedbackSubmission,
    Platform,
    ResponsiblePerson,
    ThirdPartyProvider,
    VideoCategory,
)


register_permission_policy(
    FeedbackSubmission, FeedbackPermissionPolicy(FeedbackSubmission)
)
for model in (
    ArchiveRecord,
    AwarenessAction,
    ContactPoint,
    EvaluationRecord,
    ResponsiblePerson,
    VideoCategory,
):
    register_permission_policy(model, SiteScopedPermissionPolicy(model))
for model in (Platform, ThirdPartyProvider):
    register_permission_policy(model, SharedDataPermissionPolicy(model))
register_snippet(GovernanceViewSetGroup)
modeladmin_register(RegistersGroup)

hooks.register("register_admin_urls", admin_urls)
hooks.register("register_admin_menu_item", report_menu_item)
hooks.register("construct_homepage_panels", add_dashboard_panels)

hooks.register("before_serve_page", mark_page_request)
hooks.register("after_create_page", after_save_page)
hooks.register("after_edit_page", after_save_page)
hooks.register("before_edit_page", warn_about_page_findings)
hooks.register("construct_wagtail_userbar", use_governance_checker)
