"""Outgoing e-mail, always sent by a Celery task so that a slow mail server never slows a page.

Callers render subject and body in the recipient's language before calling ``send_email``, with
absolute links built on ``site_url()``. The message is kept in the outbox (``axs_platform.outbox``)
before it reaches the broker, so neither a broker outage nor a worker's end loses it or sends it twice.
"""

import smtplib
from contextvars import ContextVar

from celery import shared_task
from django.conf import settings

from . import outbox

TRANSIENT_MAIL_ERRORS = (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, ConnectionError, TimeoutError)

_current_request = ContextVar("axs_current_request", default=None)


def site_url():
    """Return the scheme and host that e-mailed links start with, without a trailing slash.

    ``AXS_SITE_URL`` when the environment sets it; otherwise, while a request is being answered, the
    address that request came to (a development server on another port then links to itself); and
    ``AXS_SITE_URL``'s default in tasks, which have no request.
    """
    request = _current_request.get()
    if request is None or settings.AXS_SITE_URL_FROM_ENVIRONMENT:
        return settings.AXS_SITE_URL
    return request.build_absolute_uri("/").rstrip("/")


class RequestSiteMiddleware:
    """Make the request being answered known to ``site_url()`` for as long as it is answered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


@shared_task(name="axs_platform.deliver_email", ignore_result=True)
def deliver_email_task(email_id):
    """Send one message of the outbox (axs_platform.outbox: at most once; refusals go back to the sweep)."""
    return outbox.deliver(email_id, TRANSIENT_MAIL_ERRORS)


@shared_task(name="axs_platform.mail_sweep", ignore_result=True)
def mail_sweep_task():
    return outbox.mail_sweep()


@shared_task(name="axs_platform.send_email", ignore_result=True)
def send_email_task(subject, body, to, html_body=None, attachments=None):
    """A message queued before the outbox (the old task's arguments): recorded in the outbox and sent."""
    email = outbox.record(
        subject=subject, body=body, to=to, html_body=html_body, attachments=attachments, send_on_commit=False
    )
    return outbox.deliver(email.pk, TRANSIENT_MAIL_ERRORS) if email else 0


def send_email(*, subject, body, to, html_body=None, attachments=None, kind=""):
    """Record a message in the outbox; it goes to the broker once the current transaction commits.

    ``kind`` says what the message is ("accounts.welcome"): it stays when retention erases the rest.
    """
    outbox.record(subject=subject, body=body, to=to, html_body=html_body, attachments=attachments, kind=kind)
