"""Fixtures every test shares: fast password hashing, inline Celery tasks, demo data on demand."""

import io

import pytest
from django.core.management import call_command


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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
