"""Retention of the outbox: who finished e-mails went to, their subject and text go; kind, times and counts stay."""

import datetime

import pytest
from django.db.models import Count, Sum
from django.utils import timezone

from axs_platform.mail import send_email
from axs_platform.models import OutgoingEmail
from privacy import services
from privacy.models import RetentionRule
from tests.factories import make_staff

pytestmark = pytest.mark.django_db
Status = OutgoingEmail.Status
REFUSED = "SMTPRecipientsRefused({'ana@b.example': (550, b'No such user')})"


def outgoing(status, days_ago, **fields):
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    values = {
        "subject": "Su enlace para entrar",
        "body": "https://axs.example/entrar/abc",
        "to": ["ana@b.example", "luis@b.example"],
        "recipient_count": 2,
        "kind": "accounts.welcome",
        "status": status,
        "started_at": moment if status != Status.QUEUED else None,
        "sent_at": moment if status == Status.SENT else None,
    }
    return OutgoingEmail.objects.create(**{**values, **fields})


def statistics():
    return list(
        OutgoingEmail.objects.values("kind", "status")
        .annotate(messages=Count("pk"), recipients=Sum("recipient_count"))
        .order_by("kind", "status")
    )


def test_by_default_finished_messages_lose_recipients_subject_and_text_after_thirty_days():
    old_sent = outgoing(Status.SENT, 31)
    old_failed = outgoing(Status.FAILED, 40, error=f"{REFUSED} (6 attempts)", kind="privacy.verify")
    recent = outgoing(Status.SENT, 10)
    stuck_queued = outgoing(Status.QUEUED, 60, not_before=timezone.now() - datetime.timedelta(days=59))
    being_sent = outgoing(Status.SENDING, 45)
    before = statistics()

    run = services.retention_apply()  # no rule set by staff: the default term

    assert run.results["sent_emails"] == 2
    for email in (old_sent, old_failed):
        email.refresh_from_db()
        assert (email.to, email.subject, email.body, email.html_body, email.attachments) == ([], "", "", "", [])
        assert email.erased_at is not None and email.recipient_count == 2
        assert "ana@" not in str(email)
    assert old_failed.error == "SMTPRecipientsRefused" and old_failed.kind == "privacy.verify"
    assert old_sent.sent_at is not None and old_sent.status == Status.SENT
    for email in (recent, stuck_queued, being_sent):
        email.refresh_from_db()
        assert email.to == ["ana@b.example", "luis@b.example"] and email.subject and email.erased_at is None
    assert stuck_queued.body  # a message that may still go out keeps its text
    assert statistics() == before  # per kind and status: as many messages and recipients as before
    assert services.retention_apply().results["sent_emails"] == 0  # safe to run twice


def test_staff_set_the_term_or_switch_it_off():
    staff = make_staff()
    outgoing(Status.SENT, 8)
    services.retention_rule_set(actor=staff, kind="sent_emails", keep_days=7)
    assert services.retention_apply().results["sent_emails"] == 1
    outgoing(Status.SENT, 400)
    services.retention_rule_set(actor=staff, kind="sent_emails", keep_days=7, active=False)
    assert "sent_emails" not in RetentionRule.in_force()
    assert "sent_emails" not in services.retention_apply().results
    assert OutgoingEmail.objects.filter(erased_at__isnull=True).count() == 1


def test_a_message_records_what_it_is_and_how_many_it_goes_to():
    send_email(subject="Hola", body="Texto", to=["a@b.example", "", "c@b.example"], kind="surveys.invitation")
    email = OutgoingEmail.objects.get()
    assert (email.kind, email.recipient_count, email.to) == ("surveys.invitation", 2, ["a@b.example", "c@b.example"])


def test_the_retention_page_offers_the_outbox_term(client):
    client.force_login(make_staff())
    page = client.get("/privacidad/conservacion/").content.decode()
    assert 'name="sent_emails-keep_days" value="30"' in page and "Correos enviados o fallidos" in page
