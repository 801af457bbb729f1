"""The consent page: shows and revokes the consents the visitor gave on this site."""

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse


def consent_page(request: HttpRequest) -> HttpResponse:
    """Shows and revokes the remembered consent; useful without JavaScript too."""
    return TemplateResponse(request, "smgovernance/consent.html", {})
