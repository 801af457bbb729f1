"""Registration only: the screens themselves live in viewsets.py and views.py."""

from wagtail.snippets.models import register_snippet

from .viewsets import GovernanceViewSetGroup


register_snippet(GovernanceViewSetGroup)
