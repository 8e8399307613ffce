"""Fixtures every test shares: fast password hashing, inline Celery tasks, demo data on demand."""

import contextlib
import datetime
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.browser_fixtures import browser, page  # noqa: F401 (one Playwright for the whole session)
from tests.redis_server import throwaway_redis  # noqa: F401 (a fixture for the tests that take Redis away)

LOCALE = Path(__file__).resolve().parents[1] / "locale"


def pytest_addoption(parser):
    parser.addoption(
        "--days-ahead",
        type=int,
        default=int(os.environ.get("AXS_TEST_DAYS_AHEAD", "0")),
        help="run the tests (but those through a real worker) with the clock this many days ahead of today's",
    )


@contextlib.contextmanager
def clock_ahead(config):
    """Move the clock the ``--days-ahead`` days forward while the block runs; time goes on ticking."""
    days = config.getoption("days_ahead")
    if not days:
        yield
        return
    import time_machine

    with time_machine.travel(datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=days), tick=True):
        yield


@pytest.fixture(autouse=True)
def _clock(request):
    """Nothing may depend on today being a particular day: CI runs the suite a year ahead too."""
    if request.node.get_closest_marker("worker"):  # a worker process keeps the real clock
        yield
        return
    with clock_ahead(request.config):
        yield


def pytest_configure(config):
    """Give this test process a media folder and, under pytest-xdist, a Redis cache database of its own.

    ``make test`` and ``.ci/run`` run the suite in two processes (``-n 2``, pytest-xdist); each has its
    own test database already (pytest-django names it after the process). Files the tests write go to a
    throwaway folder rather than the project's ``media/``, so two processes never overwrite each other's
    ``documents/1/…``; with ``CACHE_URL`` on Redis each process gets database 10 + its number, since
    ``cache.clear()`` empties a whole database. Both are set before anything opens the cache or the
    storage, in the environment too, for the worker and shell processes that tests start.
    """
    from django.conf import settings

    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    media = Path(tempfile.mkdtemp(prefix=f"axs-test-media-{worker or 'main'}-"))
    config.add_cleanup(lambda: shutil.rmtree(media, ignore_errors=True))
    os.environ["DJANGO_MEDIA_ROOT"] = str(media)
    settings.MEDIA_ROOT = media
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.postgresql":
        from django.db import connections

        # Empties tables with DELETE (tests/postgresql/base.py). Setting up Django made the connection
        # already, not yet connected: it is dropped, and the next use makes one with the tests' backend.
        database["ENGINE"] = "tests.postgresql"
        del connections["default"]
    cache_url = os.environ.get("CACHE_URL", "")
    if worker and cache_url.startswith(("redis://", "rediss://")):
        redis_database = 10 + int(worker.removeprefix("gw"))
        if redis_database > 15:  # Redis has databases 0-15 unless configured otherwise
            raise pytest.UsageError("At most 6 pytest-xdist processes with CACHE_URL on Redis (databases 10-15).")
        own = re.sub(r"(/\d+)?$", f"/{redis_database}", cache_url, count=1)
        os.environ["CACHE_URL"] = own
        settings.CACHES["default"]["LOCATION"] = own


def pytest_collection_modifyitems(config, items):
    """Keep together, on one pytest-xdist process (``--dist loadgroup``), what shares a costly set-up.

    A module's tests share its module-scoped rows; the modules that read the demo report's PDF share one
    rendering per process; the tests through a real Celery worker run one after another, as their
    timings assume. Without xdist the mark changes nothing.
    """
    for item in items:
        path = Path(str(item.fspath)).relative_to(Path(__file__).resolve().parent).as_posix()
        if path.startswith("worker/"):
            group = "worker"
        elif "demo_report_pdfs" in item.fixturenames:
            group = "demo-report-pdf"
        else:
            group = path
        item.add_marker(pytest.mark.xdist_group(group))


def pytest_report_header(config):
    days = config.getoption("days_ahead")
    return [f"clock moved {days} days ahead (--days-ahead)"] if days else []


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
        # Python's gettext keeps every file it read by path; Django's translations sit on top of that.
        import gettext

        from asgiref.local import Local
        from django.utils.translation import trans_real

        gettext._translations.clear()
        trans_real._translations = {}
        trans_real._default = None
        trans_real._active = Local()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    from tests.demo_snapshot import FAST_HASHERS

    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture(autouse=True)
def _api_rate_limits(settings):
    """Tests ask the read API far faster than a client may; tests/api/test_errors.py sets its own limits."""
    settings.AXS_API_ANON_RATE = settings.AXS_API_TOKEN_RATE = "100000/min"


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


@contextlib.contextmanager
def rows_for_the_module(request, django_db_blocker, build):
    """Write ``build()``'s rows once for a module's tests to read; yield what it returns; undo it after them.

    For a module-scoped fixture, as a ``TestCase``'s ``setUpTestData``: the rows are written in a
    transaction that stays open while the module's tests run, each test in a savepoint of it, and that
    is rolled back after the last one. Only for modules whose tests are not transactional (those empty
    every table). The rows are written as a test writes them: clock ahead, fast hashing, tasks inline.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.test import override_settings

    from axs_platform.celery import app
    from tests.demo_snapshot import FAST_HASHERS

    eager = app.conf.task_always_eager
    with django_db_blocker.unblock(), transaction.atomic():
        app.conf.task_always_eager = True
        try:
            with clock_ahead(request.config), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
                built = build()
        finally:
            app.conf.task_always_eager = eager
        yield built
        transaction.set_rollback(True)
    ContentType.objects.clear_cache()


@pytest.fixture(scope="session")
def _demo_rows(request, django_db_setup, django_db_blocker):
    """Build the demo alliance once per test session (see tests/demo_snapshot.py)."""
    from tests import demo_snapshot

    with django_db_blocker.unblock(), clock_ahead(request.config):
        return demo_snapshot.take()


@pytest.fixture
def demo(_demo_rows, db, settings, tmp_path):
    """The demo alliance, as ``load_demo`` leaves it, in this test's database and its own media folder."""
    from tests import demo_snapshot

    settings.MEDIA_ROOT = tmp_path / "media"
    demo_snapshot.restore(_demo_rows)


@pytest.fixture(autouse=True)
def _framework_after_flush(request):
    """Reload the SDG framework for transactional tests: each one ends by emptying every table."""
    marker = request.node.get_closest_marker("django_db")
    marked = marker is not None and marker.kwargs.get("transaction", False)
    if marked or {"transactional_db", "live_server"} & set(request.fixturenames):
        request.getfixturevalue("transactional_db")
        from sdg.loader import load_framework
        from sdg.models import Goal, Indicator, Target

        if not Goal.objects.exists():
            load_framework(Goal, Target, Indicator)
    yield
