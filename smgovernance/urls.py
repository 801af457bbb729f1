"""Public URLs of the extension. Include them before Wagtail's page serving:

path("", include("smgovernance.urls")),
"""

from django.urls import path

from . import views


app_name = "smgovernance"

urlpatterns: list = [
    path("oembed/", views.oembed, name="oembed"),
    path("einwilligungen/", views.consent, name="consent"),
]
