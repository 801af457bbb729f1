"""Registration only: the screens themselves live in viewsets.py and views.py."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .models import FeedbackSubmission
from .viewsets import (
    FeedbackPermissionPolicy,
    GovernanceViewSetGroup,
    OverdueFeedbackPanel,
)


register_permission_policy(
    FeedbackSubmission, FeedbackPermissionPolicy(FeedbackSubmission)
)
register_snippet(GovernanceViewSetGroup)


@hooks.register("construct_homepage_panels")
def add_overdue_feedback_panel(request, panels: list) -> None:
    if request.user.has_perm("smgovernance.change_feedbacksubmission"):
        panels.append(OverdueFeedbackPanel())
