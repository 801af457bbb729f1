"""Registration only: the screens themselves live in viewsets.py and views.py."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .editor_checks import use_governance_checker, warn_about_findings
from .viewsets import GovernanceViewSetGroup


register_snippet(GovernanceViewSetGroup)
hooks.register("construct_wagtail_userbar", use_governance_checker)
hooks.register("after_create_page", warn_about_findings)
hooks.register("after_edit_page", warn_about_findings)
