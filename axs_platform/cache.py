"""The Redis cache, where an outage degrades to a miss.

Sessions (``cached_db``), page caches and version keys all go through this cache, and each of them
can do without it: a session is read from and written to the database, a page is rendered afresh.
So when Redis refuses, drops or does not answer within its socket timeouts, every call behaves as
a miss (reads return the default, writes store nothing) instead of failing the request; the outage
is logged when it starts and when it ends, and for ``AXS_CACHE_RETRY_SECONDS`` after a failure the
cache is not asked at all, so a frozen Redis costs one timeout, not one per call.
"""

import functools
import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)


def _or_miss(miss):
    """Run a cache call; during an outage, answer what a miss answers (``miss(*args, **kwargs)``)."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if self.resting():
                return miss(*args, **kwargs)
            try:
                result = method(self, *args, **kwargs)
            except OUTAGE_ERRORS as error:
                self.failed(error)
                return miss(*args, **kwargs)
            self.answered()
            return result

        return wrapper

    return decorate


def _key_not_found(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found (the cache is unavailable).")


class RedisCache(DjangoRedisCache):
    """Django's Redis cache, treating an outage as a miss."""

    # Outages seen by this process (Django keeps one instance per thread, so the count is the class's):
    # after one, axs_platform.fragments re-versions the pages, whose bumps may have been lost.
    outages = 0

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_seconds = float(options.pop("retry_seconds", 5))
        super().__init__(server, {**params, "OPTIONS": options})
        self._down_until = None

    def resting(self):
        """Whether a recent failure says not to ask Redis yet."""
        return self._down_until is not None and time.monotonic() < self._down_until

    def failed(self, error):
        if self._down_until is None:
            RedisCache.outages += 1
            logger.error("The cache is unavailable (%r); working without it until it answers again.", error)
        self._down_until = time.monotonic() + self.retry_seconds

    def answered(self):
        if self._down_until is not None:
            logger.warning("The cache answers again.")
            self._down_until = None

    @_or_miss(lambda key, default=None, version=None: default)
    def get(self, key, default=None, version=None):
        return super().get(key, default, version)

    @_or_miss(lambda *args, **kwargs: None)
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set(key, value, timeout, version)

    @_or_miss(lambda *args, **kwargs: False)
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().add(key, value, timeout, version)

    @_or_miss(lambda *args, **kwargs: False)
    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return super().touch(key, timeout, version)

    @_or_miss(lambda *args, **kwargs: False)
    def delete(self, key, version=None):
        return super().delete(key, version)

    @_or_miss(lambda *args, **kwargs: {})
    def get_many(self, keys, version=None):
        return super().get_many(keys, version)

    @_or_miss(lambda *args, **kwargs: False)
    def has_key(self, key, version=None):
        return super().has_key(key, version)

    @_or_miss(_key_not_found)
    def incr(self, key, delta=1, version=None):
        return super().incr(key, delta, version)

    @_or_miss(lambda data, *args, **kwargs: list(data))
    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set_many(data, timeout, version)

    @_or_miss(lambda *args, **kwargs: None)
    def delete_many(self, keys, version=None):
        return super().delete_many(keys, version)

    @_or_miss(lambda *args, **kwargs: False)
    def clear(self):
        return super().clear()
