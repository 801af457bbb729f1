"""Django system checks: misconfiguration of the extension (ids smgovernance.E001 ...)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security)
def check_embed_origins(
    app_configs: object = None, **kwargs: object
) -> list[checks.CheckMessage]:
    """SMGOVERNANCE_EMBED_ORIGINS must hold bare origins, since they go into a CSP header."""
    errors: list[checks.CheckMessage] = []
    origins = getattr(settings, "SMGOVERNANCE_EMBED_ORIGINS", [])
    if isinstance(origins, str):
        return [
            checks.Error(
                "SMGOVERNANCE_EMBED_ORIGINS must be a list of origins, not a string.",
                id="smgovernance.E001",
            )
        ]
    for origin in origins:
        parts = urlsplit(origin)
        if (
            parts.scheme not in ("http", "https")
            or not parts.hostname
            or parts.path not in ("", "/")
            or parts.query
            or parts.fragment
            or any(char in origin for char in " ;,'\"")
        ):
            errors.append(
                checks.Error(
                    f"SMGOVERNANCE_EMBED_ORIGINS entry {origin!r} is not an origin "
                    "like https://www.example.org.",
                    id="smgovernance.E002",
                )
            )
    return errors
