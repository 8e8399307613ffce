"""Calls, proposals and published projects in the search, found as their pages allow.

- a call: anyone signed in, while it is not archived (the call pages' rule);
- a proposal: ``can_view_proposal``. Its consortium always (the lead organization, kept in the entry,
  and partners invited or accepted, read from the consortium as it is now); once submitted
  (``audience="submitted"``) also staff, the committee's chair and its assigned evaluators. A draft is
  never found by anyone outside its consortium;
- a published project: everyone (its public page), under its public title and summary: the English ones to
  an English reader when staff gave them, as on its page; the proposal keeps the consortium's Spanish title.
Registered from ``ProjectsConfig.ready()``; the proposal and call services index what they write.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from axs_platform.permissions import is_staff_member
from committees.permissions import current_organization
from search.registry import NOTHING, Document, Kind, committee_facets, everyone, register

from .models import PUBLISHABLE, Call, ConsortiumMember, Evaluation, EvaluationStatus, PartnerStatus, Proposal
from .permissions import (
    can_view_proposal,
    chaired_committee_ids,
    conflicted_call_ids,
    is_evaluator,
    is_organizations_own,
)

PROPOSAL_TEXTS = ("summary", "problem", "causes", "effects", "purpose", "general_objective")


def _call_document(call):
    if call.archived_at is not None:
        return None
    return Document(
        title=call.title,
        body=call.guidance,
        url=call.get_absolute_url(),
        audience="signed_in",
        **committee_facets(call.committee, year=call.opens_on.year),
    )


def _proposal_document(proposal):
    return Document(
        title=proposal.title,
        body="\n".join(getattr(proposal, name) for name in PROPOSAL_TEXTS if getattr(proposal, name)),
        url=proposal.get_absolute_url(),
        audience="draft" if is_organizations_own(proposal) else "submitted",
        organization_id=proposal.lead_organization_id,
        **committee_facets(proposal.committee, proposal.submitted_at or proposal.created_at),
    )


def _is_published(proposal):
    return proposal.published_at is not None and proposal.status in PUBLISHABLE


def _project_document(proposal):
    if not _is_published(proposal):
        return None
    return Document(
        title=proposal.title,
        body=f"{proposal.summary}\n{proposal.general_objective}",
        also=f"{proposal.title_en}\n{proposal.summary_en}".strip(),  # found in English too
        url=proposal.get_public_url(),
        audience="public",
        organization_id=proposal.lead_organization_id,
        **committee_facets(proposal.committee, proposal.published_at),
    )


def _public_summary(proposal):
    """The English summary to an English reader; else None: the indexed Spanish summary and objective."""
    return proposal.public_summary() if proposal.public_summary_language() == "en" else None


def _signed_in(user):
    return Q() if user.is_authenticated and user.is_active else NOTHING


def _proposal_rule(user):
    """The proposals ``user`` may open (``can_view_proposal``), as a filter on their entries."""
    if not (user.is_authenticated and user.is_active):
        return NOTHING
    rule = NOTHING
    organization = current_organization(user)
    if organization is not None:
        partners = ConsortiumMember.objects.filter(
            organization=organization, is_lead=False, status__in=(PartnerStatus.INVITED, PartnerStatus.ACCEPTED)
        )
        rule = Q(organization_id=organization.pk) | Q(object_id__in=partners.values("proposal_id"))
    if is_staff_member(user):
        return rule | Q(audience="submitted")
    reviewed = Q(committee_id__in=chaired_committee_ids(user))
    conflicted = conflicted_call_ids(user)
    if conflicted is not None:
        # Not the calls her organization competes in (``can_review``); her own proposals come in by ``rule``.
        rivals = Proposal.objects.filter(call_id__in=conflicted).values("pk")
        reviewed &= ~Q(object_id__in=rivals)
    if is_evaluator(user):
        assigned = Evaluation.objects.filter(evaluator=user).exclude(status=EvaluationStatus.WITHDRAWN)
        reviewed |= Q(object_id__in=assigned.values("proposal_id"))
    return rule | (Q(audience="submitted") & reviewed)


def register_kinds():
    register(
        Kind(
            name="call",
            label=_("Call for proposals"),
            label_plural=_("Calls for proposals"),
            model=Call,
            queryset=lambda: Call.objects.select_related("committee__goal"),
            document=_call_document,
            visible=_signed_in,
            can_view=lambda user, call: bool(user.is_authenticated and user.is_active) and call.archived_at is None,
            order=60,
        )
    )
    register(
        Kind(
            name="proposal",
            label=_("Proposal"),
            label_plural=_("Proposals"),
            model=Proposal,
            queryset=lambda: Proposal.objects.select_related("committee__goal").prefetch_related("consortium"),
            document=_proposal_document,
            visible=_proposal_rule,
            can_view=can_view_proposal,
            order=70,
        )
    )
    register(
        Kind(
            name="project",
            label=_("Project"),
            label_plural=_("Projects"),
            model=Proposal,
            queryset=lambda: Proposal.objects.select_related("committee__goal"),
            document=_project_document,
            visible=everyone,
            can_view=lambda user, proposal: _is_published(proposal),
            order=65,
            display_title=lambda proposal: proposal.public_title(),
            title_language=lambda proposal: proposal.public_title_language(),
            display_body=_public_summary,
            body_language=lambda proposal: proposal.public_summary_language(),
        )
    )
