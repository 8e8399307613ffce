"""The Redis cache keeps one client per connection pool, and still reads and writes as Django's does."""

import os

import pytest

from axs_platform.cache import RedisCache

redis = pytest.importorskip("redis")
URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def cache():
    try:
        redis.Redis.from_url(URL, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        pytest.skip("Redis is not reachable")
    backend = RedisCache(URL, {"KEY_PREFIX": "axs-test-cache"})
    yield backend
    backend.clear()


def test_one_client_serves_every_call_to_the_same_server(cache):
    client = cache._cache.get_client(write=True)
    assert cache._cache.get_client() is client
    assert cache._cache.get_client("any-key", write=False) is client


def test_it_reads_writes_and_deletes_as_django_does(cache):
    cache.set("session", {"user": 7}, 30)
    assert cache.get("session") == {"user": 7}
    assert cache.add("session", "other") is False
    cache.delete("session")
    assert cache.get("session", "gone") == "gone"
