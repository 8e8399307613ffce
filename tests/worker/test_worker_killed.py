"""A worker killed in the middle of a job: Redis hands the job to another worker, which renders it once.

The job is acknowledged late (after it ran), so a worker that dies leaves it unacknowledged in
Redis; once the visibility timeout has passed, the next worker puts it back on the queue and
runs it. Here worker A is killed (SIGKILL) while it renders, with a visibility timeout of
5 s instead of production's hour, and worker B finishes the job.
"""

import json
import signal
import time

import redis
from django.conf import settings

from documents import registry
from documents.models import Document
from documents.services import document_request
from tests.factories import make_representative

VISIBILITY_TIMEOUT = 5


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


def unacked_task_ids():
    """The ids of the tasks Redis holds as taken but not acknowledged, on every queue."""
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    ids = set()
    for payload in client.hvals("unacked"):
        message, _exchange, _routing_key = json.loads(payload)
        ids.add(message["headers"]["id"])
    return ids


def test_a_job_whose_worker_is_killed_is_rendered_once_by_the_next_worker(
    celery_workers, tmp_path, settings, monkeypatch
):
    monkeypatch.setattr(registry, "_kinds", dict(registry._kinds))
    from tests.worker import slow_kind

    registry.register(slow_kind.SLOW_KIND)
    settings.MEDIA_ROOT = tmp_path / "media"
    env = {
        "DJANGO_SETTINGS_MODULE": "tests.worker.worker_settings",
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
        "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    render_log = tmp_path / "renders.jsonl"
    worker_a = celery_workers.start("a", env)

    document = document_request(
        actor=make_representative(),
        kind=slow_kind.SLOW,
        language="es-mx",
        params={"log": str(render_log), "hang_seconds": 60},
    )
    assert wait_until(lambda: any(e["event"] == "start" for e in read_log(render_log)), timeout=20), (
        worker_a.log_path.read_text()
    )
    document.refresh_from_db()
    assert document.status == Document.Status.RENDERING
    assert document.attempts == 1

    worker_a.send_signal(signal.SIGKILL)
    worker_a.wait(timeout=10)
    killed_at = time.time()
    [task_id] = _task_ids(worker_a)
    assert task_id in unacked_task_ids()  # Redis still holds the job for the dead worker.

    worker_b = celery_workers.start("b", env)

    def finished():
        document.refresh_from_db()
        return document.status not in Document.IN_PROGRESS

    assert wait_until(finished, timeout=VISIBILITY_TIMEOUT + 30), worker_b.log_path.read_text()
    assert document.status == Document.Status.READY, document.error
    assert document.attempts == 2
    files = list((settings.MEDIA_ROOT / "documents").rglob(f"{document.pk}-*"))
    assert [f.name for f in files] == [f"{document.pk}-lento.pdf"]
    assert document.file.name.endswith(f"{document.pk}-lento.pdf")

    # One more rendering, by worker B, started after A was dead: never two at the same time.
    events = [(e["event"], e["attempt"], e["pid"]) for e in read_log(render_log)]
    assert events == [("start", 1, worker_a.pid), ("start", 2, worker_b.pid), ("end", 2, worker_b.pid)]
    assert read_log(render_log)[1]["time"] >= killed_at
    # B ran the same job once and acknowledged it: Redis holds nothing more to deliver.
    b_log = worker_b.log_path.read_text()
    assert b_log.count(f"Task documents.render[{task_id}] received") == 1, b_log
    assert wait_until(lambda: f"Task documents.render[{task_id}] succeeded" in worker_b.log_path.read_text(), 10)
    assert wait_until(lambda: task_id not in unacked_task_ids(), timeout=10)
    assert _task_ids(worker_b) == {task_id}


def _task_ids(worker):
    text = worker.log_path.read_text()
    return {part.split("]")[0] for part in text.split("Task documents.render[")[1:]}
