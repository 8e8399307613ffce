"""Cached fragments: rendered once per version of their data, stale after a change, in every process."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import transaction

from axs_platform import fragments

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
