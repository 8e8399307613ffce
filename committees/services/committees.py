"""Writes on committees, their memberships, posts and work plans."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import search
from audit.models import AuditEvent
from audit.services import audit_record, changes_between, snapshot
from axs_platform import fragments
from axs_platform.dates import implausible_day, refuse_before_latest_change
from axs_platform.errors import field_error
from companies.models import Representative

from .. import permissions
from ..models import (
    Committee,
    Membership,
    MembershipChange,
    MembershipSource,
    MembershipStatus,
    Post,
    PostKind,
    PriorityArea,
    WorkPlanActivity,
)
from ..models.committees import OPEN_MEMBERSHIP_STATUSES

COMMITTEE_FIELDS = ["name", "name_en", "goal", "description", "decision_mechanism", "operating_rules", "installed_on"]
ACTIVITY_FIELDS = ["priority_area", "title", "responsible_organization", "starts_on", "ends_on", "status"]

# Which membership steps exist: action -> (statuses it starts from, status it leads to).
MEMBERSHIP_TRANSITIONS = {
    "approve": ((MembershipStatus.REQUESTED,), MembershipStatus.ACTIVE),
    "decline": ((MembershipStatus.REQUESTED,), MembershipStatus.DECLINED),
    "suspend": ((MembershipStatus.ACTIVE,), MembershipStatus.SUSPENDED),
    "reinstate": ((MembershipStatus.SUSPENDED,), MembershipStatus.ACTIVE),
    "end": ((MembershipStatus.ACTIVE, MembershipStatus.SUSPENDED), MembershipStatus.LEFT),
    "mark_unknown": ((MembershipStatus.ACTIVE, MembershipStatus.SUSPENDED), MembershipStatus.UNKNOWN),
}
REASON_REQUIRED = {
    MembershipStatus.SUSPENDED,
    MembershipStatus.LEFT,
    MembershipStatus.DECLINED,
    MembershipStatus.UNKNOWN,
}


def _require(allowed):
    if not allowed:
        raise PermissionDenied


def _require_open(committee):
    if not committee.is_open:
        raise ValidationError(_("This committee is closed; its history can be read but not changed."), code="closed")


@transaction.atomic
@fragments.changes(fragments.COMMITTEES, fragments.PROPOSALS)
def committee_create(*, actor, request=None, **fields):
    """Create a committee."""
    _require(permissions.can_manage_committees(actor))
    committee = Committee(**fields)
    committee.full_clean()
    committee.save()
    search.index(committee)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATED,
        target=committee,
        request=request,
        changes=changes_between({}, snapshot(committee, COMMITTEE_FIELDS)),
    )
    return committee


@transaction.atomic
@fragments.changes(fragments.COMMITTEES, fragments.PROPOSALS)
def committee_update(*, actor, committee, request=None, **fields):
    """Change a committee's name, SDG, description, decision mechanism or rules."""
    _require(permissions.can_manage_committees(actor))
    committee = Committee.objects.select_for_update().get(pk=committee.pk)
    _require_open(committee)
    before = snapshot(committee, COMMITTEE_FIELDS)
    for name, value in fields.items():
        setattr(committee, name, value)
    committee.full_clean()
    committee.save()
    search.index(committee)
    changes = changes_between(before, snapshot(committee, COMMITTEE_FIELDS))
    if changes:
        audit_record(actor=actor, action=AuditEvent.Action.UPDATED, target=committee, changes=changes, request=request)
    return committee


@transaction.atomic
@fragments.changes(fragments.COMMITTEES, fragments.PROPOSALS)
def committee_close(*, actor, committee, reason, request=None):
    """Close a committee: its members, posts and sessions stay as history; nothing new can be added."""
    _require(permissions.can_manage_committees(actor))
    committee = Committee.objects.select_for_update().get(pk=committee.pk)
    _require_open(committee)
    if not reason.strip():
        raise field_error("reason", _("Say why the committee is closed."), "reason_required")
    today = timezone.localdate()
    for post in Post.objects.select_for_update().current().filter(committee=committee):
        post.ended_on = max(today, post.started_on)
        post.end_reason = _("The committee was closed.")
        post.save(update_fields=["ended_on", "end_reason"])
    committee.closed_at = timezone.now()
    committee.closed_by = actor
    committee.close_reason = reason.strip()
    committee.save(update_fields=["closed_at", "closed_by", "close_reason"])
    search.index(committee)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.ARCHIVED,
        target=committee,
        message=committee.close_reason,
        request=request,
    )
    return committee


