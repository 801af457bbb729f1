"""Admin URLs of the extension, under /admin/smgovernance/ in the namespace
`smgovernance_admin` (registered by `wagtail_hooks.py`)."""

from django.urls import URLPattern, URLResolver, include, path

from .report import ReportView


app_name = "smgovernance_admin"

urlpatterns = [path("compliance/", ReportView.as_view(), name="report")]


def admin_urls() -> list[URLResolver | URLPattern]:
    """For `register_admin_urls`."""
    return [path("smgovernance/", include((urlpatterns, app_name)))]
