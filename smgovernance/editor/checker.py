"""The page editor's checks panel: Wagtail's content checker plus our own findings.

Wagtail runs axe in the preview (the editor's "Checks" side panel and the
userbar). Built-in axe rules cover alt text and heading order. Findings that
need the records (closed channels, unknown phone numbers or e-mail addresses,
Vimeo addresses in text) are computed on the server by `compliance.content` and
rendered in the preview only, each as an element with `data-smg-check`; one
custom axe rule per check reports those elements with a German title and fix.
After saving, the same findings also appear as messages above the editor
(`feedback.py`).
"""

from django.http import HttpRequest
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.models import Page

from ..compliance import content as content_checks


# Axe built-in rules editors can act on, added to Wagtail's defaults.
EXTRA_AXE_RULES = ["image-alt", "role-img-alt", "empty-heading"]

# A check with axe's own "matches definition" evaluation: it fails on every
# element the rule selects (the attribute never equals null), so each
# `data-smg-check` element becomes one finding.
FINDING_CHECK = {
    "id": "smg-finding",
    "evaluate": "matches-definition-evaluate",
    "options": {"matcher": {"attributes": {"data-smg-check": None}}},
}


def axe_rule(check_id: str) -> dict:
    return {
        "id": check_id,
        "impact": "serious",
        "selector": f'[data-smg-check="{check_id}"]',
        "tags": ["smgovernance"],
        "all": [FINDING_CHECK["id"]],
        "enabled": True,
    }


class GovernanceContentCheckerItem(ContentCheckerItem):
    """Wagtail's content checker with the extension's rules added."""

    def get_axe_run_only(self, request: HttpRequest) -> list[str]:
        rules = list(super().get_axe_run_only(request) or [])
        return rules + [
            rule
            for rule in [*EXTRA_AXE_RULES, *content_checks.CHECKS]
            if rule not in rules
        ]

    def get_axe_custom_rules(self, request: HttpRequest) -> list[dict]:
        return [
            *super().get_axe_custom_rules(request),
            *(axe_rule(check_id) for check_id in content_checks.CHECKS),
        ]

    def get_axe_custom_checks(self, request: HttpRequest) -> list[dict]:
        return [*super().get_axe_custom_checks(request), FINDING_CHECK]

    def get_axe_messages(self, request: HttpRequest) -> dict:
        return {
            **super().get_axe_messages(request),
            **{
                check_id: {"error_name": check["title"], "help_text": check["help"]}
                for check_id, check in content_checks.CHECKS.items()
            },
        }


def use_governance_checker(
    request: HttpRequest, items: list, page: Page | None = None
) -> None:
    """`construct_wagtail_userbar` hook: swap in the checker with our rules."""
    items[:] = [
        GovernanceContentCheckerItem(in_editor=item.in_editor)
        if isinstance(item, ContentCheckerItem)
        and not isinstance(item, GovernanceContentCheckerItem)
        else item
        for item in items
    ]
