"""A broken cache costs readers one failed call per breaker interval (/healthz: tests/ops)."""

import logging
import socket

import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache

from core import cache_breaker
from core.cache_breaker import CircuitBreakerMixin


class RefusedCache(LocMemCache):
    """A cache server that refuses every connection, and counts how often it was asked."""

    calls = 0

    def _refuse(self, *args, **kwargs):
        RefusedCache.calls += 1
        raise ConnectionRefusedError(111, "Connection refused")

    get = get_many = has_key = set = add = set_many = touch = delete = delete_many = _refuse
    incr = clear = _refuse


class BreakerRefusedCache(CircuitBreakerMixin, RefusedCache):
    pass


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def fresh_breakers():
    cache_breaker._breakers.clear()
    yield
    cache_breaker._breakers.clear()


@pytest.fixture
def refused_cache(settings):
    RefusedCache.calls = 0
    settings.CACHES = {
        "default": {
            "BACKEND": f"{__name__}.BreakerRefusedCache",
            "LOCATION": "refused",
            "OPTIONS": {"BREAKER_SECONDS": 30},
        }
    }
    clock = FakeClock()
    caches["default"].breaker.clock = clock
    return clock


def breaker_warnings(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "core.cache_breaker"]


def test_with_a_refused_cache_readers_get_answers_and_the_cache_is_tried_once_per_interval(
    api, article, refused_cache, caplog
):
    with caplog.at_level(logging.INFO):
        answers = [api("/site"), api(f"/pages/{article.pk}"), api("/articles", locale="en")]
    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert article.title in answers[2].content.decode()
    assert RefusedCache.calls == 1
    assert caches["default"].breaker.is_open
    assert len(breaker_warnings(caplog)) == 1
    assert not [record for record in caplog.records if record.exc_info]  # no tracebacks

    refused_cache.now += 31  # the interval is over: the cache is tried again, once
    with caplog.at_level(logging.INFO):
        assert api("/site").status_code == 200
        assert api("/site").status_code == 200
    assert RefusedCache.calls == 2
    assert len(breaker_warnings(caplog)) == 2


class FlakyCache(LocMemCache):
    down = True

    def get(self, *args, **kwargs):
        if FlakyCache.down:
            raise ConnectionResetError(104, "Connection reset by peer")
        return super().get(*args, **kwargs)


class BreakerFlakyCache(CircuitBreakerMixin, FlakyCache):
    pass


def test_a_cache_that_answers_again_is_used_again_after_the_interval(settings):
    settings.CACHES = {"default": {"BACKEND": f"{__name__}.BreakerFlakyCache", "LOCATION": "x"}}
    cache = caches["default"]
    clock = cache.breaker.clock = FakeClock()
    FlakyCache.down = True
    assert cache.get("key", "fallback") == "fallback"
    FlakyCache.down = False
    cache.set("key", "stored")  # skipped: the breaker is open
    assert cache.get("key", "fallback") == "fallback"
    clock.now += cache_breaker.DEFAULT_BREAKER_SECONDS
    cache.set("key", "stored")
    assert cache.get("key", "fallback") == "stored"
    assert not cache.breaker.is_open


def test_a_redis_that_accepts_connections_and_never_answers_is_skipped_after_one_timeout(
    api, article, settings, caplog
):
    # The kernel completes the handshake of a listening socket nobody reads from: exactly a Redis
    # that accepts and never answers. Each connection the client made is accepted afterwards.
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    port = server.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache_breaker.BreakerRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": False,
                "SOCKET_CONNECT_TIMEOUT": 0.05,
                "SOCKET_TIMEOUT": 0.05,
            },
        }
    }
    caches["default"].breaker.clock = FakeClock()
    try:
        with caplog.at_level(logging.WARNING):
            assert api("/site").status_code == 200
            assert api(f"/pages/{article.pk}").status_code == 200
        assert caches["default"].breaker.is_open
        server.setblocking(False)
        connections = []
        while True:
            try:
                connections.append(server.accept()[0])
            except BlockingIOError:
                break
        assert len(connections) == 1
        assert len(breaker_warnings(caplog)) == 1
        assert "Timeout" in breaker_warnings(caplog)[0].getMessage()
    finally:
        for connection in locals().get("connections", []):
            connection.close()
        server.close()
