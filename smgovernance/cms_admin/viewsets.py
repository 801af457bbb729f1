"""The records of the usage concept as Wagtail snippet screens, under one menu item."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from ..models import (
    ContactPoint,
    Platform,
    ResponsiblePerson,
    ThirdPartyProvider,
    VideoCategory,
)
from .archives import ArchiveRecordViewSet
from .feedback import FeedbackSubmissionViewSet
from .site_scope import SiteScopedViewSet


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


class ContactPointViewSet(SiteScopedViewSet):
    model = ContactPoint
    icon = "mail"
    menu_label = _("Contact points")
    list_display = ["name", "organisation", "phone", "email"]
    search_fields = ["name", "organisation"]


class ResponsiblePersonViewSet(SiteScopedViewSet):
    model = ResponsiblePerson
    icon = "user"
    menu_label = _("Responsible persons")
    list_display = ["name", "function", "contact_point", "verified_on"]
    search_fields = ["name", "function"]


class VideoCategoryViewSet(SiteScopedViewSet):
    model = VideoCategory
    icon = "media"
    menu_label = _("Video categories")
    list_display = ["name", "slug"]
    search_fields = ["name"]


class GovernanceViewSetGroup(SnippetViewSetGroup):
    """All records of the usage concept under one admin menu item."""

    menu_label = _("Concept data")
    menu_icon = "clipboard-list"
    menu_order = 250
    items = (
        ThirdPartyProviderViewSet,
        PlatformViewSet,
        ContactPointViewSet,
        ResponsiblePersonViewSet,
        VideoCategoryViewSet,
        FeedbackSubmissionViewSet,
        ArchiveRecordViewSet,
    )
