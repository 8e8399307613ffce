"""Fixtures every test shares: fast password hashing, inline Celery tasks, demo data on demand."""

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.redis_server import throwaway_redis  # noqa: F401 (a fixture for the tests that take Redis away)

LOCALE = Path(__file__).resolve().parents[1] / "locale"


def pytest_sessionstart(session):
    """Compile a translation catalogue that changed since it was last compiled (make does it too)."""
    msgfmt = shutil.which("msgfmt")
    compiled_any = False
    for catalogue in LOCALE.glob("*/LC_MESSAGES/django.po"):
        compiled = catalogue.with_suffix(".mo")
        if msgfmt and (not compiled.exists() or compiled.stat().st_mtime < catalogue.stat().st_mtime):
            subprocess.run([msgfmt, "--check-format", "-o", str(compiled), str(catalogue)], check=True)
            compiled_any = True
    if compiled_any:
        # Django may have read the old catalogue already (while setting up): make it read the new one.
        from asgiref.local import Local
        from django.utils.translation import trans_real

        trans_real._translations = {}
        trans_real._default = None
        trans_real._active = Local()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _default_language():
    """Start every test in the default language: a request in another one leaves it active."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Start every test with an empty cache, so no test sees what another cached."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _celery_tasks_inline(request):
    """Run tasks in the test's own process, except in tests that go through a real worker."""
    if request.node.get_closest_marker("worker"):
        yield
        return
    from axs_platform.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def demo(db):
    """Load the demo alliance."""
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture(autouse=True)
def _framework_after_flush(request):
    """Reload the SDG framework for transactional tests: each one ends by emptying every table."""
    if {"transactional_db", "live_server"} & set(request.fixturenames):
        request.getfixturevalue("transactional_db")
        from sdg.loader import load_framework
        from sdg.models import Goal, Indicator, Target

        if not Goal.objects.exists():
            load_framework(Goal, Target, Indicator)
    yield
