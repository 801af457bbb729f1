"""Public URLs of the extension. Include them before Wagtail's page serving:

path("", include("smgovernance.urls")),
"""

from django.urls import path  # noqa: F401


app_name = "smgovernance"

urlpatterns: list = []
