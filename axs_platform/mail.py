"""Outgoing e-mail, always sent by a Celery task so that a slow mail server never slows a page.

Callers render subject and body in the recipient's language before calling ``send_email``, with
absolute links built on ``site_url()``.
"""

import smtplib
from contextvars import ContextVar

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction

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