def _record_change(membership, *, from_status, actor, effective_on, reason, request):
    MembershipChange.objects.create(
        membership=membership,
        from_status=from_status,
        to_status=membership.status,
        effective_on=effective_on,
        reason=reason,
        changed_by=actor,
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.TRANSITION,
        target=membership,
        changes={"status": [from_status or None, membership.status]},
        message=reason,
        request=request,
    )


def _refuse_after_today(field, day, message):
    """Refuse a step dated after today: it would take effect at once, as nothing schedules steps ahead."""
    if day > timezone.localdate():
        raise field_error(field, message, "future_date")


def _check_no_open_membership(committee, organization):
    if Membership.objects.filter(
        committee=committee,
        organization=organization,
        status__in=OPEN_MEMBERSHIP_STATUSES,
    ).exists():
        raise field_error(
            "organization",
            _("%(organization)s already sits on this committee or has asked to.") % {"organization": organization},
            "already_member",
        )


@transaction.atomic
@fragments.changes(fragments.COMMITTEES, fragments.PROPOSALS)
def membership_add(*, actor, committee, organization, joined_on=None, reason="", request=None):
    """Seat an organization on a committee at staff's invitation."""
    _require(permissions.can_manage_committees(actor))
    committee = Committee.objects.select_for_update().get(pk=committee.pk)
    _require_open(committee)
    if organization.is_archived:
        raise field_error("organization", _("This organization is archived."), "archived_organization")
    _check_no_open_membership(committee, organization)
    joined_on = joined_on or timezone.localdate()
    if message := implausible_day(joined_on):
        raise field_error("joined_on", message, "implausible_date")
    _refuse_after_today(
        "joined_on", joined_on, _("The organization cannot join after today; record it on the day it joins.")
    )
    membership = Membership.objects.create(
        committee=committee,
        organization=organization,
        status=MembershipStatus.ACTIVE,
        source=MembershipSource.INVITATION,
        joined_on=joined_on,
    )
    _record_change(membership, from_status="", actor=actor, effective_on=joined_on, reason=reason, request=request)
    return membership


@transaction.atomic
@fragments.changes(fragments.COMMITTEES, fragments.PROPOSALS)
def membership_request(*, actor, committee, reason="", request=None):
    """Ask, as a representative, for one's organization to join a committee; staff decide."""
    permissions.forget_standing(actor)
    _require(permissions.can_request_membership(actor, committee))
    committee = Committee.objects.select_for_update().get(pk=committee.pk)
    _require_open(committee)
    organization = permissions.current_organization(actor)
    _check_no_open_membership(committee, organization)
    membership = Membership.objects.create(
        committee=committee,
        organization=organization,
        status=MembershipStatus.REQUESTED,
        source=MembershipSource.REQUEST,
        requested_by=actor,
        request_reason=reason.strip(),
    )
    _record_change(
        membership,
        from_status="",
        actor=actor,
        effective_on=timezone.localdate(),
        reason=reason.strip(),
        request=request,
    )
    return membership


@transaction.atomic
@fragments.changes(fragments.COMMITTEES, fragments.PROPOSALS)
def membership_transition(*, actor, membership, action, reason="", effective_on=None, request=None):
    """Approve or decline a request, suspend, reinstate or end a membership, with a date and a reason.

    ``mark_unknown`` records that from ``effective_on`` on nothing says whether the organization still takes
    part: the membership stops counting as current without an invented departure (``membership_mark_unknown``).
    """
    _require(permissions.can_manage_committees(actor))
    if action not in MEMBERSHIP_TRANSITIONS:
        raise ValueError(f"Unknown membership action {action!r}")
    membership = Membership.objects.select_for_update(of=("self",)).select_related("committee").get(pk=membership.pk)
    _require_open(membership.committee)
    sources, target = MEMBERSHIP_TRANSITIONS[action]
    if membership.status not in sources:
        raise ValidationError(
            _("This membership is %(status)s; that step is not possible now.")
            % {"status": membership.get_status_display().lower()},
            code="invalid_transition",
        )
    reason = reason.strip()
    if target in REASON_REQUIRED and not reason:
        raise field_error("reason", _("Give the reason for this step."), "reason_required")
    effective_on = effective_on or timezone.localdate()
    if membership.joined_on and effective_on < membership.joined_on:
        raise field_error(
            "effective_on", _("The date cannot be before the organization joined."), "date_before_joining"
        )
    _refuse_after_today(
        "effective_on", effective_on, _("The change cannot take effect after today; record it on the day it does.")
    )
    refuse_before_latest_change(membership.changes, effective_on)
    from_status = membership.status
    membership.status = target
    if target == MembershipStatus.ACTIVE and membership.joined_on is None:
        membership.joined_on = effective_on
    if target == MembershipStatus.LEFT:
        membership.ended_on = effective_on
        for post in (
            Post.objects.select_for_update()
            .current()
            .filter(committee=membership.committee, organization=membership.organization)
        ):
            post.ended_on = max(effective_on, post.started_on)
            post.end_reason = _("The organization left the committee.")
            post.save(update_fields=["ended_on", "end_reason"])
    membership.save(update_fields=["status", "joined_on", "ended_on"])
    _record_change(
        membership, from_status=from_status, actor=actor, effective_on=effective_on, reason=reason, request=request
    )
    return membership


