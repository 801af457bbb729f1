"""Registration only: the screens themselves live in viewsets.py and views.py."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .legal_references import warn_about_outdated_references
from .viewsets import GovernanceViewSetGroup


register_snippet(GovernanceViewSetGroup)

hooks.register("after_create_page", warn_about_outdated_references)
hooks.register("after_edit_page", warn_about_outdated_references)
