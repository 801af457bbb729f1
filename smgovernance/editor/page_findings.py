"""Warnings shown when an editor opens a page: the compliance findings about it."""

from django.contrib import messages
from django.http import HttpRequest
from wagtail.models import Page

from ..compliance import findings_for, run_checks


def warn_about_page_findings(request: HttpRequest, page: Page) -> None:
    """For `before_edit_page`: show the findings about the page as warnings on GET."""
    if request.method != "GET":
        return
    for finding in findings_for(page, run_checks()):
        messages.warning(request, finding.message)
