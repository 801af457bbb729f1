"""What the page editor tells the editor about the page, as messages above the form.

One handler runs after every save (`after_create_page`, `after_edit_page`) and
emits all feedback for the page; saving is never refused here (the model's
`clean()` refuses what the law forbids). The compliance findings shown when the
editor opens a page are in `page_findings.py`.
"""

from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext
from wagtail.models import Page

from ..compliance.content import check_page
from ..compliance.legal_references import find_outdated_references_in_page
from ..models import ChannelProfilePage
from ..rules.hosts import is_outdated_host, url_host


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


def content_feedback(page: Page) -> list[str]:
    """The content checks (closed channels, unknown contacts, Vimeo in text …)."""
    return [
        gettext("%(title)s: %(message)s %(help)s")
        % {"title": finding.title, "message": finding.message, "help": finding.help}
        for finding in check_page(page)
    ]


def page_feedback(page: Page) -> list[str]:
    """Every message the editor gets about the page after saving it, in order."""
    page = page.specific
    return [
        *outdated_host_feedback(page),
        *legal_reference_feedback(page),
        *content_feedback(page),
    ]


def after_save_page(request: HttpRequest, page: Page) -> None:
    """`after_create_page`/`after_edit_page` hook: all editor feedback for the page."""
    if not request.accepts("text/html"):
        return  # background autosave (JSON): messages would pile up unseen
    for message in page_feedback(page):
        messages.warning(request, message)
