"""The public page cache: the middleware, its generation purge and its signals.

`smgovernance.cache.PublicPageCacheMiddleware` goes into MIDDLEWARE;
`connect_signals()` runs in the app's `ready()`; `cache_public` marks non-page
views; `mark_page_request` is the `before_serve_page` hook. `backends` holds the
fail-soft Redis cache backend for the production settings.
"""

from .generation import (
    GENERATION_KEY,
    KEY_PREFIX,
    current_generation,
    page_cache,
    purge,
)
from .middleware import (
    CACHE_HEADER,
    REQUEST_FLAG,
    PublicPageCacheMiddleware,
    cache_public,
    mark_page_request,
)
from .signals import DRAFT_ONLY_FIELDS, connect_signals, purges_page_cache


__all__ = [
    "CACHE_HEADER",
    "DRAFT_ONLY_FIELDS",
    "GENERATION_KEY",
    "KEY_PREFIX",
    "REQUEST_FLAG",
    "PublicPageCacheMiddleware",
    "cache_public",
    "connect_signals",
    "current_generation",
    "mark_page_request",
    "page_cache",
    "purge",
    "purges_page_cache",
]
