"""The findings about one page, the one list the page editor shows everywhere.

The banners above the form (on opening and after saving) and the checks panel
(the preview's `data-smg-check` elements, reported by axe rules) all come from
`page_findings()`, so they always agree: the content checks of the version being
edited plus the compliance findings about the page.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ..compliance import CHECKS, SEVERITY_RANK, Severity, run_checks_for
from ..compliance.content import check_page


# Check C027 runs the content checks over live pages; for the page being edited
# they come from its current version instead, so they are not listed twice.
CONTENT_CHECK_ID = "smgovernance.C027"

COMPLIANCE_HELP = _(
    "Correct it in this page's fields, or open the compliance report for details."
)


@dataclass(frozen=True)
class PageFinding:
    check_id: str
    severity: str  # "error" | "warning" | "info"
    title: str
    message: str
    help: str

    @property
    def text(self) -> str:
        return gettext("%(title)s: %(message)s %(help)s") % {
            "title": self.title,
            "message": self.message,
            "help": self.help,
        }


def page_findings(page: Page) -> list[PageFinding]:
    """What is wrong with the page, most severe first."""
    page = page.specific
    found = [
        PageFinding(f.check_id, f.severity, f.title, f.message, f.help)
        for f in check_page(page)
    ]
    if page.pk is not None:
        titles = {check.id: str(check.title) for check in CHECKS}
        found += [
            PageFinding(
                f.check_id,
                f.severity,
                titles.get(f.check_id, f.check_id),
                f.message,
                str(COMPLIANCE_HELP),
            )
            for f in run_checks_for(page)
            if f.check_id != CONTENT_CHECK_ID
        ]
    found.sort(key=lambda f: -SEVERITY_RANK[Severity(f.severity)])
    return found


def add_messages(request: HttpRequest, texts: list[tuple[str, str]]) -> None:
    """Show each (severity, text) as a banner once, errors as errors."""
    storage = messages.get_messages(request)
    shown = {str(message) for message in storage}  # iterating keeps them for display
    for severity, text in texts:
        if text in shown:
            continue
        shown.add(text)
        if severity == Severity.ERROR:
            messages.error(request, text)
        else:
            messages.warning(request, text)


def warn_about_page_findings(request: HttpRequest, page: Page) -> None:
    """For `before_edit_page`: on opening the editor, the page's findings as banners."""
    if request.method != "GET":
        return
    add_messages(request, [(f.severity, f.text) for f in page_findings(page)])
