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


class Workers:
    """Starts ``celery worker`` processes on one queue of its own; stops them all at the end."""

    def __init__(self, folder):
        self.folder = folder
        self.queue = f"test-{uuid.uuid4().hex[:8]}"
        self.processes = []
        self.logs = []

    def start(self, label="worker", env=None, extra_args=None):
        """Start a worker named ``label`` and return its process once it answers a ping.

        A worker on a broker of its own (``CELERY_BROKER_URL`` in ``env``) cannot be pinged through
        the tests' broker: it is taken as started once its log says it is ready. ``extra_args``
        replace the options that turn gossip, mingle and heartbeats off.
        """
        from axs_platform.celery import app

        name = f"{self.queue}-{label}@localhost"
        log_path = self.folder / f"{label}.log"
        log = open(log_path, "w")  # noqa: SIM115 (closed in stop_all, after the process)
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
                self.queue,
                "-n",
                name,
                "--loglevel=INFO",
                *(extra_args or ["--without-gossip", "--without-mingle", "--without-heartbeat"]),
            ],
            cwd=ROOT,
            env={
                **os.environ,
                "DATABASE_URL": _database_url(),
                "CELERY_TASK_DEFAULT_QUEUE": self.queue,
                **(env or {}),
            },
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        process.log_path = log_path
        self.processes.append(process)
        self.logs.append(log)
        deadline = time.monotonic() + 60
        own_broker = "CELERY_BROKER_URL" in (env or {})
        while not (
            " ready." in log_path.read_text() if own_broker else app.control.ping(destination=[name], timeout=1)
        ):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"The Celery worker {label} did not start:\n" + log_path.read_text())
            if own_broker:
                time.sleep(0.2)
        return process

    def stop_all(self):
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for log in self.logs:
            log.close()


@pytest.fixture
def celery_workers(transactional_db, tmp_path):
    """Start real workers with ``celery_workers.start()``; tasks sent by the test go to their queue."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        pytest.skip("No CELERY_BROKER_URL: tasks run inline (the embedded default).")
    if connection.vendor != "postgresql":
        pytest.skip("A worker process needs a database it can share with the tests (PostgreSQL).")
    from axs_platform.celery import app

    workers = Workers(tmp_path)
    previous_queue = app.conf.task_default_queue
    app.conf.task_default_queue = workers.queue
    try:
        yield workers
    finally:
        app.conf.task_default_queue = previous_queue
        workers.stop_all()


@pytest.fixture
def celery_worker_process(celery_workers, tmp_path):
    """Start one worker; yield the folder it writes e-mail to."""
    mail_dir = tmp_path / "mail"
    celery_workers.start(
        env={
            "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(mail_dir),
        }
    )
    return mail_dir
