"""Writes of the read API: issuing (staff) and revoking (staff, or the token's person) personal tokens, audited."""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.permissions import is_staff_member
from audit.services import audit_record
from axs_platform.mail import send_email, site_url

from .models import KEY_PREFIX_LENGTH, ApiToken, key_digest

KEY_MARK = "axs_"  # keys start with it, so a key pasted somewhere by mistake is easy to recognise


def new_key():
    return KEY_MARK + secrets.token_urlsafe(32)


def max_days():
    return getattr(settings, "AXS_API_TOKEN_MAX_DAYS", 366)


@transaction.atomic
def token_issue(*, actor, person, name, expires_on, request=None, now=None):
    """Issue a token for an active person, valid to the end of ``expires_on``; return ``(token, key)``.

    The key is returned once and only its digest is stored.
    """
    if not is_staff_member(actor):
        raise PermissionDenied
    now = now or timezone.now()
    if not person.is_active:
        message = _("This person's account is not active: a token would not work.")
        raise ValidationError({"person": ValidationError(message, code="inactive")})
    today = timezone.localdate(now)
    if expires_on < today:
        raise ValidationError({"expires_on": ValidationError(_("The expiry date has passed."), code="expired")})
    if expires_on > today + datetime.timedelta(days=max_days()):
        message = _("A token may last at most %(days)s days.") % {"days": max_days()}
        raise ValidationError({"expires_on": ValidationError(message, code="too_long")})
    end_of_day = datetime.datetime.combine(expires_on + datetime.timedelta(days=1), datetime.time.min)
    key = new_key()
    token = ApiToken.objects.create(
        person=person,
        name=name.strip(),
        key_prefix=key[len(KEY_MARK) : len(KEY_MARK) + KEY_PREFIX_LENGTH],
        key_hash=key_digest(key),
        created_at=now,
        created_by=actor,
        expires_at=timezone.make_aware(end_of_day),
    )
    audit_record(
        actor=actor,
        action="api.token_issued",
        target=token,
        changes={"person": [None, person.pk], "expires_at": [None, token.expires_at.isoformat()]},
        request=request,
    )
    _tell_the_person(token)
    return token, key


def _tell_the_person(token):
    """E-mail the person that a token was issued in their name (never the key), in their language."""
    person = token.person
    with translation.override(person.preferred_language):
        context = {"token": token, "profile_url": f"{site_url()}{reverse('accounts:profile')}"}
        send_email(
            subject=render_to_string("api/email/token_issued_subject.txt", context).strip(),
            body=render_to_string("api/email/token_issued_body.txt", context),
            to=[person.email],
            kind="api.token_issued",
        )


def can_revoke(user, token):
    """Staff revoke any token; a person, their own."""
    return is_staff_member(user) or (user.is_authenticated and user.is_active and token.person_id == user.pk)


@transaction.atomic
def token_revoke(*, actor, token, request=None, now=None):
    """Revoke a token at once (staff, or its own person); the row stays, with who revoked it and when."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if not can_revoke(actor, token):
        raise PermissionDenied
    if token.revoked_at is not None:
        raise ValidationError(_("This token was already revoked."), code="revoked")
    token.revoked_at = now or timezone.now()
    token.revoked_by = actor
    token.save(update_fields=["revoked_at", "revoked_by"])
    audit_record(actor=actor, action="api.token_revoked", target=token, request=request)
    return token


def tokens_revoke_on_deactivation(sender, *, actor, user, request=None, **kwargs):
    """Revoke every usable token of a person being deactivated (``accounts.signals.user_deactivated``)."""
    for token in ApiToken.objects.usable().filter(person=user):
        token_revoke(actor=actor, token=token, request=request)


def token_touch(token, *, now=None):
    """Note when a token was last used, at most once a minute (a busy client does not write on every request)."""
    now = now or timezone.now()
    if token.last_used_at is None or now - token.last_used_at > datetime.timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
