"""Django system checks: misconfiguration of the extension (ids smgovernance.E001 ...)."""

from django.conf import settings
from django.core import checks

from .embedding import SETTING, embed_origins, is_origin


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


PER_PROCESS_CACHES = {"django.core.cache.backends.locmem.LocMemCache"}


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache(
    app_configs: object = None, **kwargs: object
) -> list[checks.CheckMessage]:
    """Production needs one cache shared by every process (`check --deploy`).

    The page cache's purge token and the rate-limit counters live in it: with a
    per-process cache a publish purges only the process that saved, and every
    other worker serves the old page until its entry expires.
    """
    aliases = {
        getattr(settings, "SMGOVERNANCE_CACHE_ALIAS", "default"),
        getattr(settings, "RATELIMIT_USE_CACHE", "default"),
    }
    return [
        checks.Error(
            f"The cache {alias!r} ({backend}) is local to each process: after a "
            "publish, other workers serve stale pages, and rate limits are not "
            "shared.",
            hint="Set REDIS_URL, or use django.core.cache.backends.db.DatabaseCache "
            "(python manage.py createcachetable).",
            id="smgovernance.E010",
        )
        for alias in sorted(aliases)
        if (backend := settings.CACHES.get(alias, {}).get("BACKEND"))
        in PER_PROCESS_CACHES
    ]


@checks.register(checks.Tags.security)
def check_embed_origins_use_https(
    app_configs: object = None, **kwargs: object
) -> list[checks.CheckMessage]:
    """In production, an http: origin may frame the embed view over plain HTTP,
    where anyone on the way can alter the framing page."""
    if settings.DEBUG:
        return []
    return [
        checks.Warning(
            f"{SETTING} entry {origin!r} uses http: in production.",
            hint="Use the https: origin of the embedding site.",
            id="smgovernance.W011",
        )
        for origin in embed_origins()
        if origin.lower().startswith("http:")
    ]