def membership_mark_unknown(*, actor, membership, since, reason, request=None):
    """Record that from ``since`` on there is no data on whether the organization still sits on the committee."""
    return membership_transition(
        actor=actor, membership=membership, action="mark_unknown", reason=reason, effective_on=since, request=request
    )


@transaction.atomic
@fragments.changes(fragments.COMMITTEES, fragments.PROPOSALS)
def post_appoint(*, actor, committee, kind, holder, started_on=None, request=None):
    """Appoint the chair or the secretary; the previous holder's term ends the day the new one starts."""
    _require(permissions.can_manage_committees(actor))
    committee = Committee.objects.select_for_update().get(pk=committee.pk)
    _require_open(committee)
    started_on = started_on or timezone.localdate()
    if message := implausible_day(started_on):
        raise field_error("started_on", message, "implausible_date")
    _refuse_after_today(
        "started_on", started_on, _("The term cannot start after today; record the appointment on the day it starts.")
    )
    representation = Representative.objects.current().filter(user=holder).select_related("organization").first()
    if (
        representation is None
        or not Membership.objects.filter(
            committee=committee, organization=representation.organization, status=MembershipStatus.ACTIVE
        ).exists()
    ):
        raise field_error(
            "holder",
            _("The holder must represent an organization that currently sits on this committee."),
            "holder_not_member",
        )
    # The secretary drafts the minutes and the chair approves them: one person holds at most one current post.
    if Post.objects.current().filter(committee=committee, holder=holder).exclude(kind=kind).exists():
        if kind == PostKind.CHAIR:
            message = _(
                "This person is the committee's current secretary; the secretary drafts the minutes and the chair "
                "approves them, so one person cannot hold both posts."
            )
        else:
            message = _(
                "This person is the committee's current chair; the secretary drafts the minutes and the chair "
                "approves them, so one person cannot hold both posts."
            )
        raise field_error("holder", message, "holds_other_post")
    previous = Post.objects.select_for_update().current().filter(committee=committee, kind=kind).first()
    if previous is not None:
        if previous.holder_id == holder.pk:
            raise field_error("holder", _("This person already holds the post."), "same_holder")
        if started_on < previous.started_on:
            raise field_error("started_on", _("The new term cannot start before the current one did."), "term_overlap")
        previous.ended_on = started_on
        previous.end_reason = _("A new holder was appointed.")
        previous.save(update_fields=["ended_on", "end_reason"])
        audit_record(
            actor=actor,
            action=AuditEvent.Action.TRANSITION,
            target=previous,
            changes={"ended_on": [None, str(started_on)]},
            request=request,
        )
    post = Post(
        committee=committee,
        kind=kind,
        holder=holder,
        organization=representation.organization,
        started_on=started_on,
        appointed_by=actor,
    )
    post.full_clean()
    post.save()
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATED,
        target=post,
        changes=changes_between({}, snapshot(post, ["kind", "holder", "organization", "started_on"])),
        request=request,
    )
    return post


@transaction.atomic
@fragments.changes(fragments.COMMITTEES, fragments.PROPOSALS)
def post_end(*, actor, post, reason, ended_on=None, request=None):
    """End a term without a successor (its holder leaves); the post stays vacant until staff appoint one."""
    _require(permissions.can_manage_committees(actor))
    post = Post.objects.select_for_update(of=("self",)).select_related("holder").get(pk=post.pk)
    if not post.is_current:
        raise ValidationError(_("This term has already ended."), code="already_ended")
    reason = reason.strip()
    if not reason:
        raise field_error("reason", _("Say why the term ends."), "reason_required")
    ended_on = ended_on or timezone.localdate()
    _refuse_after_today("ended_on", ended_on, _("The term cannot end after today; record it on the day it ends."))
    if ended_on < post.started_on:
        raise field_error("ended_on", _("The term cannot end before it started."), "end_before_start")
    post.ended_on = ended_on
    post.end_reason = reason[: Post._meta.get_field("end_reason").max_length]
    post.save(update_fields=["ended_on", "end_reason"])
    permissions.forget_standing(post.holder)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.TRANSITION,
        target=post,
        changes={"ended_on": [None, str(ended_on)]},
        message=post.end_reason,
        request=request,
    )
    return post


