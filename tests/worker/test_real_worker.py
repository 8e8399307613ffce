"""Tasks go through Redis to a real worker process (run in CI's PostgreSQL + Redis pass)."""

import time

from django.urls import reverse

from axs_platform.mail import send_email
from axs_platform.models import OutgoingEmail
from tests.factories import make_representative


def wait_for_files(folder, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        files = sorted(folder.glob("*.log")) if folder.exists() else []
        if files:
            return files
        time.sleep(0.2)
    return []


def test_the_worker_sends_an_email_from_the_outbox(celery_worker_process):
    send_email(subject="Sesión del comité", body="Cuerpo con acentos: ñ ¿¡", to=["ana@b.example"])
    [message] = wait_for_files(celery_worker_process)
    text = message.read_text(encoding="utf-8")
    assert "ana@b.example" in text
    email = OutgoingEmail.objects.get()
    deadline = time.monotonic() + 10
    while email.status != OutgoingEmail.Status.SENT and time.monotonic() < deadline:
        time.sleep(0.1)
        email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT and email.attempts == 1


def test_a_password_reset_asked_on_the_site_is_sent_by_the_worker(celery_worker_process, client):
    make_representative(email="worker@b.example")
    response = client.post(reverse("accounts:password-reset"), {"email": "worker@b.example"})
    assert response.status_code == 302
    [message] = wait_for_files(celery_worker_process, timeout=60)
    text = message.read_text(encoding="utf-8")
    assert "worker@b.example" in text
    assert "/cuenta/contrasena/restablecer/" in text


def test_a_document_is_rendered_by_the_worker(celery_worker_process, client):
    from documents.models import Document
    from sdg.models import Goal

    client.force_login(make_representative())
    goal = Goal.objects.get(number=11)
    client.post(
        reverse("documents:document-request"), {"kind": "sdg.goal_sheet", "object_id": goal.pk, "language": "es-mx"}
    )
    document = Document.objects.get()
    deadline = time.monotonic() + 60
    while document.status != Document.Status.READY and time.monotonic() < deadline:
        time.sleep(0.2)
        document.refresh_from_db()
    assert document.status == Document.Status.READY, document.error
    assert document.attempts == 1
    assert client.get(reverse("documents:document-download", args=[document.pk])).status_code == 200
