"""Public URLs of the extension. Include them before Wagtail's page serving:

path("", include("smgovernance.urls")),
"""

from django.urls import path

from .views import consent_page, oembed_endpoint


app_name = "smgovernance"

urlpatterns: list = [
    path("oembed/", oembed_endpoint, name="oembed"),
    path("einwilligungen/", consent_page, name="consent"),
]
