"""Writes on people and their roles. Views, the admin and commands all call these."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

import search
from audit.models import AuditEvent
from audit.services import audit_record, changes_between, snapshot
from axs_platform import fragments, notices
from axs_platform.mail import send_email, site_url

from .deactivation import DEFAULT_REASON
from .models import User
from .permissions import can_manage_users
from .signals import user_deactivated

PROFILE_FIELDS = ["full_name", "preferred_language", "phone", "job_title", "time_zone"]
ADMIN_FIELDS = [*PROFILE_FIELDS, "email", "role", "is_active"]


def _password_link(user):
    path = reverse(
        "accounts:password-reset-confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return f"{site_url()}{path}"


def _check_email_free(email, *, exclude_pk=None):
    taken = User.objects.filter(email__iexact=email)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise ValidationError({"email": _("Somebody already uses this e-mail address.")}, code="duplicate_email")


def send_welcome_email(user):
    """Send a new person the link that lets them choose a password, in their language."""
    with translation.override(user.preferred_language):
        context = {"user": user, "link": _password_link(user), "site_url": site_url()}
        send_email(
            subject=render_to_string("accounts/email/welcome_subject.txt", context),
            body=render_to_string("accounts/email/welcome_body.txt", context),
            to=[user.email],
            kind="accounts.welcome",
        )


def send_email_changed_notices(user, *, old_email, actor, changed_at, to_old=True, to_new=True):
    """Tell the old address that the sign-in e-mail changed and confirm it to the new one, in the person's language.

    Both name who changed it, so that a person who did not expect it knows whom to write to. ``user_update``
    sends the first before the change's audit event and the second after, so that each falls in the period
    the person held that address (``privacy.subjects.address_periods``): both are theirs, not a later owner's.
    """
    with translation.override(user.preferred_language), timezone.override(user.zone):
        context = {
            "user": user,
            "old_email": old_email,
            "new_email": user.email,
            "changed_at": timezone.localtime(changed_at),
            "time_zone": str(user.zone),
            "contact_name": actor.full_name,
            "contact_email": actor.email,
            "site_url": site_url(),
        }
        if to_old:
            send_email(
                subject=render_to_string("accounts/email/email_changed_subject.txt", context).strip(),
                body=render_to_string("accounts/email/email_changed_body.txt", context),
                to=[old_email],
                kind="accounts.email_changed",
            )
        if to_new:
            send_email(
                subject=render_to_string("accounts/email/email_confirmed_subject.txt", context).strip(),
                body=render_to_string("accounts/email/email_confirmed_body.txt", context),
                to=[user.email],
                kind="accounts.email_confirmed",
            )


@transaction.atomic
@fragments.changes(fragments.COMMITTEES)  # a new person: the evaluators' load lists a new evaluator
def user_create(*, actor, email, full_name, role, preferred_language=None, phone="", job_title="", request=None):
    """Create a person with no usable password and e-mail them the link to set one."""
    if not can_manage_users(actor):
        raise PermissionDenied
    email = User.objects.normalize_email(email)
    _check_email_free(email)
    user = User(
        email=email,
        full_name=full_name.strip(),
        role=role,
        is_staff=role == User.Role.STAFF,
        preferred_language=preferred_language or settings.LANGUAGE_CODE,
        phone=phone,
        job_title=job_title,
    )
    user.set_unusable_password()
    user.full_clean()
    user.save()
    search.index(user)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATED,
        target=user,
        request=request,
        changes=changes_between({}, snapshot(user, ADMIN_FIELDS)),
    )
    send_welcome_email(user)
    return user


def _check_represents_nobody(user):
    """Refuse a new role while the person still speaks for an organization (staff and evaluators never do)."""
    link = user.representations.filter(ended_at__isnull=True).select_related("organization").first()
    if link is not None:
        raise ValidationError(
            {
                "role": ValidationError(
                    _(
                        "This person represents %(organization)s; end that representation on the organization's "
                        "people page before changing their role."
                    ),
                    code="still_represents",
                    params={"organization": link.organization},
                )
            }
        )


@transaction.atomic
@fragments.changes(fragments.COMMITTEES)
def user_update(*, actor, user, request=None, reason="", **fields):
    """Change a person's details, role or active state as staff; keep who changed what (and why, if said).

    Deactivating a person ends their sessions and tells the apps above (``signals.user_deactivated``: the API
    revokes their tokens, committees and companies end their posts and representations that day with
    ``reason``), so reactivating them later brings back nothing they had signed in with nor any post.
    A new sign-in e-mail is announced to the old address and confirmed to the new one.
    """
    if not can_manage_users(actor):
        raise PermissionDenied
    unknown = set(fields) - set(ADMIN_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    user = User.objects.select_for_update().get(pk=user.pk)
    before = snapshot(user, ADMIN_FIELDS)
    if "email" in fields:
        fields["email"] = User.objects.normalize_email(fields["email"])
        _check_email_free(fields["email"], exclude_pk=user.pk)
    if user.pk == actor.pk:
        if fields.get("is_active") is False:
            raise ValidationError({"is_active": _("You cannot deactivate your own account.")}, code="self_deactivate")
        if fields.get("role", user.role) != User.Role.STAFF:
            raise ValidationError({"role": _("You cannot remove your own staff role.")}, code="self_demote")
    if fields.get("role", user.role) != user.role and user.role == User.Role.REPRESENTATIVE:
        _check_represents_nobody(user)
    deactivated = user.is_active and fields.get("is_active") is False
    for name, value in fields.items():
        setattr(user, name, value)
    user.is_staff = user.role == User.Role.STAFF
    if not user.is_staff:
        user.is_superuser = False
    if deactivated:
        # Ends every session signed in so far (the session hash depends on it): reactivation starts clean.
        user.session_generation += 1
    user.full_clean()
    user.save()
    search.index(user)
    if deactivated:
        user_deactivated.send(
            sender=User, actor=actor, user=user, request=request, reason=reason.strip() or str(DEFAULT_REASON)
        )
    changes = changes_between(before, snapshot(user, ADMIN_FIELDS))
    new_address = before["email"].lower() != user.email.lower()
    notice = {"old_email": before["email"], "actor": actor, "changed_at": timezone.now()}
    if new_address:  # the old address's last e-mail: before the audited change ends the person's hold on it
        send_email_changed_notices(user, **notice, to_new=False)
    if changes:
        audit_record(
            actor=actor, action=AuditEvent.Action.UPDATED, target=user, changes=changes, message=reason, request=request
        )
    if new_address:
        send_email_changed_notices(user, **notice, to_old=False)
    return user


@transaction.atomic
@fragments.changes(fragments.COMMITTEES)
def profile_update(*, user, request=None, shown=None, **fields):
    """Let a person change their own name, contact details and language.

    ``shown``: the notice version the profile page posted (``axs_platform.notices.shown``); a save that changes
    something records it with the person (none from outside a page).
    """
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    user = User.objects.select_for_update().get(pk=user.pk)
    before = snapshot(user, PROFILE_FIELDS)
    for name, value in fields.items():
        setattr(user, name, value)
    user.full_clean()
    user.save(update_fields=list(fields))
    search.index(user)
    changes = changes_between(before, snapshot(user, PROFILE_FIELDS))
    if changes:
        audit_record(actor=user, action=AuditEvent.Action.UPDATED, target=user, changes=changes, request=request)
        notices.acknowledge(point=notices.PROFILE, shown=shown, target=user, person=user)
    return user


def user_set_language(*, user, language):
    """Remember the language a signed-in person chose with the language switch."""
    if language not in dict(settings.LANGUAGES) or user.preferred_language == language:
        return
    User.objects.filter(pk=user.pk).update(preferred_language=language)
    user.preferred_language = language
