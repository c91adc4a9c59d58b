"""Cache backends that fail fast: after a failure the cache is skipped for an interval.

A Redis that accepts connections and never answers made every cache call wait for its socket
timeout, several times per request; a refused one logged a traceback per call. Behind a circuit
breaker, the first failure opens it: for BREAKER_SECONDS (OPTIONS, default 30) every call returns
what a miss returns without touching the network, and one warning is logged. The next call after
the interval tries the cache again, closing the breaker if it answers.

The breaker is shared by every thread of the process (Django gives each thread its own backend
instance), keyed by the backend's class, location and key prefix.
"""

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.base import BaseCache
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

DEFAULT_BREAKER_SECONDS = 30.0
PROBE_KEY = "cache-breaker:probe"


class CircuitBreaker:
    def __init__(
        self, name: str, interval: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.name = name
        self.interval = interval
        self.clock = clock  # tests replace it to move time on
        self._open_until: float | None = None
        self._lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        open_until = self._open_until
        return open_until is not None and self.clock() < open_until

    def failed(self, error: BaseException) -> None:
        with self._lock:
            if self.is_open:  # another thread got there first and logged
                return
            self._open_until = self.clock() + self.interval
        logger.warning(
            "Cache %s unavailable (%s: %s); skipping it for %g s",
            self.name,
            type(error).__name__,
            error,
            self.interval,
        )

    def succeeded(self) -> None:
        if self._open_until is not None:
            with self._lock:
                self._open_until = None
            logger.info("Cache %s answers again", self.name)


_breakers: dict[str, CircuitBreaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(name: str, interval: float) -> CircuitBreaker:
    with _breakers_lock:
        if name not in _breakers:
            _breakers[name] = CircuitBreaker(name, interval)
        return _breakers[name]


def cache_is_available(cache: BaseCache) -> bool:
    """Whether the cache answers now (for /healthz); never raises."""
    probe = getattr(cache, "is_available", None)
    if probe is not None:
        return probe()
    try:
        cache.get(PROBE_KEY)
    except Exception:
        return False
    return True


class CircuitBreakerMixin:
    """Put before a cache backend class: its calls go through a process-wide breaker."""

    #: What counts as the cache being unavailable (other errors are bugs and propagate).
    failures: tuple[type[BaseException], ...] = (OSError,)

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = dict(params.get("OPTIONS", {}))
        interval = float(options.pop("BREAKER_SECONDS", DEFAULT_BREAKER_SECONDS))
        super().__init__(server, {**params, "OPTIONS": options})
        name = f"{type(self).__name__}:{server}:{params.get('KEY_PREFIX', '')}"
        self.breaker = breaker_for(name, interval)

    def _guarded(self, fallback: Any, method: Callable, *args, **kwargs) -> Any:
        if self.breaker.is_open:
            return fallback
        try:
            result = method(*args, **kwargs)
        except self.failures as error:
            self.breaker.failed(error)
            return fallback
        self.breaker.succeeded()
        return result

    def is_available(self) -> bool:
        return self._guarded(False, self._probe)

    def _probe(self) -> bool:
        super().get(PROBE_KEY)
        return True

    def get(self, key, default=None, *args, **kwargs):
        return self._guarded(default, super().get, key, default, *args, **kwargs)

    def get_many(self, keys, *args, **kwargs):
        return self._guarded({}, super().get_many, keys, *args, **kwargs)

    def has_key(self, key, *args, **kwargs):
        return self._guarded(False, super().has_key, key, *args, **kwargs)

    def set(self, key, value, *args, **kwargs):
        return self._guarded(False, super().set, key, value, *args, **kwargs)

    def add(self, key, value, *args, **kwargs):
        return self._guarded(False, super().add, key, value, *args, **kwargs)

    def set_many(self, data, *args, **kwargs):
        # Django's set_many returns the keys it failed to store: all of them.
        return self._guarded(list(data), super().set_many, data, *args, **kwargs)

    def touch(self, key, *args, **kwargs):
        return self._guarded(False, super().touch, key, *args, **kwargs)

    def delete(self, key, *args, **kwargs):
        return self._guarded(False, super().delete, key, *args, **kwargs)

    def delete_many(self, keys, *args, **kwargs):
        return self._guarded(None, super().delete_many, keys, *args, **kwargs)

    def clear(self):
        return self._guarded(None, super().clear)


class BreakerRedisCache(CircuitBreakerMixin, RedisCache):
    """django-redis behind the breaker (set IGNORE_EXCEPTIONS false: the breaker handles them)."""

    failures = (RedisError, ConnectionInterrupted, OSError)
