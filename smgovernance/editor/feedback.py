"""What the page editor tells the editor about the page, as messages above the form.

One handler runs after every save (`after_create_page`, `after_edit_page`) and
emits all feedback for the page; saving is never refused here (the model's
`clean()` refuses what the law forbids). The findings themselves, shared with the
banners on opening a page and with the checks panel, are in `page_findings.py`.
"""

from django.http import HttpRequest
from django.utils.translation import gettext
from wagtail.models import Page

from ..compliance.legal_references import find_outdated_references_in_page
from ..models import ChannelProfilePage
from ..rules.hosts import is_outdated_host, url_host
from .page_findings import add_messages, page_findings


# Checks whose rule `outdated_host_feedback` and `legal_reference_feedback` already
# apply to the version just saved; their findings about the published version would
# only say the same again.
SAID_ABOVE = ("smgovernance.C010", "smgovernance.C022")


def outdated_host_feedback(page: Page) -> list[str]:
    """A channel whose profile URL uses a replaced host (twitter.com instead of x.com).

    The address is accepted (the old host still redirects), but it should be
    updated. The same rule as check C010: `rules.hosts.is_outdated_host`.
    """
    if not isinstance(page, ChannelProfilePage) or not page.platform_id:
        return []
    if not is_outdated_host(page.profile_url, page.platform.outdated_host_list):
        return []
    return [
        gettext(
            "The profile address of “%(title)s” uses the outdated host %(host)s. "
            "Please change it to the current address (%(hosts)s)."
        )
        % {
            "title": page.title,
            "host": url_host(page.profile_url),
            "hosts": ", ".join(page.platform.host_list),
        }
    ]


def legal_reference_feedback(page: Page) -> list[str]:
    """One warning listing each outdated legal reference (O-6), once per field."""
    if not getattr(page, "scan_legal_references", False):
        return []
    seen: set[tuple[str, str]] = set()
    lines = []
    for finding in find_outdated_references_in_page(page):
        if (finding.field, finding.match) in seen:
            continue
        seen.add((finding.field, finding.match))
        lines.append(
            gettext(
                'Field "%(field)s": "%(match)s" – %(explanation)s Use: %(replacement)s.'
            )
            % {
                "field": finding.field,
                "match": finding.match,
                "explanation": finding.explanation,
                "replacement": finding.replacement,
            }
        )
    if not lines:
        return []
    return [gettext("Outdated legal references found:") + " " + " ".join(lines)]


def page_feedback(page: Page) -> list[tuple[str, str]]:
    """Every (severity, message) the editor gets about the page after saving it.

    The outdated host and legal references of the version just saved, then the
    page's findings: the same list the checks panel shows (`page_findings`).
    """
    page = page.specific
    return [
        *(("warning", text) for text in outdated_host_feedback(page)),
        *(("warning", text) for text in legal_reference_feedback(page)),
        *(
            (finding.severity, finding.text)
            for finding in page_findings(page)
            if finding.check_id not in SAID_ABOVE
        ),
    ]


def after_save_page(request: HttpRequest, page: Page) -> None:
    """`after_create_page`/`after_edit_page` hook: all editor feedback for the page."""
    if not request.accepts("text/html"):
        return  # background autosave (JSON): messages would pile up unseen
    add_messages(request, page_feedback(page))
