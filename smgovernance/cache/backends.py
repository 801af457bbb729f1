"""A Redis cache backend that degrades to "no cache" instead of raising.

Wagtail itself reads the cache while serving every page (the site root paths),
so with Django's plain `RedisCache` a Redis outage turns every page into a 500.
`FailSoftRedisCache` answers reads as misses and drops writes while Redis is
unreachable, logs a warning, and does not try again for `RETRY_AFTER` seconds,
so an outage costs one connection timeout per process and interval, not one per
call. `incr`, `decr` and `clear` still raise: their callers must know.

    CACHES = {"default": {
        "BACKEND": "smgovernance.cache.backends.FailSoftRedisCache",
        "LOCATION": "redis://127.0.0.1:6379/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }}
"""

import functools
import logging
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.redis import RedisCache


logger = logging.getLogger("smgovernance.cache")

RETRY_AFTER = 5.0  # seconds without a Redis call after a failure


def _fail_soft(default: Any) -> Callable:
    """Wrap a cache method: on any Redis or socket error, log and return `default`."""

    def decorate(method: Callable) -> Callable:
        @functools.wraps(method)
        def wrapped(self: "FailSoftRedisCache", *args: Any, **kwargs: Any) -> Any:
            fallback = default(*args, **kwargs) if callable(default) else default
            if time.monotonic() < self._down_until:
                return fallback
            try:
                return method(self, *args, **kwargs)
            except Exception:  # redis.RedisError, OSError, timeouts
                self._down_until = time.monotonic() + RETRY_AFTER
                logger.warning(
                    "Redis cache unavailable (%s); continuing without cache.",
                    method.__name__,
                    exc_info=True,
                )
                return fallback

        return wrapped

    return decorate


def _get_default(key: str, default: Any = None, version: int | None = None) -> Any:
    return default


class FailSoftRedisCache(RedisCache):
    """Django's `RedisCache`, with reads answered as misses while Redis is down."""

    def __init__(self, server: str, params: dict) -> None:
        super().__init__(server, params)
        self._down_until = 0.0

    get = _fail_soft(_get_default)(RedisCache.get)
    get_many = _fail_soft({})(RedisCache.get_many)
    has_key = _fail_soft(False)(RedisCache.has_key)
    add = _fail_soft(False)(RedisCache.add)
    set = _fail_soft(None)(RedisCache.set)
    set_many = _fail_soft([])(RedisCache.set_many)
    touch = _fail_soft(False)(RedisCache.touch)
    delete = _fail_soft(False)(RedisCache.delete)
    delete_many = _fail_soft(None)(RedisCache.delete_many)
