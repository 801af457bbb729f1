"""Admin screens of the extension. `wagtail_hooks.py` only registers them."""

import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import (
    ContactPoint,
    FeedbackSubmission,
    Platform,
    ResponsiblePerson,
    ThirdPartyProvider,
    VideoCategory,
)


class ThirdPartyProviderViewSet(SnippetViewSet):
    model = ThirdPartyProvider
    icon = "site"
    menu_label = _("Platform operators")
    list_display = ["name", "legal_name", "country", "transfer_basis", "dpf_checked_on"]
    search_fields = ["name", "legal_name"]


class PlatformViewSet(SnippetViewSet):
    model = Platform
    icon = "globe"
    menu_label = _("Platforms")
    list_display = ["name", "provider", "joint_controllership"]
    search_fields = ["name"]


class ContactPointViewSet(SnippetViewSet):
    model = ContactPoint
    icon = "mail"
    menu_label = _("Contact points")
    list_display = ["name", "organisation", "phone", "email"]
    search_fields = ["name", "organisation"]


class ResponsiblePersonViewSet(SnippetViewSet):
    model = ResponsiblePerson
    icon = "user"
    menu_label = _("Responsible persons")
    list_display = ["name", "function", "contact_point", "verified_on"]
    search_fields = ["name", "function"]


class VideoCategoryViewSet(SnippetViewSet):
    model = VideoCategory
    icon = "media"
    menu_label = _("Video categories")
    list_display = ["name", "slug"]
    search_fields = ["name"]


class FeedbackSubmissionFilterSet(WagtailFilterSet):
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_overdue")

    class Meta:
        model = FeedbackSubmission
        fields = ["kind"]

    def filter_overdue(
        self, queryset: QuerySet, name: str, value: bool | None
    ) -> QuerySet:
        overdue = Q(answered_on__isnull=True, answer_due__lt=timezone.localdate())
        if value is None:
            return queryset
        return queryset.filter(overdue) if value else queryset.exclude(overdue)


class FeedbackPermissionPolicy(ModelPermissionPolicy):
    """Feedback only comes in through the public form: nobody adds it in the admin."""

    def user_has_permission(self, user, action: str) -> bool:
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)


class FeedbackSubmissionViewSet(SnippetViewSet):
    """Accessibility feedback with its one-month answer deadline (O-23)."""

    model = FeedbackSubmission
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


class OverdueFeedbackPanel(Component):
    """Dashboard panel: accessibility feedback not answered within the month."""

    name = "smgovernance_overdue_feedback"
    template_name = "smgovernance/admin/overdue_feedback_panel.html"
    order = 90

    def get_context_data(self, parent_context: dict) -> dict:
        overdue = FeedbackSubmission.objects.filter(
            answered_on__isnull=True, answer_due__lt=timezone.localdate()
        )
        return {"overdue": list(overdue[:10]), "count": overdue.count()}


class GovernanceViewSetGroup(SnippetViewSetGroup):
    """All records of the usage concept under one admin menu item."""

    menu_label = _("Social media concept")
    menu_icon = "clipboard-list"
    menu_order = 250
    items = (
        ThirdPartyProviderViewSet,
        PlatformViewSet,
        ContactPointViewSet,
        ResponsiblePersonViewSet,
        VideoCategoryViewSet,
        FeedbackSubmissionViewSet,
    )
