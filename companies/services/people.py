"""Writes on the people of an organization: invitations, acceptance and removal."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

import search
from audit.models import AuditEvent
from audit.services import audit_record
from axs_platform import fragments, notices
from axs_platform.mail import send_email, site_url

from ..models import Invitation, InvitationStatus, Organization, Representative, hash_token
from ..permissions import can_edit_profile, forget_represented_organization

INVITATION_VALID_DAYS = 14


def _valid_for():
    return timedelta(days=getattr(settings, "AXS_INVITATION_VALID_DAYS", INVITATION_VALID_DAYS))


def _new_token(invitation):
    token = secrets.token_urlsafe(32)
    invitation.token_hash = hash_token(token)
    return token


def _send_invitation(invitation, token, *, language):
    link = site_url() + reverse("companies:invitation-accept", args=[token])
    with translation.override(language):
        context = {
            "invitation": invitation,
            "organization": invitation.organization,
            "link": link,
            "expires_at": invitation.expires_at,
            "site_url": site_url(),
        }
        send_email(
            subject=render_to_string("companies/email/invitation_subject.txt", context),
            body=render_to_string("companies/email/invitation_body.txt", context),
            to=[invitation.email],
            kind="companies.invitation",
        )


def _check_can_invite(email, organization):
    User = get_user_model()
    person = User.objects.filter(email__iexact=email).first()
    if person is None:
        return
    if not person.is_active:
        raise ValidationError(
            {
                "email": ValidationError(
                    _("This address belongs to a deactivated account; only AMEXCID staff can reactivate it."),
                    code="inactive",
                )
            }
        )
    if person.role != User.Role.REPRESENTATIVE:
        raise ValidationError(
            {"email": ValidationError(_("This address belongs to AMEXCID staff or an evaluator."), code="not_rep")}
        )
    link = Representative.objects.current().filter(user=person).select_related("organization").first()
    if link and link.organization_id == organization.pk:
        raise ValidationError(
            {"email": ValidationError(_("This person already represents the organization."), code="already_member")}
        )
    if link:
        raise ValidationError(
            {
                "email": ValidationError(
                    _("This person represents another organization; they must leave it first."),
                    code="represents_other",
                )
            }
        )


@transaction.atomic
@fragments.changes(fragments.DIRECTORY, fragments.COMMITTEES, fragments.PROPOSALS)
def invitation_create(*, actor, organization, email, full_name, job_title="", notice_shown=None, request=None):
    """Invite somebody to represent the organization; return the invitation and its one-time token.

    ``notice_shown`` is the privacy notice version the form showed the person who typed the data, recorded.
    """
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if not can_edit_profile(actor, organization):
        raise PermissionDenied
    if organization.is_archived:
        raise ValidationError(_("An archived organization cannot invite people."), code="archived")
    email = get_user_model().objects.normalize_email(email)
    _check_can_invite(email, organization)
    if Invitation.objects.filter(
        organization=organization, email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True
    ).exists():
        raise ValidationError(
            {
                "email": ValidationError(
                    _("%(email)s already has an open invitation; send it again from the list instead."),
                    code="already_invited",
                    params={"email": email},
                )
            }
        )
    now = timezone.now()
    invitation = Invitation(
        organization=organization,
        email=email,
        full_name=full_name.strip(),
        job_title=job_title.strip(),
        invited_by=actor,
        created_at=now,
        sent_at=now,
        expires_at=now + _valid_for(),
    )
    token = _new_token(invitation)
    invitation.full_clean()
    invitation.save()
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATED,
        target=invitation,
        request=request,
        message=_("Invitation to represent %(organization)s sent to %(email)s.")
        % {"organization": organization, "email": email},
    )
    notices.acknowledge(point=notices.INVITATION_SEND, shown=notice_shown, target=invitation, person=actor)
    _send_invitation(invitation, token, language=settings.LANGUAGE_CODE)
    return invitation, token


def _lock_open_invitation(actor, invitation):
    invitation = Invitation.objects.select_for_update(of=("self",)).select_related("organization").get(pk=invitation.pk)
    if not can_edit_profile(actor, invitation.organization):
        raise PermissionDenied
    if not invitation.is_open:
        raise ValidationError(
            _("This invitation was already %(status)s.") % {"status": invitation.status_label.lower()},
            code="invitation_closed",
        )
    return invitation


@transaction.atomic
@fragments.changes(fragments.DIRECTORY, fragments.COMMITTEES, fragments.PROPOSALS)
def invitation_resend(*, actor, invitation, request=None):
    """Send a fresh link with a new expiry; the previous link stops working."""
    invitation = _lock_open_invitation(actor, invitation)
    now = timezone.now()
    token = _new_token(invitation)
    invitation.sent_at = now
    invitation.expires_at = now + _valid_for()
    invitation.send_count += 1
    invitation.save(update_fields=["token_hash", "sent_at", "expires_at", "send_count"])
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATED,
        target=invitation,
        request=request,
        message=_("Invitation sent again to %(email)s.") % {"email": invitation.email},
    )
    _send_invitation(invitation, token, language=settings.LANGUAGE_CODE)
    return invitation, token


@transaction.atomic
@fragments.changes(fragments.DIRECTORY, fragments.COMMITTEES, fragments.PROPOSALS)
def invitation_revoke(*, actor, invitation, request=None):
    """Cancel an invitation so that its link no longer works."""
    invitation = _lock_open_invitation(actor, invitation)
    invitation.revoked_at = timezone.now()
    invitation.revoked_by = actor
    invitation.save(update_fields=["revoked_at", "revoked_by"])
    audit_record(
        actor=actor,
        action=AuditEvent.Action.ARCHIVED,
        target=invitation,
        request=request,
        message=_("Invitation to %(email)s revoked.") % {"email": invitation.email},
    )
    return invitation


def invitation_for_token(token):
    """Return the invitation a link points to, or None."""
    return Invitation.objects.select_related("organization").filter(token_hash=hash_token(token or "")).first()


def check_invitation_usable(invitation):
    """Refuse an invitation link that was used, revoked, has expired or does not exist, or whose account is off.

    Only staff reactivate a deactivated account (an anonymized one included): an invitation never does.
    """
    if invitation is None:
        raise ValidationError(
            _("This invitation link is not valid. Copy the whole link from the e-mail, or ask for a new invitation."),
            code="invitation_unknown",
        )
    status = invitation.status
    if status == InvitationStatus.ACCEPTED:
        raise ValidationError(
            _("This invitation has already been used. Sign in with your e-mail address and password."),
            code="invitation_used",
        )
    if status == InvitationStatus.REVOKED:
        raise ValidationError(
            _("This invitation was cancelled. Ask AMEXCID or your organization for a new one."),
            code="invitation_revoked",
        )
    if status == InvitationStatus.EXPIRED:
        raise ValidationError(
            _("This invitation expired on %(date)s. Ask AMEXCID or your organization to send it again."),
            code="invitation_expired",
            params={"date": timezone.localtime(invitation.expires_at).strftime("%Y-%m-%d %H:%M")},
        )
    if get_user_model().objects.filter(email__iexact=invitation.email, is_active=False).exists():
        raise ValidationError(
            _(
                "The account for this address has been deactivated, so this invitation cannot be used. "
                "Only AMEXCID staff can reactivate it; please contact them."
            ),
            code="account_inactive",
        )


@transaction.atomic
@fragments.changes(fragments.DIRECTORY, fragments.COMMITTEES, fragments.PROPOSALS)
def invitation_accept(*, token, full_name, password, notice_shown=None, request=None):
    """Turn a valid invitation into a representative with the password they chose; return the user.

    ``notice_shown``: the privacy notice version the page posted as shown, recorded with the acceptance.
    """
    User = get_user_model()
    found = invitation_for_token(token)
    invitation = Invitation.objects.select_for_update().filter(pk=found.pk).first() if found else None
    check_invitation_usable(invitation)
    organization = Organization.objects.select_for_update().get(pk=invitation.organization_id)
    if organization.is_archived:
        raise ValidationError(_("This organization is no longer part of the alliance."), code="archived")
    _check_can_invite(invitation.email, organization)
    person = User.objects.filter(email__iexact=invitation.email).first()
    if person is None:
        person = User(
            email=invitation.email,
            role=User.Role.REPRESENTATIVE,
            job_title=invitation.job_title,
            preferred_language=translation.get_language() or settings.LANGUAGE_CODE,
        )
    person.full_name = full_name.strip()
    try:
        validate_password(password, user=person)
    except ValidationError as error:
        raise ValidationError({"password1": error.error_list}) from None
    person.set_password(password)
    person.full_clean()
    person.save()
    is_first = not Representative.objects.current().filter(organization=organization).exists()
    link = Representative.objects.create(organization=organization, user=person, is_primary_contact=is_first)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = person
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    forget_represented_organization(person)
    search.index(person)  # with their organization, as staff search people
    audit_record(
        actor=person,
        action=AuditEvent.Action.CREATED,
        target=link,
        request=request,
        message=_("Accepted the invitation to represent %(organization)s.") % {"organization": organization},
    )
    notices.acknowledge(point=notices.INVITATION, shown=notice_shown, target=invitation, person=person)
    return person


def _lock_current(actor, representative):
    """Lock a representation whoever may edit the organization's people acts on; refuse one that has ended."""
    representative = (
        Representative.objects.select_for_update(of=("self",))
        .select_related("organization", "user")
        .get(pk=representative.pk)
    )
    if not can_edit_profile(actor, representative.organization):
        raise PermissionDenied
    if not representative.is_current:
        raise ValidationError(_("This person no longer represents the organization."), code="already_removed")
    return representative


