"""Registration only: the screens themselves live in viewsets.py and views.py."""

from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .models import FeedbackSubmission
from .viewsets import FeedbackPermissionPolicy, GovernanceViewSetGroup


register_permission_policy(
    FeedbackSubmission, FeedbackPermissionPolicy(FeedbackSubmission)
)
register_snippet(GovernanceViewSetGroup)
