"""Warnings shown when an editor opens a page: the compliance findings about it."""

from django.contrib import messages
from django.http import HttpRequest
from wagtail.models import Page

from ..compliance import run_checks_for


def warn_about_page_findings(request: HttpRequest, page: Page) -> None:
    """For `before_edit_page`: show the findings about the page as warnings on GET.

    Only the checks that concern the page run (`run_checks_for`), so opening a page
    costs the same with 20 channels as with 2,000.
    """
    if request.method != "GET":
        return
    for finding in run_checks_for(page.specific):
        messages.warning(request, finding.message)
