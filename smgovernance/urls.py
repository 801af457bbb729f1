"""Public URLs of the extension. Include them before Wagtail's page serving:

path("", include("smgovernance.urls")),
"""

from django.urls import path, re_path

from .views import atproto_did, consent_page, oembed_endpoint, register_file


app_name = "smgovernance"

urlpatterns: list = [
    path("oembed/", oembed_endpoint, name="oembed"),
    path("einwilligungen/", consent_page, name="consent"),
    path(".well-known/atproto-did", atproto_did, name="atproto_did"),
    # The register below the channel index, wherever it is: /kanaele/verzeichnis.json
    re_path(
        r"^(?P<index_path>(?:[-\w]+/)+)verzeichnis\.(?P<extension>json|csv)$",
        register_file,
        name="channel_register",
    ),
]
