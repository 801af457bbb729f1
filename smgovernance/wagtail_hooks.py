"""Registration only: the screens themselves live in viewsets.py and views.py."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .cache import mark_page_request
from .viewsets import GovernanceViewSetGroup


register_snippet(GovernanceViewSetGroup)
hooks.register("before_serve_page", mark_page_request)
