"""A real Celery worker process on its own queue, connected to the test database."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/worker" in str(item.fspath):
            item.add_marker(pytest.mark.worker)


def _database_url():
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def celery_worker_process(transactional_db, tmp_path):
    """Start ``celery worker`` on a queue of its own; yield the folder it writes e-mail to."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        pytest.skip("No CELERY_BROKER_URL: tasks run inline (the embedded default).")
    if connection.vendor != "postgresql":
        pytest.skip("A worker process needs a database it can share with the tests (PostgreSQL).")
    from axs_platform.celery import app

    queue = f"test-{uuid.uuid4().hex[:8]}"
    name = f"{queue}@localhost"
    mail_dir = tmp_path / "mail"
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
    }
    log = open(tmp_path / "worker.log", "w")  # noqa: SIM115 (closed below, after the process)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "axs_platform",
            "worker",
            "--pool=solo",
            "-Q",
            queue,
            "-n",
            name,
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    previous_queue = app.conf.task_default_queue
    app.conf.task_default_queue = queue
    try:
        deadline = time.monotonic() + 60
        while not app.control.ping(destination=[name], timeout=1):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("The Celery worker did not start:\n" + (tmp_path / "worker.log").read_text())
        yield mail_dir
    finally:
        app.conf.task_default_queue = previous_queue
        process.terminate()
        process.wait(timeout=30)
        log.close()
