"""Editor feedback: what the page editor shows while and after writing a page.

`feedback` holds the one handler that runs after every save, `page_findings`
the compliance findings shown on opening a page, and `checker` adds the
extension's rules to Wagtail's checks panel. `wagtail_hooks.py` registers them.
"""

from .checker import GovernanceContentCheckerItem, use_governance_checker
from .feedback import after_save_page, page_feedback
from .page_findings import warn_about_page_findings


__all__ = [
    "GovernanceContentCheckerItem",
    "after_save_page",
    "page_feedback",
    "use_governance_checker",
    "warn_about_page_findings",
]
