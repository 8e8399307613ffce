"""Online ballots: creating, opening (freezing the electorate), closing, cancelling, reminding.

Ties and runoffs are in ``ties.py``.

Voting (``votes.py``) and changes of status meet on the ballot's lock: a vote holds it shared, so
votes do not wait for each other; opening, closing, cancelling and reminding hold it exclusively,
so they wait for the votes in flight and every later vote sees the new status.
"""

import logging
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from audit.services import audit_record
from axs_platform import fragments, purposes
from axs_platform.dates import implausible_day
from axs_platform.errors import field_error
from committees.models import Membership, MembershipStatus, Post, PostKind
from companies.models import Representative
from notifications import kinds

from .. import permissions, tally
from ..models import (
    Ballot,
    BallotCandidate,
    BallotStatus,
    Elector,
    ElectorateKind,
    QuestionKind,
    SelectionMethod,
    TieStatus,
)
from ..sealing import SealBroken
from .common import notify, require
from .papers import unseal_papers

logger = logging.getLogger(__name__)

REMIND_BEFORE = timedelta(hours=24)


def _check_candidates(*, seats, question, max_choices, proposals, committee):
    proposals = list(proposals)
    if len(proposals) < seats:
        raise ValidationError(
            ngettext(
                "A ballot to select %(seats)s proposal needs at least %(seats)s candidate; it has %(count)s.",
                "A ballot to select %(seats)s proposals needs at least %(seats)s candidates; it has %(count)s.",
                seats,
            )
            % {"seats": seats, "count": len(proposals)},
            code="too_few_candidates",
        )
    if any(p.committee_id != committee.pk for p in proposals):
        raise ValidationError(_("Every candidate must be a proposal to this committee."), code="other_committee")
    if question == QuestionKind.APPROVAL and not 1 <= max_choices <= len(proposals):
        raise field_error(
            "max_choices",
            ngettext(
                "A voter may choose between 1 and %(count)s candidate.",
                "A voter may choose between 1 and %(count)s candidates.",
                len(proposals),
            )
            % {"count": len(proposals)},
            "invalid_max_choices",
        )
    return proposals


@transaction.atomic
def ballot_create(
    *,
    actor,
    selection_round,
    title,
    electorate,
    question,
    seats,
    majority,
    quorum_percent,
    opens_at,
    closes_at,
    max_choices=1,
    is_secret=False,
    allow_changes=False,
    named_voters=(),
    proposals=None,
    runoff_of=None,
    request=None,
):
    """Create a scheduled ballot of a vote round over its candidates (or the given ones)."""
    require(permissions.can_manage_round(actor, selection_round))
    for name, moment in (("opens_at", opens_at), ("closes_at", closes_at)):
        if message := implausible_day(moment):  # first: a moment in the year 9999 overflows in any conversion
            raise field_error(name, message, "implausible_date")
    if not selection_round.is_open or selection_round.method != SelectionMethod.VOTE:
        raise ValidationError(_("Ballots belong to an open selection round decided by vote."), code="round_not_vote")
    if proposals is None:
        proposals = [c.proposal for c in selection_round.candidates.select_related("proposal")]
    proposals = _check_candidates(
        seats=seats,
        question=question,
        max_choices=max_choices,
        proposals=proposals,
        committee=selection_round.committee,
    )
    named_voters = list(named_voters)
    if electorate == ElectorateKind.PEOPLE and not named_voters:
        raise field_error("named_voters", _("Name the people who vote."), "no_voters")
    if closes_at <= timezone.now():
        # Nothing could open it (nor close the round after it): only staff could cancel it.
        raise field_error("closes_at", _("The ballot's closing time has already passed."), "closes_in_the_past")
    if closes_at <= opens_at:
        raise field_error("closes_at", _("A ballot must close after it opens."), "closes_before_opening")
    if question == QuestionKind.YES_NO:
        max_choices = len(proposals)
    ballot = Ballot.objects.create(
        round=selection_round,
        runoff_of=runoff_of,
        title=title,
        electorate=electorate,
        question=question,
        max_choices=max_choices,
        seats=seats,
        majority=majority,
        quorum_percent=quorum_percent,
        is_secret=is_secret,
        allow_changes=allow_changes,
        opens_at=opens_at,
        closes_at=closes_at,
        created_by=actor,
    )
    if named_voters:
        ballot.named_voters.set(named_voters)
    BallotCandidate.objects.bulk_create(
        BallotCandidate(ballot=ballot, proposal=proposal, position=position)
        for position, proposal in enumerate(proposals, start=1)
    )
    audit_record(actor=actor, action="projects.ballot_created", target=ballot, request=request)
    return ballot


