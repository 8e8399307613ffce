"""The e-mail outbox: a message is a row before it is a Celery message, and is sent at most once.

``axs_platform.mail.send_email`` records the message in the caller's transaction and hands its id to
the broker on commit. The task is acknowledged when it starts (a message held unacknowledged is what
ended a worker when Redis dropped, celery/kombu#582) and the row does what redelivery would: a worker
claims a queued row and marks it ``sending`` in a committed transaction before it talks to the mail
server, so a second run, a duplicate message or a sweep finds nothing to do. When the broker does not
answer, the row stays queued and the sweep (Celery beat) sends it later; a mail server that refuses
for a while gets the row queued again with a later ``not_before``; a row left ``sending`` by a worker
that died is marked failed, not sent twice, since the mail server may already have it.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Case, F, Q, TextField, Value, When
from django.db.models.functions import Left, StrIndex
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from .models import OutgoingEmail

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 6
_broker_down = False  # an outage is logged when it starts and when it ends, not once per message


def record(*, subject, body, to, html_body=None, attachments=None, kind="", send_on_commit=True):
    """Keep a message to send once the current transaction commits; return it (None without recipients)."""
    recipients = [address for address in to if address]
    if not recipients:
        return None
    email = OutgoingEmail.objects.create(
        subject=" ".join(str(subject).split()),
        body=str(body),
        html_body=html_body or "",
        to=recipients,
        kind=kind,
        recipient_count=len(recipients),
        attachments=[list(attachment) for attachment in attachments or []],
    )
    if send_on_commit:
        transaction.on_commit(lambda: send(email.pk))
    return email


def send(email_id):
    """Hand a message's id to the broker now; return whether the broker took it."""
    global _broker_down
    from .mail import deliver_email_task

    try:
        deliver_email_task.apply_async((email_id,), retry=False)
    except (BrokerError, OSError) as error:
        if not _broker_down:
            logger.error("The broker refused e-mail %s (%r); the sweep will send it again.", email_id, error)
        _broker_down = True
        return False
    if _broker_down:
        logger.warning("The broker takes e-mail again.")
    _broker_down = False
    OutgoingEmail.objects.filter(pk=email_id, status=OutgoingEmail.Status.QUEUED).update(
        sent_to_broker_at=timezone.now()
    )
    return True


def _claim(email_id):
    """Mark a queued, due message as being sent, in a transaction of its own; None if it is not ours to send.

    The row's lock is waited for, not skipped: ``send`` stamps ``sent_to_broker_at`` on it just after handing
    the id to the broker, and a worker that skipped the row then would leave the message to the sweep. A second
    worker claiming the same message waits the moment the first one's claim takes and finds it being sent.
    """
    now = timezone.now()
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.status != OutgoingEmail.Status.QUEUED:
            return None
        if email.not_before and email.not_before > now:
            return None  # a retry after a refusal; the sweep sends it when it is due
        email.status, email.started_at, email.attempts = OutgoingEmail.Status.SENDING, now, email.attempts + 1
        email.save(update_fields=["status", "started_at", "attempts"])
    return email


def deliver(email_id, transient_errors=()):
    """Send one recorded message unless it was sent, is being sent or failed; return how many it went to."""
    email = _claim(email_id)
    if email is None:
        return 0
    message = EmailMultiAlternatives(
        subject=email.subject, body=email.body, from_email=settings.DEFAULT_FROM_EMAIL, to=email.to
    )
    if email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    for filename, content, mimetype in email.attachments:
        message.attach(filename, content, mimetype)
    try:
        message.send()
    except Exception as error:
        if isinstance(error, transient_errors) or is_temporary_refusal(error):
            _refused(email, error)
            return 0
        _finish(email, OutgoingEmail.Status.FAILED, error=repr(error))
        raise
    _finish(email, OutgoingEmail.Status.SENT)
    return len(email.to)


