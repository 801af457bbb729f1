"""Registration only: the screens themselves live in viewsets.py and views.py."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .channel_admin import warn_outdated_profile_host
from .viewsets import GovernanceViewSetGroup


register_snippet(GovernanceViewSetGroup)

hooks.register("after_create_page", warn_outdated_profile_host)
hooks.register("after_edit_page", warn_outdated_profile_host)