# The advisory-lock namespace of ballots (PostgreSQL's two-key form: this constant, then the ballot's id).
BALLOT_LOCK_SPACE = 0x4178_5301


def _advisory_lock(ballot, *, shared):
    """Take the ballot's advisory lock until the transaction ends (PostgreSQL; SQLite runs one writer at a time)."""
    if connection.vendor == "postgresql":
        # Raw SQL because the ORM has no advisory locks. Not FOR SHARE on the ballot's row: many voters
        # sharing one row lock make PostgreSQL rewrite the row's lock owner (a MultiXact) on every vote.
        function = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {function}(%s, %s)", [BALLOT_LOCK_SPACE, ballot.pk])


def _locked(ballot):
    """Read the ballot holding its lock exclusively (and its row's lock), for a change of status."""
    _advisory_lock(ballot, shared=False)
    return Ballot.objects.select_for_update(of=("self",)).select_related("round__committee").get(pk=ballot.pk)


VOTE_READS = ("title", "electorate", "question", "max_choices", "is_secret", "allow_changes", "status", "opens_at",
              "closes_at")  # fmt: skip


def ballot_share_locked(ballot):
    """Hold the ballot's lock shared with other votes and return the ballot read again after it is granted.

    Only what a vote reads: the status, times and rules, and the title that its audit event names.
    """
    _advisory_lock(ballot, shared=True)
    return Ballot.objects.only(*VOTE_READS).get(pk=ballot.pk)


def _frozen_electorate(ballot):
    committee = ballot.round.committee
    if ballot.electorate == ElectorateKind.CHAIR:
        chair = Post.objects.current().filter(committee=committee, kind=PostKind.CHAIR).first()
        return [Elector(ballot=ballot, user_id=chair.holder_id)] if chair else []
    if ballot.electorate == ElectorateKind.ORGANIZATIONS:
        organization_ids = (
            Membership.objects.filter(committee=committee, status=MembershipStatus.ACTIVE)
            .values_list("organization_id", flat=True)
            .distinct()
        )
        return [Elector(ballot=ballot, organization_id=pk) for pk in organization_ids]
    return [Elector(ballot=ballot, user=person) for person in ballot.named_voters.filter(is_active=True)]


def electorate_people(ballot, *, only_pending=False):
    """Return the people who may cast the ballot's votes (for organizations: their current representatives)."""
    electors = ballot.electors.all()
    if only_pending:
        electors = electors.exclude(participations__isnull=False)
    user_ids = {e.user_id for e in electors if e.user_id}
    organization_ids = {e.organization_id for e in electors if e.organization_id}
    people = {
        link.user.pk: link.user
        for link in Representative.objects.current()
        .filter(organization_id__in=organization_ids, user__is_active=True)
        .select_related("user")
    }
    from django.contrib.auth import get_user_model

    for person in get_user_model().objects.filter(pk__in=user_ids, is_active=True):
        people[person.pk] = person
    return sorted(people.values(), key=lambda person: person.pk)


@transaction.atomic
def ballot_open(*, actor, ballot, now=None, request=None):
    """Open a scheduled ballot: freeze who may vote, and tell them by e-mail."""
    ballot = _locked(ballot)
    if actor is not None:
        require(permissions.can_manage_round(actor, ballot.round))
    if ballot.status != BallotStatus.SCHEDULED:
        raise ValidationError(_("Only a scheduled ballot can be opened."), code="not_scheduled")
    now = now or timezone.now()
    if now >= ballot.closes_at:
        raise ValidationError(_("This ballot's closing time has passed; change it before opening."), code="too_late")
    electors = _frozen_electorate(ballot)
    if not electors:
        raise ValidationError(_("Nobody could vote in this ballot: its electorate is empty."), code="empty_electorate")
    Elector.objects.bulk_create(electors)
    ballot.status = BallotStatus.OPEN
    ballot.opened_at = now
    if ballot.opens_at > now:
        ballot.opens_at = now
    ballot.save(update_fields=["status", "opened_at", "opens_at"])
    notify(
        electorate_people(ballot),
        kind=kinds.BALLOT,
        template="ballot_opened",
        context={"ballot": ballot},
        link=ballot.get_absolute_url(),
    )
    # Last: the audit trail's lock is held until commit, so nothing slow comes after it.
    audit_record(actor=actor, action="projects.ballot_opened", target=ballot, request=request)
    return ballot