def is_temporary_refusal(error):
    """Whether the mail server answered 4xx ("try again later": greylisting, a full mailbox), not 5xx ("never")."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _reply in error.recipients.values()]
    else:
        codes = [getattr(error, "smtp_code", None)]
    return bool(codes) and all(isinstance(code, int) and 400 <= code < 500 for code in codes)


def _refused(email, error):
    if email.attempts >= MAX_ATTEMPTS:
        _finish(email, OutgoingEmail.Status.FAILED, error=f"{error!r} ({email.attempts} attempts)")
        return
    wait = timedelta(seconds=30 * 2 ** (email.attempts - 1))
    email.status, email.not_before, email.error = OutgoingEmail.Status.QUEUED, timezone.now() + wait, repr(error)
    email.save(update_fields=["status", "not_before", "error"])
    logger.warning("The mail server refused e-mail %s (%r); trying again in %s.", email.pk, error, wait)


def _finish(email, status, *, error=""):
    email.status, email.error = status, error
    fields = ["status", "error"]
    if status in (OutgoingEmail.Status.SENT, OutgoingEmail.Status.FAILED):
        # Bodies may carry sign-in links: kept only while the message may still go out.
        email.body, email.html_body, email.attachments = "", "", []
        fields += ["body", "html_body", "attachments"]
    if status == OutgoingEmail.Status.SENT:
        email.sent_at = timezone.now()
        fields.append("sent_at")
    email.save(update_fields=fields)


def mail_sweep(*, now=None):
    """Send again what the broker lost or never took, and what is due after a refusal; return how many."""
    now = now or timezone.now()
    stuck_before = now - timedelta(seconds=settings.AXS_MAIL_STUCK_SECONDS)
    stuck = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.SENDING, started_at__lt=stuck_before)
    for email_id in stuck.values_list("pk", flat=True):
        logger.error("E-mail %s was left being sent by a worker that stopped; not sent again.", email_id)
    stuck.update(
        status=OutgoingEmail.Status.FAILED,
        error="The worker stopped while sending it; the mail server may or may not have received it.",
        body="",
        html_body="",
        attachments=[],
    )
    resend_before = now - timedelta(seconds=settings.AXS_MAIL_RESEND_SECONDS)
    due = (
        OutgoingEmail.objects.filter(status=OutgoingEmail.Status.QUEUED)
        .exclude(sent_to_broker_at__gte=resend_before, not_before__isnull=True)
        .exclude(not_before__gt=now)
    )
    sent = 0
    for email_id in due.order_by("pk").values_list("pk", flat=True)[:500]:
        if not send(email_id):
            break  # The broker is down: the next sweep tries again.
        OutgoingEmail.objects.filter(pk=email_id, not_before__lte=now).update(not_before=None)
        sent += 1
    return sent


def recipients_erase(*, finished_before):
    """Erase who sent or failed messages went to, their subject, bodies and error text; return how many.

    Only finished messages (sent, or failed for good) whose last try started before the moment: one still
    queued or being sent keeps what it needs to go out. Kind, status, times, tries and the number of
    recipients stay, so delivery statistics hold; an error keeps its exception's name only, since a
    refusal's text names the addresses. Safe to run twice: erased rows are left alone.
    """
    finished = Q(status=OutgoingEmail.Status.SENT, sent_at__lt=finished_before) | Q(
        status=OutgoingEmail.Status.FAILED, started_at__lt=finished_before
    )
    return _blank(OutgoingEmail.objects.filter(finished, erased_at__isnull=True))


def _blank(emails):
    named = Q(error__contains="(")  # "SMTPRecipientsRefused({'ana@…': (550, …)})" keeps "SMTPRecipientsRefused"
    return emails.update(
        to=[],
        subject="",
        body="",
        html_body="",
        attachments=[],
        error=Case(
            When(named, then=Left("error", StrIndex("error", Value("(")) - 1)),
            default=F("error"),
            output_field=TextField(),
        ),
        erased_at=timezone.now(),
    )


def mail_to(address, *, since=None, until=None):
    """Return the messages whose recipients include an address (in any case) and are not erased yet.

    With ``since`` / ``until``, only those recorded from ``since`` and before ``until``: while one account held it.
    """
    address = address.lower()
    # A text match on the JSON list finds the candidates; only an exact address among the recipients counts.
    candidates = OutgoingEmail.objects.filter(to__icontains=address, erased_at__isnull=True)
    if since:
        candidates = candidates.filter(created_at__gte=since)
    if until:
        candidates = candidates.filter(created_at__lt=until)
    ids = [pk for pk, to in candidates.values_list("pk", "to") if address in {str(a).lower() for a in to}]
    return OutgoingEmail.objects.filter(pk__in=ids)


def mail_to_forget(*, address, since=None, until=None):
    """Cancel the queued messages to an address and erase every finished one; return how many were erased.

    For an anonymized person, only the messages of the time they held the address (``since`` / ``until``). A
    cancelled message is marked failed (workers take only queued ones) and erased with the rest; one being sent at
    this moment is left to finish, like retention leaves it.
    """
    mine = mail_to(address, since=since, until=until)
    mine.filter(status=OutgoingEmail.Status.QUEUED).update(
        status=OutgoingEmail.Status.FAILED, error="Cancelled: the recipient was anonymized."
    )
    return _blank(mine.exclude(status=OutgoingEmail.Status.SENDING))
