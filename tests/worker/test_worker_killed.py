"""A worker killed mid-render (SIGKILL), with production's visibility timeout: the sweep hands the job back.

The job is acknowledged when it starts, so Redis has nothing to give back; its heartbeat stops when
its worker dies, and
the sweep (run here by the test, as Celery beat runs it in production) queues it again, so the next
worker renders it within a couple of minutes, once, with the attempts recorded.
"""

import json
import signal
import time
from pathlib import Path

from documents import registry
from documents.models import Document
from documents.queueing import documents_sweep
from documents.services import document_request
from tests.factories import make_representative


def wait_until(condition, timeout, step=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    return condition()


def read_log(path):
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_killed_workers_job_is_rendered_by_the_next_worker_within_minutes(
    celery_workers, tmp_path, settings, monkeypatch
):
    monkeypatch.setattr(registry, "_kinds", dict(registry._kinds))
    from tests.worker import slow_kind

    registry.register(slow_kind.SLOW_KIND)
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.AXS_DOCUMENT_STALE_SECONDS = 5
    env = {
        "DJANGO_SETTINGS_MODULE": "tests.worker.worker_settings",
        "CELERY_VISIBILITY_TIMEOUT": "3600",
        "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "AXS_DOCUMENT_HEARTBEAT_SECONDS": "1",
        "AXS_DOCUMENT_STALE_SECONDS": "5",
    }
    render_log = tmp_path / "renders.jsonl"
    worker_a = celery_workers.start("a", env)
    document = document_request(
        actor=make_representative(),
        kind=slow_kind.SLOW,
        language="es-mx",
        params={"log": str(render_log), "hang_seconds": 600},
    )
    assert wait_until(lambda: read_log(render_log), timeout=30), worker_a.log_path.read_text()
    time.sleep(2.5)
    document.refresh_from_db()
    assert document.status == Document.Status.RENDERING and document.heartbeat_at > document.started_at

    worker_a.send_signal(signal.SIGKILL)
    worker_a.wait(timeout=10)
    killed_at = time.monotonic()
    worker_b = celery_workers.start("b", env)

    def swept_and_ready():
        documents_sweep()  # What Celery beat does every AXS_DOCUMENT_SWEEP_SECONDS.
        document.refresh_from_db()
        return document.status == Document.Status.READY

    assert wait_until(swept_and_ready, timeout=180, step=2), worker_b.log_path.read_text()
    assert time.monotonic() - killed_at < 180
    assert document.attempts == 2
    # One file only: the attempt presumed dead stored nothing. Stored under a random name; the shown one is kept.
    files = [path for path in (settings.MEDIA_ROOT / "documents").rglob("*") if path.is_file()]
    assert [path.name for path in files] == [Path(document.file.name).name]
    assert document.filename == "lento.pdf"
    events = [(e["event"], e["attempt"], e["pid"]) for e in read_log(render_log)]
    assert events == [("start", 1, worker_a.pid), ("start", 2, worker_b.pid), ("end", 2, worker_b.pid)]