@transaction.atomic
def ballot_close(*, actor, ballot, now=None, request=None):
    """Close an open ballot, count it from the stored papers and freeze the result; declare any tie."""
    ballot = _locked(ballot)
    if actor is not None:
        require(permissions.can_manage_round(actor, ballot.round))
    if ballot.status != BallotStatus.OPEN:
        raise ValidationError(_("Only an open ballot can be closed."), code="not_open")
    now = now or timezone.now()
    if ballot.is_secret:
        unseal_papers(ballot)
    ballot.status = BallotStatus.CLOSED
    ballot.closed_at = now
    ballot.closed_by = actor
    if ballot.closes_at > now:
        ballot.closes_at = max(now, ballot.opens_at + timedelta(seconds=1))
    ballot.result = tally.tally(ballot)
    ballot.tie_status = TieStatus.DECLARED if ballot.result["tied"] else TieStatus.NONE
    ballot.save()
    # Row locks first, then the audit events: appending holds the chain's lock to the commit.
    parent = None
    if ballot.runoff_of_id and ballot.result["quorum_met"] and not ballot.result["tied"]:
        parent = _locked(ballot.runoff_of)
        if parent.tie_status == TieStatus.DECLARED:
            parent.result = {**parent.result, "settled": ballot.result["selected"]}
            parent.tie_status = TieStatus.BY_RUNOFF
            parent.tie_resolution = _("Settled by the runoff “%(title)s”.") % {"title": ballot.title}
            parent.save(update_fields=["result", "tie_status", "tie_resolution"])
        else:
            parent = None
    fragments.changed(fragments.PROPOSALS)  # the open-data results of closed ballots (opendata.datasets.ballots)
    audit_record(
        actor=actor,
        action="projects.ballot_closed",
        target=ballot,
        request=request,
        changes={"quorum_met": ballot.result["quorum_met"], "selected": ballot.result["selected"]},
        seal=True,  # The stored result's digest joins the audit chain.
    )
    if parent is not None:
        audit_record(actor=actor, action="projects.ballot_result_settled", target=parent, request=request, seal=True)
    return ballot


@transaction.atomic
def ballot_cancel(*, actor, ballot, reason, request=None):
    """Cancel a scheduled or open ballot with a reason (staff); its votes stay stored, uncounted."""
    ballot = _locked(ballot)
    require(permissions.can_cancel_ballot(actor, ballot))
    reason = (reason or "").strip()
    if not reason:
        raise field_error("reason", _("Say why the ballot is cancelled."), "reason_required")
    ballot.status = BallotStatus.CANCELLED
    ballot.cancelled_at = timezone.now()
    ballot.cancelled_by = actor
    ballot.cancel_reason = reason
    ballot.save(update_fields=["status", "cancelled_at", "cancelled_by", "cancel_reason"])
    audit_record(actor=actor, action="projects.ballot_cancelled", target=ballot, message=reason, request=request)
    return ballot


@transaction.atomic
def ballot_remind(*, ballot, now=None):
    """Remind, once, the voters of an open ballot who have not voted; return how many were told."""
    ballot = _locked(ballot)
    if ballot.status != BallotStatus.OPEN or ballot.reminded_at is not None:
        return 0
    ballot.reminded_at = now or timezone.now()
    ballot.save(update_fields=["reminded_at"])
    # Those who oppose reminders (privacy) are not reminded; the opening notice still reached them.
    return notify(
        electorate_people(ballot, only_pending=True),
        kind=kinds.BALLOT,
        template="ballot_reminder",
        context={"ballot": ballot},
        link=ballot.get_absolute_url(),
        purpose=purposes.REMINDERS,
    )


def ballots_due(*, now=None):
    """Open, remind and close the ballots whose times have come (the periodic task calls this)."""
    now = now or timezone.now()
    done = {"opened": 0, "reminded": 0, "closed": 0}
    for ballot in Ballot.objects.filter(status=BallotStatus.SCHEDULED, opens_at__lte=now, closes_at__gt=now):
        try:
            ballot_open(actor=None, ballot=ballot, now=now)
            done["opened"] += 1
        except ValidationError:
            pass
    for ballot in Ballot.objects.filter(status=BallotStatus.OPEN, closes_at__lte=now):
        try:
            ballot_close(actor=None, ballot=ballot, now=now)
        except (ValidationError, SealBroken):  # one ballot that cannot close must not stop the others
            logger.exception("Ballot %s could not be closed", ballot.pk)
            continue
        done["closed"] += 1
    for ballot in Ballot.objects.filter(
        status=BallotStatus.OPEN, reminded_at__isnull=True, closes_at__lte=now + REMIND_BEFORE
    ):
        done["reminded"] += bool(ballot_remind(ballot=ballot, now=now))
    return done


__all__ = [
    "ballot_cancel",
    "ballot_close",
    "ballot_create",
    "ballot_open",
    "ballot_remind",
    "ballots_due",
    "ballot_share_locked",
    "electorate_people",
]
