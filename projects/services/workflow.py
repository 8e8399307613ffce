"""The life of a proposal: submission with a frozen version, review, selection, structuring and after.

Each step is a service that locks the proposal, checks who acts and from which status, records the
transition (who, when, from, to, why) in the proposal's history and the audit trail, and tells the
proposer by e-mail once the transaction commits.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import search
from audit.models import AuditEvent
from audit.services import audit_record, changes_between, snapshot
from axs_platform import fragments, notices
from notifications import kinds

from .. import checklist, permissions, selectors
from ..models import PUBLISHABLE, ProposalStatus, ProposalTransition, ProposalVersion
from .common import locked, notify, proposal_people, require
from .fact_sheets import public_fact_sheet_refresh

S = ProposalStatus

# action -> (statuses it starts from, status it leads to, whether a reason is required)
TRANSITIONS = {
    "return": ((S.SUBMITTED,), S.RETURNED, True),
    "accept": ((S.SUBMITTED,), S.IN_REVIEW, False),
    "decline": ((S.SUBMITTED, S.IN_REVIEW), S.DECLINED, True),
    "select": ((S.IN_REVIEW,), S.SELECTED, False),
    "not-select": ((S.IN_REVIEW,), S.NOT_SELECTED, True),
    "structure": ((S.SELECTED,), S.STRUCTURING, False),
    "structured": ((S.STRUCTURING,), S.STRUCTURED, False),
    "implement": ((S.STRUCTURED,), S.IN_IMPLEMENTATION, False),
    "close": ((S.IN_IMPLEMENTATION,), S.CLOSED, False),
    "withdraw": (
        (S.DRAFT, S.RETURNED, S.SUBMITTED, S.IN_REVIEW, S.SELECTED, S.STRUCTURING, S.STRUCTURED, S.IN_IMPLEMENTATION),
        S.WITHDRAWN,
        True,
    ),
}
REVIEW_ACTIONS = [name for name in TRANSITIONS if name != "withdraw"]


def available_actions(user, proposal):
    """Return the transition names the person may take on the proposal now."""
    actions = []
    if permissions.can_review(user, proposal):
        actions = [name for name in REVIEW_ACTIONS if proposal.status in TRANSITIONS[name][0]]
    if permissions.can_withdraw(user, proposal):
        actions.append("withdraw")
    return actions


def _move(proposal, *, actor, to_status, reason, request, notify_template="status"):
    from_status = proposal.status
    proposal.status = to_status
    if to_status not in PUBLISHABLE:
        proposal.published_at = None
    proposal.save()
    search.index(proposal)
    transition = ProposalTransition.objects.create(
        proposal=proposal, from_status=from_status, to_status=to_status, actor=actor, reason=reason
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.TRANSITION,
        target=proposal,
        changes={"status": [from_status, to_status]},
        message=reason,
        request=request,
    )
    notify(
        proposal_people(proposal, partners=True),
        kind=kinds.PROPOSAL,
        template=notify_template,
        context={"proposal": proposal, "transition": transition},
        link=proposal.get_absolute_url(),
        about=proposal,
    )
    public_fact_sheet_refresh(proposal, reason="projects.transition")
    return proposal


@transaction.atomic
@fragments.changes(fragments.PROPOSALS)
def proposal_transition(*, actor, proposal, action, reason="", request=None):
    """Move a proposal one step along its life; refuse steps that do not start from its status."""
    if action not in TRANSITIONS:
        raise ValidationError(_("Unknown step."), code="unknown_action")
    proposal = locked(proposal)
    sources, to_status, reason_required = TRANSITIONS[action]
    if action == "withdraw":
        require(permissions.can_withdraw(actor, proposal))
    else:
        require(permissions.can_review(actor, proposal))
    if proposal.status not in sources:
        raise ValidationError(
            _("A proposal that is “%(status)s” cannot go to “%(target)s”.")
            % {"status": proposal.get_status_display(), "target": ProposalStatus(to_status).label},
            code="invalid_transition",
        )
    reason = (reason or "").strip()
    if reason_required and not reason:
        raise ValidationError({"reason": _("Give the reason; the proposer will read it.")}, code="reason_required")
    if action == "structured":
        incomplete = list(checklist.missing(selectors.proposal_full().get(pk=proposal.pk)))
        if incomplete:
            raise ValidationError(
                _("The project cannot be marked structured while it lacks: %(items)s.")
                % {"items": "; ".join(item.label for item in incomplete)},
                code="incomplete",
            )
    return _move(proposal, actor=actor, to_status=to_status, reason=reason, request=request)


@transaction.atomic
@fragments.changes(fragments.PROPOSALS)
def proposal_submit(*, actor, proposal, notice_shown=None, request=None, today=None):
    """Submit a draft or returned proposal while its call is open: freeze a version, tell the reviewers.

    ``notice_shown``: the privacy notice version the page posted as shown, recorded with the submitted version.
    """
    proposal = locked(proposal)
    require(permissions.can_view_proposal(actor, proposal))
    if proposal.status not in (S.DRAFT, S.RETURNED):
        raise ValidationError(_("This proposal has already been submitted."), code="not_editable")
    require(permissions.can_submit(actor, proposal))
    call = proposal.call
    today = today or timezone.localdate()
    if not call.is_open_on(today):
        raise ValidationError(
            _("The call “%(call)s” receives proposals from %(opens)s to %(closes)s; it is not open today.")
            % {"call": call.title, "opens": call.opens_on.isoformat(), "closes": call.closes_on.isoformat()},
            code="call_closed",
        )
    full = selectors.proposal_full().get(pk=proposal.pk)
    incomplete = checklist.missing(full)
    if incomplete:
        raise ValidationError(
            _("The proposal is not complete yet: %(items)s.") % {"items": "; ".join(item.label for item in incomplete)},
            code="incomplete",
        )
    proposal.version += 1
    proposal.submitted_at = timezone.now()
    version = ProposalVersion.objects.create(
        proposal=proposal,
        number=proposal.version,
        content=checklist.frozen_content(full),
        submitted_by=actor,
        submitted_at=proposal.submitted_at,
    )
    notices.acknowledge(point=notices.PROPOSAL, shown=notice_shown, target=version, person=actor)
    return _move(proposal, actor=actor, to_status=S.SUBMITTED, reason="", request=request)


def proposal_select(*, actor, proposal, reason="", request=None):
    """Select a proposal in committee review (a selection round calls this with its result as reason)."""
    return proposal_transition(actor=actor, proposal=proposal, action="select", reason=reason, request=request)


def proposal_not_select(*, actor, proposal, reason, request=None):
    """Leave a proposal in committee review out of the selection, with the reason."""
    return proposal_transition(actor=actor, proposal=proposal, action="not-select", reason=reason, request=request)


@transaction.atomic
@fragments.changes(fragments.PROPOSALS)
def proposal_publish(*, actor, proposal, publish=True, request=None):
    """Publish a structured (or later) project on the public pages, or take it off them."""
    require(permissions.can_publish(actor, proposal))
    proposal = locked(proposal)
    if publish and proposal.status not in PUBLISHABLE:
        raise ValidationError(_("Only structured projects can be published."), code="not_publishable")
    proposal.published_at = timezone.now() if publish else None
    proposal.save(update_fields=["published_at", "updated_at"])
    search.index(proposal)
    audit_record(
        actor=actor,
        action="projects.published" if publish else "projects.unpublished",
        target=proposal,
        request=request,
    )
    if publish:
        public_fact_sheet_refresh(proposal, reason="projects.published")
    return proposal


ENGLISH_FIELDS = ["title_en", "summary_en"]


@transaction.atomic
@fragments.changes(fragments.PROPOSALS)
def project_english_update(*, actor, proposal, request=None, **fields):
    """Set the English title and summary the public reads (pages, fact sheet, open data, API, IATI)."""
    require(permissions.can_publish(actor, proposal))
    proposal = locked(proposal)
    before = snapshot(proposal, ENGLISH_FIELDS)
    for name in ENGLISH_FIELDS:
        if name in fields:
            setattr(proposal, name, (fields[name] or "").strip())
    proposal.clean_fields(exclude=[field.name for field in proposal._meta.fields if field.name not in ENGLISH_FIELDS])
    changes = changes_between(before, snapshot(proposal, ENGLISH_FIELDS))
    if not changes:
        return proposal
    proposal.save(update_fields=[*ENGLISH_FIELDS, "updated_at"])
    search.index(proposal)
    audit_record(actor=actor, action="projects.english_changed", target=proposal, changes=changes, request=request)
    public_fact_sheet_refresh(proposal, reason="projects.english_changed")
    return proposal


def version_changes(proposal, number):
    """Return ``(version, previous, changes)`` between a version and the one before it."""
    versions = {v.number: v for v in ProposalVersion.objects.filter(proposal=proposal, number__in=[number, number - 1])}
    current = versions.get(number)
    if current is None:
        return None, None, []
    previous = versions.get(number - 1)
    return current, previous, checklist.changes(previous.content if previous else {}, current.content)