@transaction.atomic
@fragments.changes(fragments.DIRECTORY, fragments.COMMITTEES, fragments.PROPOSALS)
def representative_remove(*, actor, representative, reason="", request=None):
    """End a person's link with the organization; their account and history stay."""
    representative = _lock_current(actor, representative)
    if representative.user_id == actor.pk:
        raise ValidationError(
            _("You cannot remove yourself. Ask a colleague or AMEXCID staff to do it."), code="self_removal"
        )
    was_primary = representative.is_primary_contact
    representative.ended_at = timezone.now()
    representative.ended_by = actor
    representative.end_reason = (reason or "").strip()
    representative.is_primary_contact = False
    representative.save(update_fields=["ended_at", "ended_by", "end_reason", "is_primary_contact"])
    forget_represented_organization(representative.user)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.ARCHIVED,
        target=representative,
        request=request,
        message=representative.end_reason,
    )
    # The organization keeps a primary contact: the longest-serving of those who remain takes over.
    representative.succeeded_by = None
    if was_primary:
        successor = (
            Representative.objects.current()
            .select_for_update(of=("self",))
            .select_related("user")
            .filter(organization_id=representative.organization_id)
            .order_by("started_at", "pk")
            .first()
        )
        if successor is not None:
            _make_primary(actor, successor, request=request)
            representative.succeeded_by = successor
    return representative


