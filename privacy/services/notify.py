"""Notices about personal data requests, each in the language the person filed in.

A request's status reaches its requester's inbox and is always e-mailed (the kind ``privacy`` allows
no digest: the law's deadlines run from it), to the address the request was filed with. The link that
confirms that address is no event: it is e-mailed directly, as is the status of a request filed by
somebody without an account.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from axs_platform import purposes
from axs_platform.mail import send_email, site_url
from notifications import kinds
from notifications.services import notify, notify_each

from ..export_links import export_link
from .anonymize import is_anonymized

VERIFY_SALT = "privacy.request.verify"


def verification_token(rights_request):
    """Return the signed token of the link that confirms a request's e-mail address."""
    return signing.dumps({"r": rights_request.pk, "n": rights_request.verification_nonce}, salt=VERIFY_SALT)


def _send(rights_request, template, extra=None, *, event=False):
    # An anonymized account keeps no inbox (``notifications_forget``) and cannot sign in: its answer is
    # e-mailed only, so no stored copy greets the anonymized account by the old name.
    to_inbox = rights_request.requester_id and not is_anonymized(rights_request.requester)
    with translation.override(rights_request.language):
        context = {"request_obj": rights_request, "site_url": site_url(), **(extra or {})}
        if to_inbox:
            context["link"] = site_url() + reverse("privacy:request-detail", args=[rights_request.pk])
        subject = render_to_string(f"privacy/email/{template}_subject.txt", context)
        body = render_to_string(f"privacy/email/{template}_body.txt", context)
        if event and to_inbox:
            notify(
                recipient=rights_request.requester,
                kind=kinds.PRIVACY,
                title=subject,
                body=body,
                link=context["link"],
                email_address=rights_request.email,
            )
        else:
            send_email(subject=subject, body=body, to=[rights_request.email], kind=f"privacy.{template}")


def send_verification(rights_request):
    link = site_url() + reverse("privacy:request-verify", args=[verification_token(rights_request)])
    _send(rights_request, "verify", {"verify_link": link})


def send_status(rights_request, *, reason=""):
    """Tell the person where their request stands now, with the reason staff gave."""
    _send(rights_request, "status", {"reason": reason}, event=True)


def send_export_link(rights_request, document):
    """E-mail somebody who filed without an account the signed link to their export, and until when it works."""
    expires_at = timezone.now() + datetime.timedelta(seconds=settings.AXS_PRIVACY_EXPORT_LINK_SECONDS)
    _send(rights_request, "export_ready", {"export_link": export_link(document), "expires_at": expires_at})


def send_staff_reminder(rights_request):
    """Remind the transparency unit (every active staff member) that a request is nearly due."""
    link = site_url() + reverse("privacy:request-detail", args=[rights_request.pk])

    def render(person):
        context = {"request_obj": rights_request, "link": link}
        return {
            "title": render_to_string("privacy/email/reminder_subject.txt", context),
            "body": render_to_string("privacy/email/reminder_body.txt", context),
            "link": link,
        }

    notify_each(
        User.objects.filter(is_active=True, is_staff=True),
        kind=kinds.PRIVACY,
        render=render,
        purpose=purposes.REMINDERS,  # a staff member who opposes reminders is not reminded; the queue flags it
    )
