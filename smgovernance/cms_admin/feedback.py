"""Accessibility feedback in the admin: its snippet screens and who may do what.

Feedback only comes in through the public form (O-23); the admin lists, filters,
exports and answers it. The overdue panel on the dashboard is in `dashboard.py`.
"""

import django_filters
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.views.snippets import IndexView

from ..models import FeedbackSubmission
from ..rules.feedback import spreadsheet_safe
from .site_scope import SiteScopedPermissionPolicy, SiteScopedViewSet


def is_overdue() -> Q:
    """Feedback not answered by its due date (as `FeedbackSubmission.is_overdue`)."""
    return Q(answered_on__isnull=True, answer_due__lt=timezone.localdate())


def overdue_feedback() -> QuerySet:
    return FeedbackSubmission.objects.filter(is_overdue())


def overdue_list_url() -> str:
    """The feedback list, filtered to the overdue submissions."""
    return (
        reverse("wagtailsnippets_smgovernance_feedbacksubmission:list")
        + "?overdue=true"
    )


class FeedbackSubmissionFilterSet(WagtailFilterSet):
    # The parameter name is used by `overdue_list_url` above.
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_overdue")

    class Meta:
        model = FeedbackSubmission
        fields = ["kind"]

    def filter_overdue(
        self, queryset: QuerySet, name: str, value: bool | None
    ) -> QuerySet:
        if value is None:
            return queryset
        return (
            queryset.filter(is_overdue()) if value else queryset.exclude(is_overdue())
        )


class FeedbackPermissionPolicy(SiteScopedPermissionPolicy):
    """Feedback only comes in through the public form: nobody adds it in the admin."""

    def user_has_permission(self, user, action: str) -> bool:
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)


class FeedbackIndexView(IndexView):
    """The list; its CSV export never hands a citizen's text to a spreadsheet as a
    formula (`=HYPERLINK(…)`): such cells start with `'`."""

    def write_csv_row(self, writer, row_dict: dict):
        return super().write_csv_row(
            writer,
            {field: spreadsheet_safe(value) for field, value in row_dict.items()},
        )


class FeedbackSubmissionViewSet(SiteScopedViewSet):
    """Accessibility feedback with its one-month answer deadline (O-23)."""

    model = FeedbackSubmission
    index_view_class = FeedbackIndexView
    icon = "mail"
    menu_label = _("Accessibility feedback")
    list_display = [
        "__str__",
        "kind",
        "received_on",
        "answer_due",
        "answered_on",
        BooleanColumn("is_overdue", label=_("Overdue")),
    ]
    list_export = [
        "kind",
        "received_on",
        "answer_due",
        "answered_on",
        "page_url",
        "message",
    ]
    filterset_class = FeedbackSubmissionFilterSet
    search_fields = ["message", "name", "email"]
    copy_view_enabled = False
    inspect_view_enabled = True
    panels = [
        FieldPanel("kind", read_only=True),
        FieldPanel("received_on", read_only=True),
        FieldPanel("answer_due", read_only=True),
        FieldPanel("page_url", read_only=True),
        FieldPanel("message", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("answered_on"),
    ]
