"""Outgoing e-mail, always sent by a Celery task so that a slow mail server never slows a page.

Callers render subject and body in the recipient's language before calling ``send_email``.
"""

import smtplib

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction

TRANSIENT_MAIL_ERRORS = (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, ConnectionError, TimeoutError)


@shared_task(
    name="axs_platform.send_email",
    autoretry_for=TRANSIENT_MAIL_ERRORS,
    retry_backoff=30,
    retry_jitter=True,
    max_retries=6,
)
def send_email_task(subject, body, to, html_body=None, attachments=None):
    """Send one message; ``attachments`` is a list of ``[filename, text, mimetype]``."""
    message = EmailMultiAlternatives(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    message.send()
    return len(to)


def send_email(*, subject, body, to, html_body=None, attachments=None):
    """Queue a message once the current transaction commits (at once outside one)."""
    recipients = [address for address in to if address]
    if not recipients:
        return
    transaction.on_commit(
        lambda: send_email_task.delay(" ".join(str(subject).split()), str(body), recipients, html_body, attachments)
    )
