"""Redis stops under a worker with a job (a document, an e-mail) in flight: the worker stays up and the job is done.

The worker and this test use a throwaway redis-server of their own as the broker (never the shared
one), which the test stops and starts again on the same port, empty, as a restarted Redis without
persistence is.
"""

import time

from documents import registry
from documents.models import Document
from documents.services import document_request
from documents.tasks import render_document_task
from tests.factories import make_representative

from .test_worker_killed import read_log, wait_until

# As deploy/systemd/axs-worker.service runs it: processes, gossip, mingle and heartbeats. With the job
# acknowledged late the worker died here in 2 of 2 trials; acknowledged at its start, in none of 3.
PRODUCTION_OPTIONS = ["--pool=prefork", "--concurrency=2"]


def send(url, queue, document):
    """Send the job to the throwaway broker, as the platform would."""
    from axs_platform.celery import app

    with app.connection_for_write(url) as connection:
        render_document_task.apply_async((document.pk,), connection=connection, queue=queue)


def test_a_job_in_flight_when_redis_stops_is_completed_and_the_worker_keeps_working(
    celery_workers, throwaway_redis, tmp_path, settings, monkeypatch
):
    monkeypatch.setattr(registry, "_kinds", dict(registry._kinds))
    monkeypatch.setattr("documents.services.send_on_commit", lambda document: None)
    from tests.worker import slow_kind

    registry.register(slow_kind.SLOW_KIND)
    settings.MEDIA_ROOT = tmp_path / "media"
    broker_url = throwaway_redis.url(0)
    env = {
        "DJANGO_SETTINGS_MODULE": "tests.worker.worker_settings",
        "CELERY_BROKER_URL": broker_url,
        "CELERY_RESULT_BACKEND": throwaway_redis.url(1),
        "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    worker = celery_workers.start("outage", env, extra_args=PRODUCTION_OPTIONS)
    person = make_representative()
    render_log = tmp_path / "renders.jsonl"
    document = document_request(
        actor=person, kind=slow_kind.SLOW, language="es-mx", params={"log": str(render_log), "hang_seconds": 6}
    )
    send(broker_url, celery_workers.queue, document)
    assert wait_until(lambda: read_log(render_log), timeout=30), worker.log_path.read_text()

    throwaway_redis.stop()
    time.sleep(5)
    throwaway_redis.start()

    def ready(doc):
        doc.refresh_from_db()
        return doc.status == Document.Status.READY

    assert wait_until(lambda: ready(document), timeout=60), worker.log_path.read_text()
    assert document.attempts == 1
    # The worker is still there and takes the next job from the Redis that came back.
    second = document_request(
        actor=person, kind=slow_kind.SLOW, language="en", params={"log": str(tmp_path / "second.jsonl")}
    )
    Document.objects.filter(pk=second.pk).update(attempts=1)  # Not a first attempt: it renders at once.
    assert wait_until(lambda: worker.poll() is None and "Connected to redis" in worker.log_path.read_text(), 30)
    send(broker_url, celery_workers.queue, second)
    assert wait_until(lambda: ready(second), timeout=60), worker.log_path.read_text()
    log = worker.log_path.read_text()
    assert worker.poll() is None, log
    assert "Unrecoverable error" not in log, log


def test_an_email_being_sent_when_redis_stops_goes_out_once_and_the_worker_keeps_working(
    celery_workers, throwaway_redis, tmp_path
):
    """Acknowledged at its start, the e-mail task leaves Redis nothing to give back; its outbox row is the record."""
    from axs_platform import outbox
    from axs_platform.celery import app
    from axs_platform.mail import deliver_email_task
    from axs_platform.models import OutgoingEmail

    def publish(email):
        with app.connection_for_write(broker_url) as connection:
            deliver_email_task.apply_async((email.pk,), connection=connection, queue=celery_workers.queue)

    def status(email):
        email.refresh_from_db()
        return email.status

    mail_dir = tmp_path / "mail"
    broker_url = throwaway_redis.url(0)
    env = {
        "CELERY_BROKER_URL": broker_url,
        "CELERY_RESULT_BACKEND": throwaway_redis.url(1),
        "DJANGO_EMAIL_BACKEND": "tests.worker.slow_mail.SlowFileBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "AXS_TEST_MAIL_SECONDS": "6",
    }
    worker = celery_workers.start("mail-outage", env, extra_args=PRODUCTION_OPTIONS)
    email = outbox.record(subject="Sesión", body="Cuerpo", to=["ana@b.example"], send_on_commit=False)
    publish(email)
    assert wait_until(lambda: list(mail_dir.glob("started-*")), timeout=30), worker.log_path.read_text()

    throwaway_redis.stop()
    time.sleep(5)
    throwaway_redis.start()

    assert wait_until(lambda: status(email) == OutgoingEmail.Status.SENT, timeout=60), worker.log_path.read_text()
    assert email.attempts == 1
    second = outbox.record(subject="Otra", body="Cuerpo", to=["beto@b.example"], send_on_commit=False)
    assert wait_until(lambda: worker.poll() is None and "Connected to redis" in worker.log_path.read_text(), 30)
    publish(second)
    assert wait_until(lambda: status(second) == OutgoingEmail.Status.SENT, timeout=60), worker.log_path.read_text()
    sent = [path.read_text(encoding="utf-8") for path in mail_dir.glob("*.log")]
    assert sorted(text.count("To: ") for text in sent) == [1, 1] and "ana@b.example" in "".join(sent)
    log = worker.log_path.read_text()
    assert worker.poll() is None, log
    assert "Unrecoverable error" not in log, log
