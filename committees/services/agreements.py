"""Agreements of sessions: recorded by the secretary, followed up until done."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import search
from audit.models import AuditEvent
from audit.services import audit_record, changes_between, snapshot
from axs_platform import fragments
from axs_platform.dates import implausible_day
from axs_platform.errors import field_error
from companies.models import Organization

from .. import permissions, selectors
from ..models import (
    Agreement,
    AgreementStatus,
    Membership,
    MembershipStatus,
    SessionKind,
)
from .sessions import _locked_session, _require

AGREEMENT_FIELDS = ["description", "responsible_organization", "responsible_person", "due_on", "status", "follow_up"]


def _check_agreement(session, fields):
    organization = fields.get("responsible_organization")
    person = fields.get("responsible_person")
    if organization is None and person is None:
        raise ValidationError(
            _("An agreement needs someone responsible: choose an organization, a person, or both."),
            code="no_responsible",
        )
    if (
        organization is not None
        and session.kind == SessionKind.COMMITTEE
        and not Membership.objects.filter(
            committee_id=session.committee_id, organization=organization, status=MembershipStatus.ACTIVE
        ).exists()
    ):
        raise field_error(
            "responsible_organization",
            _("The responsible organization must be a current member of the committee."),
            "responsible_not_member",
        )
    if isinstance(organization, Organization) and organization.is_archived:
        raise field_error("responsible_organization", _("This organization is archived."), "archived_organization")
    if person is not None and not selectors.agreement_people(session, organization).filter(pk=person.pk).exists():
        if organization is not None:
            message = _("%(person)s does not represent %(organization)s; choose one of its representatives.") % {
                "person": person.full_name,
                "organization": organization,
            }
            raise field_error("responsible_person", message, "responsible_person_not_of_organization")
        message = _("%(person)s does not represent an organization that can answer for this agreement.") % {
            "person": person.full_name
        }
        raise field_error("responsible_person", message, "responsible_person_not_member")


def _check_due_on(session, due_on):
    if message := implausible_day(due_on):
        raise field_error("due_on", message, "implausible_date")
    if due_on is not None and due_on < session.starts_on:
        raise field_error("due_on", _("The due date cannot come before the day of the session."), "due_before_session")


def agreement_refusal(session):
    """Return why no agreement can be recorded at the session yet (a ValidationError), or None when it can."""
    if session.is_cancelled:
        return ValidationError(_("This session was cancelled; it has no agreements."), code="cancelled")
    if session.is_upcoming:
        return ValidationError(_("Agreements are recorded once the session takes place."), code="session_not_held")
    return None


def _stamp_completion(agreement):
    """An agreement done is done on the day it is recorded so (once); one not done has no such day."""
    if agreement.status == AgreementStatus.DONE and agreement.completed_on is None:
        agreement.completed_on = timezone.localdate()
    elif agreement.status != AgreementStatus.DONE:
        agreement.completed_on = None


@transaction.atomic
@fragments.changes(fragments.COMMITTEES)
def agreement_create(*, actor, session, request=None, **fields):
    """Record an agreement taken at a session."""
    permissions.forget_standing(actor)
    session = _locked_session(session)
    _require(permissions.can_record_session_outcome(actor, session))
    refusal = agreement_refusal(session)
    if refusal is not None:
        raise refusal
    _check_agreement(session, fields)
    _check_due_on(session, fields.get("due_on"))
    agreement = Agreement(session=session, committee=session.committee, created_by=actor, **fields)
    _stamp_completion(agreement)
    agreement.full_clean()
    agreement.save()
    search.index(agreement)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATED,
        target=agreement,
        changes=changes_between({}, snapshot(agreement, AGREEMENT_FIELDS)),
        request=request,
    )
    return agreement


@transaction.atomic
@fragments.changes(fragments.COMMITTEES)
def agreement_update(*, actor, agreement, request=None, **fields):
    """Follow an agreement up: its status, notes, due date or who answers for it."""
    permissions.forget_standing(actor)
    agreement = Agreement.objects.select_for_update(of=("self",)).select_related("session").get(pk=agreement.pk)
    _require(permissions.can_record_session_outcome(actor, agreement.session))
    organization = fields.get("responsible_organization", agreement.responsible_organization)
    person = fields.get("responsible_person", agreement.responsible_person)
    if (getattr(organization, "pk", None), getattr(person, "pk", None)) != (
        agreement.responsible_organization_id,
        agreement.responsible_person_id,
    ):
        _check_agreement(agreement.session, {"responsible_organization": organization, "responsible_person": person})
    if "due_on" in fields and fields["due_on"] != agreement.due_on:
        # Only a new due date is checked: an agreement recorded before this rule keeps its own.
        _check_due_on(agreement.session, fields["due_on"])
    before = snapshot(agreement, AGREEMENT_FIELDS)
    for name, value in fields.items():
        setattr(agreement, name, value)
    _stamp_completion(agreement)
    agreement.full_clean()
    agreement.save()
    search.index(agreement)
    changes = changes_between(before, snapshot(agreement, AGREEMENT_FIELDS))
    if changes:
        audit_record(actor=actor, action=AuditEvent.Action.UPDATED, target=agreement, changes=changes, request=request)
    return agreement
