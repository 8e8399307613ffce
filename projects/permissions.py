"""Who may do what with calls, proposals and evaluations. Views answer 403 with these; services check again.

The lead organization's representatives write the proposal and submit it; partners read and comment;
staff and the committee's chair review it, assign evaluators and see the matrix, except a chair whose
organization competes in the call (a conflict of interest for the whole call: staff decide); an assigned
evaluator scores it. The
person's organization and posts are read once per request (committees' predicates keep them on the
user object).
"""

from django.db.models import Exists, OuterRef, Q

from axs_platform.permissions import is_staff_member
from committees.models import PostKind
from committees.permissions import current_organization, is_chair, is_committee_member, post_keys

from .models import (
    EDITABLE_BY_PROPOSER,
    ConsortiumMember,
    Elector,
    ElectorateKind,
    EvaluationStatus,
    Participation,
    PartnerStatus,
    Proposal,
    ProposalStatus,
)

REVIEWABLE = (ProposalStatus.SUBMITTED,)
EVALUABLE = (ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW)


def chaired_committee_ids(user):
    if not (user.is_authenticated and user.is_active):
        return set()
    return {committee_id for committee_id, kind in post_keys(user) if kind == PostKind.CHAIR}


def is_evaluator(user):
    return bool(user.is_authenticated and user.is_active and user.role == "evaluator")


def can_manage_calls(user, committee=None):
    """Open and change calls: staff for any committee, a chair for their own."""
    if is_staff_member(user):
        return True
    if committee is None:
        return bool(chaired_committee_ids(user))
    return committee.is_open and is_chair(user, committee.pk)


def can_see_call_proposals(user, call):
    """Staff, and the committee's chair unless her organization competes in the call (as ``can_review``)."""
    if is_staff_member(user):
        return True
    return is_chair(user, call.committee_id) and not competes_in_call(user, call)


def can_start_proposal(user, call):
    """A representative of an active member organization may start a proposal while the call is open."""
    organization = current_organization(user)
    return (
        user.is_representative
        and organization is not None
        and organization.participation_status == "active"
        and not organization.is_archived
        and call.is_open
    )


def _membership(user, proposal):
    """Return the consortium row of the person's organization in this proposal, or None."""
    organization = current_organization(user)
    if organization is None:
        return None
    cache = getattr(proposal, "_axs_members", None)
    if cache is None:
        cache = {m.organization_id: m for m in proposal.consortium.all()}
        proposal._axs_members = cache
    return cache.get(organization.pk)


def is_lead(user, proposal):
    organization = current_organization(user)
    return organization is not None and organization.pk == proposal.lead_organization_id


def is_partner(user, proposal):
    member = _membership(user, proposal)
    return (
        member is not None and not member.is_lead and member.status in (PartnerStatus.INVITED, PartnerStatus.ACCEPTED)
    )


def is_organizations_own(proposal):
    """A proposal never submitted (a draft, or withdrawn as one) belongs to its consortium alone."""
    return proposal.version == 0


def speaks_for_the_consortium(user, proposal):
    """The person's organization leads the proposal or is invited to or in its consortium."""
    return is_lead(user, proposal) or is_partner(user, proposal)


def can_review(user, proposal):
    """Comment as a reviewer, move the proposal along, assign evaluators, see the evaluations.

    Staff and the committee's chair, once the proposal has been submitted: a draft is nobody else's business.
    A chair whose organization leads or partners the proposal, or any other proposal of its call, has a
    conflict of interest for the whole call (``competes_in_call``): staff decide its proposals.
    """
    if is_organizations_own(proposal):
        return False
    if is_staff_member(user):
        return True
    return (
        is_chair(user, proposal.committee_id)
        and not speaks_for_the_consortium(user, proposal)
        and not competes_in_call(user, proposal.call_id)
    )


def is_assigned_evaluator(user, proposal):
    """The person evaluates the proposal: assigned, and neither withdrawn nor declaring a conflict of interest.

    An evaluator who declared a conflict keeps only their evaluation's page (``can_open_evaluation``), which
    says so; the proposal, its internal comments and its review are no longer theirs to read.
    """
    if not is_evaluator(user):
        return False
    cache = getattr(proposal, "_axs_evaluator_ids", None)
    if cache is None:
        standing = proposal.evaluations.exclude(status__in=(EvaluationStatus.WITHDRAWN, EvaluationStatus.CONFLICT))
        cache = set(standing.values_list("evaluator_id", flat=True))
        proposal._axs_evaluator_ids = cache
    return user.pk in cache