def posts_end_for_holder(*, actor, holder, reason, request=None):
    """End today every current post the person holds, in any committee, for ``reason``; return those ended.

    The terms stay as history; the committee appoints a new holder with ``post_appoint``.
    """
    return [
        post_end(actor=actor, post=post, reason=reason, request=request)
        for post in Post.objects.current().filter(holder=holder).order_by("pk")
    ]


def posts_end_on_deactivation(sender, *, actor, user, reason, request=None, **kwargs):
    """End the current terms of a person being deactivated, that day (``accounts.signals.user_deactivated``).

    Reactivating the person reopens none: staff appoint a holder deliberately.
    """
    posts_end_for_holder(actor=actor, holder=user, reason=reason, request=request)


@transaction.atomic
@fragments.changes(fragments.COMMITTEES, fragments.PROPOSALS)
def priority_area_update(*, actor, area, name, description="", request=None):
    """Rename or redescribe a priority area of a committee's work plan."""
    permissions.forget_standing(actor)
    _require(permissions.can_edit_work_plan(actor, area.committee))
    area = PriorityArea.objects.select_for_update().get(pk=area.pk)
    before = snapshot(area, ["name", "description"])
    area.name, area.description = name.strip(), description
    area.full_clean()
    area.save(update_fields=["name", "description"])
    changes = changes_between(before, snapshot(area, ["name", "description"]))
    if changes:
        audit_record(actor=actor, action=AuditEvent.Action.UPDATED, target=area, changes=changes, request=request)
    return area


@transaction.atomic
@fragments.changes(fragments.COMMITTEES, fragments.PROPOSALS)
def priority_area_create(*, actor, committee, name, description="", request=None):
    """Add a priority area to a committee's work plan."""
    permissions.forget_standing(actor)
    _require(permissions.can_edit_work_plan(actor, committee))
    committee = Committee.objects.select_for_update().get(pk=committee.pk)
    position = committee.priority_areas.count() + 1
    area = PriorityArea(committee=committee, name=name.strip(), description=description, position=position)
    area.full_clean()
    area.save()
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATED,
        target=area,
        changes=changes_between({}, snapshot(area, ["name", "description"])),
        request=request,
    )
    return area


def _check_activity(committee, fields):
    for name in ("starts_on", "ends_on"):
        if message := implausible_day(fields.get(name)):
            raise field_error(name, message, "implausible_date")
    area = fields.get("priority_area")
    if area is not None and area.committee_id != committee.pk:
        raise field_error("priority_area", _("Choose a priority area of this committee."), "foreign_area")
    organization = fields.get("responsible_organization")
    if (
        organization is not None
        and not Membership.objects.filter(
            committee=committee, organization=organization, status=MembershipStatus.ACTIVE
        ).exists()
    ):
        raise field_error(
            "responsible_organization",
            _("The responsible organization must be a current member."),
            "responsible_not_member",
        )


@transaction.atomic
@fragments.changes(fragments.COMMITTEES, fragments.PROPOSALS)
def activity_create(*, actor, committee, request=None, **fields):
    """Add an activity to a committee's work plan."""
    permissions.forget_standing(actor)
    _require(permissions.can_edit_work_plan(actor, committee))
    committee = Committee.objects.select_for_update().get(pk=committee.pk)
    _check_activity(committee, fields)
    activity = WorkPlanActivity(committee=committee, **fields)
    activity.full_clean()
    activity.save()
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATED,
        target=activity,
        changes=changes_between({}, snapshot(activity, ACTIVITY_FIELDS)),
        request=request,
    )
    return activity


@transaction.atomic
@fragments.changes(fragments.COMMITTEES, fragments.PROPOSALS)
def activity_update(*, actor, activity, request=None, **fields):
    """Change an activity of the work plan, its dates or its status."""
    permissions.forget_standing(actor)
    activity = WorkPlanActivity.objects.select_for_update(of=("self",)).select_related("committee").get(pk=activity.pk)
    _require(permissions.can_edit_work_plan(actor, activity.committee))
    previous_organization = activity.responsible_organization_id
    if fields.get("responsible_organization") and fields["responsible_organization"].pk == previous_organization:
        fields_to_check = {k: v for k, v in fields.items() if k != "responsible_organization"}
    else:
        fields_to_check = fields
    _check_activity(activity.committee, fields_to_check)
    before = snapshot(activity, ACTIVITY_FIELDS)
    for name, value in fields.items():
        setattr(activity, name, value)
    activity.full_clean()
    activity.save()
    changes = changes_between(before, snapshot(activity, ACTIVITY_FIELDS))
    if changes:
        audit_record(actor=actor, action=AuditEvent.Action.UPDATED, target=activity, changes=changes, request=request)
    return activity
