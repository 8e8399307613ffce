"""The e-mail outbox: recorded with the change that asks for it, sent at most once, never lost to a broker outage."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from axs_platform import outbox
from axs_platform.mail import deliver_email_task, send_email
from axs_platform.models import OutgoingEmail

pytestmark = pytest.mark.django_db


def queue(django_capture_on_commit_callbacks, **fields):
    with django_capture_on_commit_callbacks(execute=True):
        send_email(
            subject="Sesión  del\ncomité", body="Enlace: https://axs.example/x", to=["ana@b.example", ""], **fields
        )
    return OutgoingEmail.objects.latest("pk")


def test_a_message_is_recorded_sent_once_and_emptied_of_its_body(django_capture_on_commit_callbacks):
    email = queue(django_capture_on_commit_callbacks, attachments=[["sesion.ics", "BEGIN:VCALENDAR", "text/calendar"]])
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Sesión del comité" and mail.outbox[0].to == ["ana@b.example"]
    assert mail.outbox[0].attachments[0][0] == "sesion.ics"
    email.refresh_from_db()
    assert (email.status, email.attempts, email.body, email.attachments) == ("sent", 1, "", [])
    assert email.sent_at is not None and email.to == ["ana@b.example"]
    # A duplicate message, a second run or a sweep finds nothing to send.
    assert deliver_email_task.apply(args=(email.pk,)).get() == 0
    assert outbox.mail_sweep(now=timezone.now() + timedelta(hours=1)) == 0
    assert len(mail.outbox) == 1


def test_nothing_is_recorded_without_recipients(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_email(subject="x", body="y", to=["", None])
    assert not OutgoingEmail.objects.exists() and not mail.outbox


def test_a_broker_that_does_not_answer_loses_nothing_and_the_sweep_sends_it_later(
    django_capture_on_commit_callbacks, monkeypatch
):
    def refuse(*args, **kwargs):
        raise BrokerError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(deliver_email_task, "apply_async", refuse)
    email = queue(django_capture_on_commit_callbacks)  # the request that asked for it does not fail
    email.refresh_from_db()
    assert (email.status, email.sent_to_broker_at, len(mail.outbox)) == ("queued", None, 0)
    assert outbox.mail_sweep() == 0  # still down: nothing sent, nothing lost
    monkeypatch.undo()
    assert outbox.mail_sweep() == 1
    email.refresh_from_db()
    assert email.status == "sent" and len(mail.outbox) == 1


def test_a_message_the_broker_took_but_lost_is_sent_again_only_after_a_while(
    django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(deliver_email_task, "apply_async", lambda *args, **kwargs: None)  # taken, then lost
    email = queue(django_capture_on_commit_callbacks)
    email.refresh_from_db()
    assert email.status == "queued" and email.sent_to_broker_at is not None
    assert outbox.mail_sweep() == 0  # just sent: a worker may be about to take it
    monkeypatch.undo()
    assert outbox.mail_sweep(now=timezone.now() + timedelta(minutes=3)) == 1
    assert len(mail.outbox) == 1


def test_a_refusing_mail_server_queues_it_again_for_later_and_gives_up_after_six_tries(
    django_capture_on_commit_callbacks, monkeypatch
):
    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    email = queue(django_capture_on_commit_callbacks)
    email.refresh_from_db()
    assert email.status == "queued" and email.attempts == 1 and "SMTPServerDisconnected" in email.error
    assert deliver_email_task.apply(args=(email.pk,)).get() == 0  # not due yet
    assert email.not_before > timezone.now()
    for _attempt in range(outbox.MAX_ATTEMPTS - 1):
        OutgoingEmail.objects.filter(pk=email.pk).update(not_before=timezone.now() - timedelta(seconds=1))
        assert outbox.mail_sweep() == 1  # due: sent again, refused again
    email.refresh_from_db()
    assert email.status == "failed" and email.attempts == outbox.MAX_ATTEMPTS and "6 attempts" in email.error


@pytest.mark.parametrize(
    ("refusal", "status"),
    [
        (smtplib.SMTPRecipientsRefused({"ana@b.example": (450, b"Greylisted, try again later")}), "queued"),
        (smtplib.SMTPSenderRefused(421, b"Too busy", "axs@amexcid.example"), "queued"),
        (smtplib.SMTPDataError(452, b"Insufficient system storage"), "queued"),
        (smtplib.SMTPRecipientsRefused({"ana@b.example": (550, b"No such user")}), "failed"),
        (smtplib.SMTPDataError(554, b"Rejected as spam"), "failed"),
    ],
)
def test_a_4xx_reply_is_tried_again_later_and_a_5xx_reply_is_final(
    django_capture_on_commit_callbacks, monkeypatch, refusal, status
):
    def refuse(self, messages):
        raise refusal

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    try:
        email = queue(django_capture_on_commit_callbacks)
    except smtplib.SMTPException:
        email = OutgoingEmail.objects.latest("pk")  # a final refusal is raised to the task, once, after recording it
    email.refresh_from_db()
    assert email.status == status and email.attempts == 1


def test_a_message_left_being_sent_by_a_dead_worker_is_marked_failed_not_sent_twice():
    email = OutgoingEmail.objects.create(
        subject="x", body="y", to=["ana@b.example"], status="sending", started_at=timezone.now(), attempts=1
    )
    assert outbox.mail_sweep() == 0
    email.refresh_from_db()
    assert email.status == "sending"
    outbox.mail_sweep(now=timezone.now() + timedelta(hours=1))
    email.refresh_from_db()
    assert email.status == "failed" and "may or may not" in email.error
    assert not mail.outbox


def test_a_message_queued_with_the_old_task_arguments_is_recorded_and_sent():
    from axs_platform.mail import send_email_task

    assert send_email_task.apply(args=("Asunto", "Cuerpo", ["ana@b.example"], None, None)).get() == 1
    assert OutgoingEmail.objects.get().status == "sent" and len(mail.outbox) == 1


def test_beat_runs_the_mail_sweep_and_no_task_is_acknowledged_late(settings):
    from axs_platform.celery import app

    app.loader.import_default_modules()  # the apps' tasks modules, as a worker imports them
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"axs_platform.mail_sweep", "documents.sweep", "projects.ballots_due"} <= scheduled
    assert scheduled <= set(app.tasks)
    ours = [task for name, task in app.tasks.items() if not name.startswith("celery.")]
    assert ours and not [task.name for task in ours if task.acks_late]


def test_staff_read_the_outbox_in_the_back_office_and_cannot_change_it(client, django_capture_on_commit_callbacks):
    from django.urls import reverse

    from tests.factories import make_staff

    email = queue(django_capture_on_commit_callbacks)
    staff = make_staff(is_superuser=True)
    client.force_login(staff)
    listing = client.get(reverse("admin:axs_platform_outgoingemail_changelist"))
    assert listing.status_code == 200 and "Sesión del comité" in listing.content.decode()
    page = client.get(reverse("admin:axs_platform_outgoingemail_change", args=[email.pk]))
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert client.post(reverse("admin:axs_platform_outgoingemail_delete", args=[email.pk])).status_code == 403


@pytest.mark.django_db(transaction=True)
def test_a_worker_waits_for_a_row_locked_a_moment_and_still_sends_it():
    """``send`` stamps the row just after the broker took its id; a worker claiming it then must not skip it."""
    import threading

    from django.db import connection, transaction

    if not connection.features.has_select_for_update:
        pytest.skip("SQLite locks the whole database, not rows")
    email = outbox.record(subject="Sesión", body="Cuerpo", to=["ana@b.example"], send_on_commit=False)
    locked, done = threading.Event(), threading.Event()

    def hold_the_row():
        try:
            with transaction.atomic():
                OutgoingEmail.objects.select_for_update().get(pk=email.pk)
                locked.set()
                done.wait(0.5)
        finally:
            connection.close()

    holder = threading.Thread(target=hold_the_row)
    holder.start()
    assert locked.wait(10)
    try:
        assert outbox.deliver(email.pk) == 1
    finally:
        done.set()
        holder.join()
    email.refresh_from_db()
    assert email.status == "sent" and len(mail.outbox) == 1