def can_view_proposal(user, proposal):
    """Read the proposal, its versions and attachments: every page of a proposal asks this first.

    Its consortium always; reviewers and assigned evaluators once it has been submitted.
    """
    if not (user.is_authenticated and user.is_active):
        return False
    if is_lead(user, proposal) or is_partner(user, proposal):
        return True
    return not is_organizations_own(proposal) and (can_review(user, proposal) or is_assigned_evaluator(user, proposal))


def can_follow_proposal(user, proposal):
    """Its consortium's representatives may follow a proposal or project (staff anything they may see)."""
    return user.is_representative and (is_lead(user, proposal) or is_partner(user, proposal))


def can_edit_proposal(user, proposal):
    """The lead edits while the proposal is a draft or returned; in structuring, reviewers may too."""
    if proposal.status in EDITABLE_BY_PROPOSER:
        return is_lead(user, proposal) and user.is_representative
    if proposal.status == ProposalStatus.STRUCTURING:
        return can_review(user, proposal) or is_lead(user, proposal)
    return False


def can_submit(user, proposal):
    return proposal.status in EDITABLE_BY_PROPOSER and is_lead(user, proposal) and user.is_representative


def can_withdraw(user, proposal):
    if proposal.status in (ProposalStatus.WITHDRAWN, ProposalStatus.CLOSED, ProposalStatus.DECLINED):
        return False
    if proposal.status in (ProposalStatus.NOT_SELECTED,):
        return False
    return can_review(user, proposal) or (is_lead(user, proposal) and proposal.status in EDITABLE_BY_PROPOSER)


def can_comment(user, proposal):
    return can_view_proposal(user, proposal) and not is_assigned_evaluator(user, proposal)


def can_respond_to_invitation(user, member):
    organization = current_organization(user)
    return organization is not None and member.organization_id == organization.pk and member.status == "invited"


def can_assign_evaluators(user, proposal):
    return can_review(user, proposal) and proposal.status in EVALUABLE


def competing_call_ids(organization):
    """The ids of the calls the organization competes in, as a subquery (``values("call_id")``).

    It leads, or is invited to or in the consortium of, a proposal of the call that was not withdrawn.
    ``competes_in_call`` and the lists that leave out a chair's rivals (``conflicted_call_ids``) read it.
    """
    partnered = ConsortiumMember.objects.filter(
        organization=organization, status__in=(PartnerStatus.INVITED, PartnerStatus.ACCEPTED)
    )
    return (
        Proposal.objects.exclude(status=ProposalStatus.WITHDRAWN)
        .filter(Q(lead_organization=organization) | Q(pk__in=partnered.values("proposal_id")))
        .values("call_id")
    )


def conflicted_call_ids(user):
    """The calls whose proposals a chair may not review because her organization competes in them (a subquery).

    ``None`` when the person speaks for no organization (no conflict). Querysets of the proposals a chair
    reviews exclude ``call_id__in`` these, so they agree with ``can_review``.
    """
    organization = current_organization(user)
    if organization is None:
        return None
    return competing_call_ids(organization)


def without_conflicts(proposals, user):
    """The proposals (a queryset) a chair may review: those of the calls her organization competes in left out.

    The query-level twin of ``can_review``'s conflict rule, for the lists of a chair (never staff's).
    Her own organization's proposals stay in its own lists.
    """
    conflicted = conflicted_call_ids(user)
    return proposals if conflicted is None else proposals.exclude(call_id__in=conflicted)


def competes_in_call(user, call):
    """The person's organization leads or partners a proposal of the call that was not withdrawn.

    ``call`` is a call or its id. One query per call, kept on the user object for the request.
    """
    organization = current_organization(user)
    if organization is None:
        return False
    call_id = getattr(call, "pk", call)
    cache = getattr(user, "_axs_competes", None)
    if cache is None:
        cache = user._axs_competes = {}
    if call_id not in cache:
        cache[call_id] = competing_call_ids(organization).filter(call_id=call_id).exists()
    return cache[call_id]


def can_see_matrix(user, call):
    """Staff, and the committee's chair unless her organization competes in the call (its rivals' scores)."""
    if is_staff_member(user):
        return True
    return is_chair(user, call.committee_id) and not competes_in_call(user, call)


def can_publish(user, proposal):
    return is_staff_member(user) and not is_organizations_own(proposal)


def can_open_evaluation(user, evaluation):
    """An evaluator opens their own evaluation while it stands; a withdrawn one shows nothing of the proposal."""
    return is_evaluator(user) and evaluation.evaluator_id == user.pk and evaluation.status != "withdrawn"


