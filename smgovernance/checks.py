"""Django system checks: misconfiguration of the extension (ids smgovernance.E001 ...)."""

from django.conf import settings
from django.core import checks

from .embedding import SETTING, is_origin


@checks.register(checks.Tags.security)
def check_embed_origins(
    app_configs: object = None, **kwargs: object
) -> list[checks.CheckMessage]:
    """SMGOVERNANCE_EMBED_ORIGINS must hold bare origins, since they go into a CSP header.

    Uses the runtime's own `is_origin`: every entry reported here is the one the
    embed view drops, and nothing else.
    """
    origins = getattr(settings, SETTING, [])
    if isinstance(origins, str):
        return [
            checks.Error(
                f"{SETTING} must be a list of origins, not a string.",
                id="smgovernance.E001",
            )
        ]
    return [
        checks.Error(
            f"{SETTING} entry {origin!r} is not an origin like "
            "https://www.example.org (scheme, host and optional port only).",
            id="smgovernance.E002",
        )
        for origin in origins or []
        if not is_origin(origin)
    ]
