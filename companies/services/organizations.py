"""Writes on organizations: registry, participation, SDG priorities and roles."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import search
from audit.models import AuditEvent
from audit.services import audit_record, changes_between, snapshot
from axs_platform import fragments, notices
from axs_platform.collation import spanish_sort_key
from axs_platform.dates import refuse_before_latest_change

from ..models import AllianceRole, Organization, ParticipationChange, ParticipationStatus, SDGPriority
from ..models.organizations import REGISTERED_REASON
from ..permissions import can_edit_profile, can_manage_organizations
from ..validators import normalize_name, normalize_rfc

PROFILE_FIELDS = [
    "legal_name",
    "short_name",
    "organization_type",
    "size",
    "sector",
    "rfc",
    "country",
    "state",
    "website",
    "description",
    "contact_email",
    "contact_phone",
]
# Saved with single spaces, so that a name typed with a doubled space is the same name.
NAME_FIELDS = {"legal_name", "short_name"}
MAX_PRIORITIES = 5

# Which participation statuses may follow which; "and back" is allowed wherever it makes sense. "No data"
# follows a participation the records stop telling of, and staff leave it for whatever they learn later.
PARTICIPATION_TRANSITIONS = {
    ParticipationStatus.INVITED: {ParticipationStatus.ACTIVE, ParticipationStatus.WITHDRAWN},
    ParticipationStatus.ACTIVE: {
        ParticipationStatus.SUSPENDED,
        ParticipationStatus.WITHDRAWN,
        ParticipationStatus.UNKNOWN,
    },
    ParticipationStatus.SUSPENDED: {
        ParticipationStatus.ACTIVE,
        ParticipationStatus.WITHDRAWN,
        ParticipationStatus.UNKNOWN,
    },
    ParticipationStatus.WITHDRAWN: {ParticipationStatus.INVITED, ParticipationStatus.ACTIVE},
    ParticipationStatus.UNKNOWN: {
        ParticipationStatus.INVITED,
        ParticipationStatus.ACTIVE,
        ParticipationStatus.SUSPENDED,
        ParticipationStatus.WITHDRAWN,
    },
}
STATUSES_NEEDING_REASON = {ParticipationStatus.SUSPENDED, ParticipationStatus.WITHDRAWN, ParticipationStatus.UNKNOWN}


def _check_duplicates(organization):
    """Refuse a legal name or RFC another organization already has (naming it), or a missing RFC."""
    others = Organization.objects.exclude(pk=organization.pk)
    errors = {}
    # Names are stored with single spaces (``_apply_profile``), so an extra space typed makes no new organization.
    same_name = others.filter(legal_name__iexact=normalize_name(organization.legal_name)).first()
    if same_name:
        errors["legal_name"] = ValidationError(
            _("“%(name)s” is already registered. Search the directory for it instead of adding it again."),
            code="duplicate_name",
            params={"name": same_name.legal_name},
        )
    if organization.rfc:
        same_rfc = others.filter(rfc=organization.rfc).first()
        if same_rfc:
            errors["rfc"] = ValidationError(
                _("The RFC %(rfc)s already belongs to “%(name)s”. Check the RFC."),
                code="duplicate_rfc",
                params={"rfc": organization.rfc, "name": same_rfc.legal_name},
            )
    if organization.country == "MX" and not organization.rfc:
        errors["rfc"] = ValidationError(_("Organizations based in Mexico need their RFC."), code="rfc_required")
    if errors:
        raise ValidationError(errors)


def _apply_profile(organization, fields):
    for name, value in fields.items():
        if name == "rfc":
            value = normalize_rfc(value)
        elif name in NAME_FIELDS:
            value = normalize_name(value)
        elif isinstance(value, str):
            value = value.strip()
        setattr(organization, name, value)
    if organization.country != "MX":
        organization.state = ""
    organization.sort_name = spanish_sort_key(organization.short_name or organization.legal_name)


def _check_profile_fields(fields):
    unknown = set(fields) - set(PROFILE_FIELDS) - {"logo"}
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")


@transaction.atomic
@fragments.changes(fragments.DIRECTORY, fragments.COMMITTEES, fragments.PROPOSALS)
def organization_create(*, actor, request=None, logo=None, notice_shown=None, **fields):
    """Register an organization as invited, the first step of its participation history.

    ``notice_shown`` is the privacy notice version the form showed (``axs_platform.notices``), recorded with it.
    """
    if not can_manage_organizations(actor):
        raise PermissionDenied
    _check_profile_fields(fields)
    organization = Organization()
    _apply_profile(organization, fields)
    _check_duplicates(organization)
    if logo:
        organization.logo = logo
    organization.full_clean()
    organization.save()
    search.index(organization)
    ParticipationChange.objects.create(
        organization=organization,
        from_status="",
        to_status=ParticipationStatus.INVITED,
        changed_by=actor,
        reason=REGISTERED_REASON,  # The msgid: each reader sees it in their language (shown_reason).
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATED,
        target=organization,
        request=request,
        changes=changes_between({}, snapshot(organization, PROFILE_FIELDS)),
    )
    notices.acknowledge(point=notices.ORGANIZATION, shown=notice_shown, target=organization, person=actor)
    return organization


@transaction.atomic
@fragments.changes(fragments.DIRECTORY, fragments.COMMITTEES, fragments.PROPOSALS)
def organization_update(*, actor, organization, request=None, logo=None, reason="", notice_shown=None, **fields):
    """Change an organization's profile; ``logo`` is a new file, ``False`` to remove it, None to keep it.

    ``reason`` (e.g. the personal data request that asked for it) goes into the history with the change;
    ``notice_shown``, the privacy notice version the form showed, is recorded with the save.

    Participation and due diligence are not part of the profile: they have their own services.
    """
    _check_profile_fields(fields)
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if not can_edit_profile(actor, organization):
        raise PermissionDenied
    tracked = [*PROFILE_FIELDS, "logo"]
    before = snapshot(organization, tracked)
    _apply_profile(organization, fields)
    _check_duplicates(organization)
    if logo is False:
        organization.logo = ""
    elif logo:
        organization.logo = logo
    organization.full_clean()
    organization.save()
    search.index(organization)
    changes = changes_between(before, snapshot(organization, tracked))
    if changes:
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATED,
            target=organization,
            changes=changes,
            message=reason,
            request=request,
        )
    notices.acknowledge(point=notices.ORGANIZATION, shown=notice_shown, target=organization, person=actor)
    return organization


@transaction.atomic
@fragments.changes(fragments.DIRECTORY, fragments.COMMITTEES, fragments.PROPOSALS)
def organization_archive(*, actor, organization, reason="", request=None):
    """Hide an organization from the directory and from its people's editing; keep all its history."""
    if not can_manage_organizations(actor):
        raise PermissionDenied
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if organization.is_archived:
        raise ValidationError(_("This organization is already archived."), code="already_archived")
    organization.archived_at = timezone.now()
    organization.archived_by = actor
    organization.save(update_fields=["archived_at", "archived_by", "updated_at"])
    search.index(organization)
    audit_record(actor=actor, action=AuditEvent.Action.ARCHIVED, target=organization, message=reason, request=request)
    return organization


