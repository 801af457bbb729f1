"""The archives that channels' posts are offered to, as snippets in the admin."""

from django.utils.translation import gettext_lazy as _

from ..models import ArchiveRecord
from .site_scope import SiteScopedViewSet


class ArchiveRecordViewSet(SiteScopedViewSet):
    model = ArchiveRecord
    icon = "folder-inverse"
    menu_label = _("Archives")
    list_display = ["name", "address", "email", "phone"]
    search_fields = ["name", "address"]
