"""The page cache's store, its generation token, and cache calls that never raise.

Every page key contains the current generation token; a purge replaces the token,
so all stored pages become unreachable at once, in every process that shares the
cache. The token lives in the same Django cache as the pages: with Redis it is
shared through Redis, without Redis the production settings use Django's
database cache, so a publish from any process (a worker, `manage.py shell`,
`smgovernance_import`, scheduled publishing) reaches every worker.

A cache that fails (Redis down, a locked database) degrades the page cache to
"uncached", never to an error page: every call here logs a warning and answers
as if the entry were missing.
"""

import logging
import uuid
from typing import Any

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.db import transaction


logger = logging.getLogger("smgovernance.cache")

GENERATION_KEY = "smgovernance:page-cache:generation"
KEY_PREFIX = "smgovernance:page-cache:page"


def cache_setting(name: str, default: Any) -> Any:
    return getattr(settings, f"SMGOVERNANCE_CACHE_{name}", default)


def page_cache() -> BaseCache:
    """The Django cache that holds pages (Redis when REDIS_URL is set)."""
    return caches[cache_setting("ALIAS", "default")]


def safe_get(key: str) -> Any:
    """The cached value, or None when it is missing or the cache fails."""
    try:
        return page_cache().get(key)
    except Exception:  # any backend error: Redis, database, pickling
        logger.warning("Page cache unavailable (get); serving uncached.", exc_info=True)
        return None


def safe_set(key: str, value: Any, timeout: int | None) -> bool:
    """Store a value; False (and a warning) when the cache fails."""
    try:
        page_cache().set(key, value, timeout)
    except Exception:  # any backend error: Redis, database, pickling
        logger.warning("Page cache unavailable (set); not stored.", exc_info=True)
        return False
    return True


def current_generation() -> str | None:
    """The token that every page key contains; created when missing (or evicted).

    None when the cache fails: the caller then serves the page uncached.
    """
    try:
        cache = page_cache()
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
            generation = cache.get(GENERATION_KEY)
    except Exception:  # any backend error: Redis, database
        logger.warning("Page cache unavailable (generation).", exc_info=True)
        return None
    return generation or None


def purge() -> None:
    """Make every cached page unreachable by replacing the generation token.

    A fresh random token (not a counter) cannot bring back old entries after the
    token was evicted, and needs no atomic increment. A failing cache is logged as
    an error and never breaks the save that triggered the purge.
    """
    try:
        page_cache().set(GENERATION_KEY, uuid.uuid4().hex, None)
    except Exception:  # any backend error: Redis, database
        logger.error("Page cache purge failed; pages may be stale.", exc_info=True)


def purge_now_and_on_commit() -> None:
    """Purge now, so this process never serves the old page; again after the
    commit, so a page rendered by another process from not-yet-committed data is
    dropped too."""
    purge()
    transaction.on_commit(purge)
