"""E-mails about personal data requests, each in the language the person filed in."""

from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from axs_platform.mail import send_email, site_url

VERIFY_SALT = "privacy.request.verify"


def verification_token(rights_request):
    """Return the signed token of the link that confirms a request's e-mail address."""
    return signing.dumps({"r": rights_request.pk, "n": rights_request.verification_nonce}, salt=VERIFY_SALT)


def _send(rights_request, template, extra=None):
    with translation.override(rights_request.language):
        context = {"request_obj": rights_request, "site_url": site_url(), **(extra or {})}
        if rights_request.requester_id:
            context["link"] = site_url() + reverse("privacy:request-detail", args=[rights_request.pk])
        send_email(
            subject=render_to_string(f"privacy/email/{template}_subject.txt", context),
            body=render_to_string(f"privacy/email/{template}_body.txt", context),
            to=[rights_request.email],
        )


def send_verification(rights_request):
    link = site_url() + reverse("privacy:request-verify", args=[verification_token(rights_request)])
    _send(rights_request, "verify", {"verify_link": link})


def send_status(rights_request, *, reason=""):
    """Tell the person where their request stands now, with the reason staff gave."""
    _send(rights_request, "status", {"reason": reason})


def send_staff_reminder(rights_request):
    """Remind the transparency unit (every active staff member) that a request is nearly due."""
    link = site_url() + reverse("privacy:request-detail", args=[rights_request.pk])
    for person in User.objects.filter(is_active=True, is_staff=True).only("email", "preferred_language"):
        with translation.override(person.preferred_language):
            context = {"request_obj": rights_request, "link": link}
            send_email(
                subject=render_to_string("privacy/email/reminder_subject.txt", context),
                body=render_to_string("privacy/email/reminder_body.txt", context),
                to=[person.email],
            )