@transaction.atomic
@fragments.changes(fragments.DIRECTORY, fragments.COMMITTEES, fragments.PROPOSALS)
def organization_restore(*, actor, organization, request=None):
    """Bring an archived organization back."""
    if not can_manage_organizations(actor):
        raise PermissionDenied
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if not organization.is_archived:
        raise ValidationError(_("This organization is not archived."), code="not_archived")
    organization.archived_at = None
    organization.archived_by = None
    organization.save(update_fields=["archived_at", "archived_by", "updated_at"])
    search.index(organization)
    audit_record(actor=actor, action=AuditEvent.Action.RESTORED, target=organization, request=request)
    return organization


@transaction.atomic
@fragments.changes(fragments.DIRECTORY, fragments.COMMITTEES, fragments.PROPOSALS)
def participation_change(*, actor, organization, to_status, reason="", effective_on=None, request=None):
    """Move an organization to another participation status, keeping date, who and why."""
    if not can_manage_organizations(actor):
        raise PermissionDenied
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    current = ParticipationStatus(organization.participation_status)
    to_status = ParticipationStatus(to_status)
    if to_status not in PARTICIPATION_TRANSITIONS[current]:
        if to_status == ParticipationStatus.UNKNOWN:
            message = _("Only an active or suspended organization can be recorded as having no data.")
        else:
            message = _("An organization that is %(current)s cannot become %(new)s.")
        params = {"current": current.label.lower(), "new": to_status.label.lower()}
        raise ValidationError({"to_status": ValidationError(message, code="invalid_transition", params=params)})
    reason = (reason or "").strip()
    if to_status in STATUSES_NEEDING_REASON and not reason:
        if to_status == ParticipationStatus.UNKNOWN:
            message = _("Say why there is no data on whether the organization still takes part.")
        else:
            message = _("Say why the organization is %(new)s.")
        params = {"new": to_status.label.lower()}
        raise ValidationError({"reason": ValidationError(message, code="reason_required", params=params)})
    effective_on = effective_on or timezone.localdate()
    if effective_on > timezone.localdate():
        raise ValidationError(
            {"effective_on": ValidationError(_("The date cannot be in the future."), code="future_date")}
        )
    # No change can precede what the history already says (the registration included): a history stays in order.
    refuse_before_latest_change(organization.participation_changes, effective_on)
    change = ParticipationChange.objects.create(
        organization=organization,
        from_status=current,
        to_status=to_status,
        reason=reason,
        effective_on=effective_on,
        changed_by=actor,
    )
    organization.participation_status = to_status
    organization.save(update_fields=["participation_status", "updated_at"])
    search.index(organization)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.TRANSITION,
        target=organization,
        changes={"participation_status": [current.value, to_status.value]},
        message=reason,
        request=request,
    )
    return change


