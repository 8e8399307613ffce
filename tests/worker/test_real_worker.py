"""Tasks go through Redis to a real worker process (run in CI's PostgreSQL + Redis pass)."""

import time

from django.urls import reverse

from axs_platform.mail import send_email_task
from tests.factories import make_representative


def wait_for_files(folder, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        files = sorted(folder.glob("*.log")) if folder.exists() else []
        if files:
            return files
        time.sleep(0.2)
    return []


def test_the_worker_sends_an_email_task(celery_worker_process):
    result = send_email_task.delay("Sesión del comité", "Cuerpo con acentos: ñ ¿¡", ["ana@b.example"], None, None)
    assert result.get(timeout=60) == 1
    [message] = wait_for_files(celery_worker_process)
    text = message.read_text(encoding="utf-8")
    assert "ana@b.example" in text


def test_a_password_reset_asked_on_the_site_is_sent_by_the_worker(celery_worker_process, client):
    make_representative(email="worker@b.example")
    response = client.post(reverse("accounts:password-reset"), {"email": "worker@b.example"})
    assert response.status_code == 302
    [message] = wait_for_files(celery_worker_process, timeout=60)
    text = message.read_text(encoding="utf-8")
    assert "worker@b.example" in text
    assert "/cuenta/contrasena/restablecer/" in text
