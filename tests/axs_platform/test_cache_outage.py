"""A cache outage degrades to the database: calls answer as misses, quickly, and signed-in pages stay up.

Each test runs its own throwaway redis-server (never the shared one) and stops or freezes it.
"""

import logging
import time

import pytest
from django.core.cache import cache as default_cache
from django.urls import reverse

from axs_platform.cache import RedisCache
from tests.factories import make_representative, make_staff

OPTIONS = {"socket_connect_timeout": 0.3, "socket_timeout": 0.5, "retry_seconds": 5}


def backend(server):
    return RedisCache(server.url(), {"KEY_PREFIX": "axs-outage", "OPTIONS": dict(OPTIONS)})


def test_a_stopped_cache_answers_as_a_miss_and_the_outage_is_logged_once(throwaway_redis, caplog):
    cache = backend(throwaway_redis)
    cache.set("page", "kept", 30)
    assert cache.get("page") == "kept"
    throwaway_redis.stop()
    caplog.set_level(logging.WARNING, logger="axs_platform.cache")
    for _ in range(20):
        assert cache.get("page", "miss") == "miss"
        cache.set("page", "new", 30)
        assert cache.add("other", 1) is False
        assert cache.get_many(["page", "other"]) == {}
        assert cache.get_or_set("version", 7, None) == 7
        cache.delete("page")
        with pytest.raises(ValueError):
            cache.incr("counter")
    errors = [r for r in caplog.records if r.name == "axs_platform.cache" and r.levelname == "ERROR"]
    assert len(errors) == 1 and "unavailable" in errors[0].getMessage()


def test_a_frozen_cache_costs_a_fraction_of_a_second_once_then_nothing(throwaway_redis):
    cache = backend(throwaway_redis)
    cache.set("page", "kept", 30)
    throwaway_redis.freeze()
    try:
        started = time.monotonic()
        assert cache.get("page", "miss") == "miss"
        first = time.monotonic() - started
        started = time.monotonic()
        for _ in range(50):
            assert cache.get("page", "miss") == "miss"
        rest = time.monotonic() - started
    finally:
        throwaway_redis.thaw()
    assert first < 1.0
    assert rest < 0.1


def test_the_cache_is_used_again_once_it_answers(throwaway_redis):
    cache = backend(throwaway_redis)
    cache.retry_seconds = 0
    port = throwaway_redis.port
    throwaway_redis.stop()
    assert cache.get("page", "miss") == "miss"
    throwaway_redis.port = port
    throwaway_redis.start()
    cache.set("page", "back", 30)
    assert cache.get("page") == "back"


@pytest.mark.django_db
@pytest.mark.parametrize("fault", ["stopped", "frozen"])
def test_signed_in_pages_answer_quickly_while_the_cache_is_down(fault, throwaway_redis, settings, client):
    settings.CACHES = {
        "default": {"BACKEND": "axs_platform.cache.RedisCache", "LOCATION": throwaway_redis.url(), "OPTIONS": OPTIONS}
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    person = make_representative()
    client.force_login(person)
    assert client.get(reverse("home")).status_code == 200  # The session is in Redis now.
    if fault == "stopped":
        throwaway_redis.stop()
    else:
        throwaway_redis.freeze()
    try:
        pages = [reverse("home"), reverse("documents:document-list"), reverse("sdg:goal-detail", args=[5])]
        for url in pages * 3:
            started = time.monotonic()
            response = client.get(url)
            assert response.status_code == 200, url
            assert response.wsgi_request.user == person  # Still signed in: the session came from the database.
            assert time.monotonic() - started < 2.0
        # Signing in again writes a new session through to the database while the cache is down.
        client.logout()
        staff = make_staff()
        client.force_login(staff)
        assert client.get(reverse("documents:document-list")).wsgi_request.user == staff
    finally:
        if fault == "frozen":
            throwaway_redis.thaw()
    assert default_cache.get("anything", "miss") == "miss"