def participation_mark_unknown(*, actor, organization, since, reason, request=None):
    """Record that from ``since`` on there is no data on whether the organization still takes part.

    Neither active nor withdrawn: the organization is no longer counted as taking part, and nothing
    invents its departure. Staff leave the status through ``participation_change`` when they learn more.
    """
    return participation_change(
        actor=actor,
        organization=organization,
        to_status=ParticipationStatus.UNKNOWN,
        reason=reason,
        effective_on=since,
        request=request,
    )


@transaction.atomic
@fragments.changes(fragments.DIRECTORY, fragments.COMMITTEES, fragments.PROPOSALS)
def priorities_set(*, actor, organization, goals, alliance_roles, request=None):
    """Replace the organization's ranked priority SDGs (most important first) and wanted roles."""
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if not can_edit_profile(actor, organization):
        raise PermissionDenied
    goals = list(goals)
    if len(goals) > MAX_PRIORITIES:
        raise ValidationError(
            _("Choose at most %(max)d priority SDGs."), code="too_many_priorities", params={"max": MAX_PRIORITIES}
        )
    if len({goal.pk for goal in goals}) != len(goals):
        raise ValidationError(_("Each SDG can appear only once in the ranking."), code="repeated_priority")
    unknown_roles = set(alliance_roles) - set(AllianceRole.values)
    if unknown_roles:
        raise ValidationError(
            _("Unknown role: %(roles)s."), code="unknown_role", params={"roles": ", ".join(sorted(unknown_roles))}
        )
    roles = [role for role in AllianceRole.values if role in set(alliance_roles)]
    before = {
        "sdg_priorities": list(organization.sdg_priorities.order_by("rank").values_list("goal__number", flat=True)),
        "alliance_roles": organization.alliance_roles,
    }
    organization.sdg_priorities.all().delete()
    SDGPriority.objects.bulk_create(
        SDGPriority(organization=organization, goal=goal, rank=rank) for rank, goal in enumerate(goals, start=1)
    )
    organization.alliance_roles = roles
    organization.save(update_fields=["alliance_roles", "updated_at"])
    search.index(organization)
    after = {"sdg_priorities": [goal.number for goal in goals], "alliance_roles": roles}
    changes = changes_between(before, after)
    if changes:
        audit_record(
            actor=actor, action=AuditEvent.Action.UPDATED, target=organization, changes=changes, request=request
        )
    return organization