def representations_end_on_deactivation(sender, *, actor, user, reason, request=None, **kwargs):
    """End the representation of a person being deactivated (``accounts.signals.user_deactivated``).

    Reactivating the person does not bring it back: the organization or staff attach them again if need be.
    """
    for representative in Representative.objects.current().filter(user=user):
        representative_remove(actor=actor, representative=representative, reason=reason, request=request)


def _make_primary(actor, representative, *, request=None):
    """Make ``representative`` (current, locked) the organization's one primary contact; audited."""
    Representative.objects.current().filter(
        organization_id=representative.organization_id, is_primary_contact=True
    ).exclude(pk=representative.pk).update(is_primary_contact=False)
    representative.is_primary_contact = True
    representative.save(update_fields=["is_primary_contact"])
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATED,
        target=representative,
        request=request,
        changes={"is_primary_contact": [False, True]},
    )


@transaction.atomic
@fragments.changes(fragments.DIRECTORY, fragments.COMMITTEES, fragments.PROPOSALS)
def primary_contact_set(*, actor, representative, request=None):
    """Make a current representative the organization's primary contact, in place of the one there was."""
    representative = _lock_current(actor, representative)
    if representative.is_primary_contact:
        raise ValidationError(_("This person is already the primary contact."), code="already_primary")
    list(Representative.objects.current().select_for_update().filter(organization=representative.organization))
    _make_primary(actor, representative, request=request)
    return representative


@transaction.atomic
@fragments.changes(fragments.DIRECTORY, fragments.COMMITTEES, fragments.PROPOSALS)
def representative_attach(*, actor, organization, user, is_primary_contact=False, request=None):
    """Make an existing account the representative of an organization (staff, demo and data loads)."""
    if actor is not None and not can_edit_profile(actor, organization):
        raise PermissionDenied
    if Representative.objects.current().filter(user=user).exists():
        raise ValidationError(_("This person already represents an organization."), code="represents_other")
    if is_primary_contact:  # one primary contact at a time: the new one takes the place of any other
        Representative.objects.current().filter(organization=organization, is_primary_contact=True).update(
            is_primary_contact=False
        )
    link = Representative.objects.create(organization=organization, user=user, is_primary_contact=is_primary_contact)
    forget_represented_organization(user)
    audit_record(actor=actor, action=AuditEvent.Action.CREATED, target=link, request=request)
    return link