# Selection rounds and ballots.


def can_manage_rounds(user, committee, calls=()):
    """Open, record and close a committee's selection rounds and ballots: staff, or the committee's chair.

    ``calls`` (calls or their ids) are those of the round's candidates: a chair whose organization competes in
    one of them speaks for a side of the decision (``competes_in_call``), so staff decide that round.
    """
    if is_staff_member(user):
        return True
    if not (committee.is_open and is_chair(user, committee.pk)):
        return False
    return not any(competes_in_call(user, call) for call in set(calls))


def can_manage_round(user, selection_round):
    """Run this round (its ballots, evidence, ties and close): ``can_manage_rounds`` over its candidates' calls."""
    calls = selection_round.candidates.values_list("proposal__call_id", flat=True)
    return can_manage_rounds(user, selection_round.committee, calls)


def can_see_round(user, selection_round):
    """A closed round is public (the committee's page shows it); an open one, to the committee and staff."""
    if selection_round.status == "closed":
        return True
    return is_staff_member(user) or is_committee_member(user, selection_round.committee_id)


def can_cancel_ballot(user, ballot):
    return is_staff_member(user) and ballot.status in ("scheduled", "open")


def elector_for(user, ballot):
    """Return the person's place in the ballot's frozen electorate (their own, or their organization's), or None.

    The place carries ``has_voted``, read with it. On a ballot of organizations it is the place of the
    organization the person speaks for now (``committees.permissions.current_organization``).
    """
    if not (user.is_authenticated and user.is_active):
        return None
    cache = getattr(user, "_axs_electors", None)
    if cache is None:
        cache = user._axs_electors = {}
    if ballot.pk not in cache:
        places = Elector.objects.filter(ballot_id=ballot.pk)
        if ballot.electorate != ElectorateKind.ORGANIZATIONS:
            places = places.filter(user_id=user.pk)
        else:
            organization = current_organization(user)
            places = places.filter(organization=organization) if organization is not None else places.none()
        voted = Participation.objects.filter(elector=OuterRef("pk"))
        cache[ballot.pk] = places.annotate(has_voted=Exists(voted)).first()
    return cache[ballot.pk]


def can_vote(user, ballot):
    return ballot.status == "open" and elector_for(user, ballot) is not None


def can_vote_now(user, ballot, now):
    """Cast a vote now, or change it: the ballot takes votes and the person has not voted or may change it."""
    elector = elector_for(user, ballot)
    return ballot.accepts_votes_at(now) and elector is not None and (not elector.has_voted or ballot.allow_changes)


def can_see_ballot(user, ballot):
    """Staff, the committee's members and chair, and anyone in its electorate."""
    return (
        is_staff_member(user)
        or is_committee_member(user, ballot.round.committee_id)
        or elector_for(user, ballot) is not None
    )


def can_read_ballot(user, ballot):
    """Open a ballot's page or its results file: a signed-in person who may see it, or anyone signed in once closed.

    The page and the CSV ask this one question, so neither answers a visitor the other refuses.
    """
    if not (user.is_authenticated and user.is_active):
        return False
    return ballot.status == "closed" or can_see_ballot(user, ballot)


def can_see_results(user, ballot):
    """Results show once the ballot closes, to whoever may read the ballot."""
    return ballot.status == "closed" and can_read_ballot(user, ballot)


def can_check_receipt(user, ballot):
    return ballot.status == "closed" and (is_staff_member(user) or elector_for(user, ballot) is not None)


# Managing many proposals, internal comments and the evaluators' load.


def can_manage_proposals(user):
    """The staff's proposal list with its filters, saved filters and bulk actions: staff only."""
    return is_staff_member(user)


def can_read_internal(user, proposal):
    """Internal comments and the review's steps: staff, the committee's chair and the assigned evaluators.

    Never a person whose organization leads or partners the proposal, even the committee's chair.
    """
    if speaks_for_the_consortium(user, proposal):
        return False
    return can_review(user, proposal) or is_assigned_evaluator(user, proposal)


def can_comment_internally(user, proposal):
    return can_read_internal(user, proposal)


def can_see_comment(user, proposal, comment):
    """A shared comment, to whoever reads the proposal; an internal one, never to the proposing organization."""
    if not can_view_proposal(user, proposal):
        return False
    return comment.visibility == "shared" or can_read_internal(user, proposal)


def can_see_evaluator_load(user):
    return is_staff_member(user)
