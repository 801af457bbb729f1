"""The archives that channels' posts are offered to, as snippets in the admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from ..models import ArchiveRecord


class ArchiveRecordViewSet(SnippetViewSet):
    model = ArchiveRecord
    icon = "folder-inverse"
    menu_label = _("Archives")
    list_display = ["name", "address", "email", "phone"]
    search_fields = ["name", "address"]
