"""Cached fragments: rendered once per version of their data, stale after a change, in every process."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.db import transaction
from django.urls import reverse

from axs_platform import fragments
from axs_platform.cache import RedisCache

ROOT = Path(__file__).resolve().parents[2]


def counting_render(value):
    calls = []

    def render():
        calls.append(value)
        return value, None

    return render, calls


@pytest.mark.django_db
def test_a_fragment_is_rendered_once_until_its_area_changes():
    render, calls = counting_render("<p>uno</p>")
    assert fragments.fragment([fragments.DIRECTORY], "test", ("page", 1), render) == "<p>uno</p>"
    assert fragments.fragment([fragments.DIRECTORY], "test", ("page", 1), render) == "<p>uno</p>"
    assert len(calls) == 1
    fragments.changed(fragments.COMMITTEES)  # another area: still fresh
    fragments.fragment([fragments.DIRECTORY], "test", ("page", 1), render)
    assert len(calls) == 1
    fragments.changed(fragments.DIRECTORY)
    fragments.fragment([fragments.DIRECTORY], "test", ("page", 1), render)
    assert len(calls) == 2


@pytest.mark.django_db(transaction=True)
def test_a_change_is_seen_at_once_and_again_after_commit():
    render, calls = counting_render("x")
    with transaction.atomic():
        fragments.fragment([fragments.PROPOSALS], "test", (), render)
        fragments.changed(fragments.PROPOSALS)
        fragments.fragment([fragments.PROPOSALS], "test", (), render)  # the transaction's own next page
        assert len(calls) == 2
        before_commit = fragments.versions(fragments.PROPOSALS)
    assert fragments.versions(fragments.PROPOSALS) != before_commit


@pytest.mark.django_db
def test_an_unknown_area_is_refused():
    with pytest.raises(ValueError, match="Unknown fragment area"):
        fragments.changed("nothing")


SHOW = (
    "from axs_platform import fragments; "
    "print(fragments.fragment(['committees'], 'shared', (), lambda: ({value!r}, None)))"
)


def shell(code, cache_url, database_url):
    env = {
        **os.environ,
        "CACHE_URL": cache_url,
        "DATABASE_URL": database_url,  # touched only to learn that no transaction is open
        "DJANGO_SETTINGS_MODULE": "axs_platform.settings",
    }
    env.pop("DJANGO_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


def test_a_change_made_by_one_process_is_seen_by_another(tmp_path):
    """Two processes (a web worker and a Celery worker, say) sharing the cache: no stale copy survives."""
    cache_url, database_url = f"file://{tmp_path / 'cache'}", f"sqlite:///{tmp_path / 'db.sqlite3'}"
    assert shell(SHOW.format(value="first"), cache_url, database_url) == "first"
    assert shell(SHOW.format(value="second"), cache_url, database_url) == "first"  # kept: the data did not change
    shell("from axs_platform import fragments; fragments.changed('committees')", cache_url, database_url)
    assert shell(SHOW.format(value="third"), cache_url, database_url) == "third"


def stop_keeping_the_data(server):
    """Stop Redis after a snapshot, which it loads when it starts again (as a Redis that persists does).

    Not a freeze: a frozen Redis runs the writes queued on its socket once it is thawed, so nothing is lost.
    """
    redis.Redis.from_url(server.url()).save()
    server.stop()


@pytest.mark.django_db
def test_a_change_made_while_the_cache_is_down_shows_as_soon_as_it_answers_again(throwaway_redis, settings, client):
    """Redis comes back with its data (a saved snapshot); the bump lost meanwhile must not leave the old page."""
    from companies import services
    from tests.factories import make_organization, make_staff

    options = {"socket_connect_timeout": 0.3, "socket_timeout": 0.5, "retry_seconds": 1}
    settings.CACHES = {
        "default": {"BACKEND": "axs_platform.cache.RedisCache", "LOCATION": throwaway_redis.url(), "OPTIONS": options}
    }
    staff = make_staff()
    organization = make_organization(actor=staff, short_name="Antes Uno")
    directory = reverse("companies:directory")
    assert "Antes Uno" in client.get(directory).content.decode()
    cached_versions = fragments.versions(fragments.DIRECTORY, fragments.COMMITTEES)

    stop_keeping_the_data(throwaway_redis)
    services.organization_update(actor=staff, organization=organization, short_name="Después Dos")
    throwaway_redis.start()
    time.sleep(1.2)  # the cache is asked again once its back-off has passed

    page = client.get(directory).content.decode()
    assert "Después Dos" in page and "Antes Uno" not in page
    assert fragments.versions(fragments.DIRECTORY, fragments.COMMITTEES) != cached_versions


@pytest.mark.django_db
def test_a_bump_the_cache_did_not_take_is_made_again_without_waiting_for_a_page(throwaway_redis, settings):
    options = {"socket_connect_timeout": 0.3, "socket_timeout": 0.5, "retry_seconds": 0.5}
    settings.CACHES = {
        "default": {"BACKEND": "axs_platform.cache.RedisCache", "LOCATION": throwaway_redis.url(), "OPTIONS": options}
    }
    before = fragments.versions(fragments.MATRIX)
    stop_keeping_the_data(throwaway_redis)
    fragments.changed(fragments.MATRIX)
    throwaway_redis.start()
    # A backend of the test's own reads Redis: the timer, not this read, must have made the bump again.
    stored = RedisCache(throwaway_redis.url(), {"OPTIONS": dict(options)})
    deadline = time.monotonic() + 10
    while stored.get("fragments:matrix:version") == before[0] and time.monotonic() < deadline:
        time.sleep(0.2)
    assert stored.get("fragments:matrix:version") != before[0]
