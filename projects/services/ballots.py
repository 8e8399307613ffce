"""Online ballots: creating, opening (freezing the electorate), voting, closing, ties, runoffs, cancelling.

Voting and closing meet on the ballot's lock: a vote holds it shared while it checks that the
ballot is open and writes its paper; opening, closing, cancelling and reminding hold it exclusively,
so they wait for votes in flight and every vote after them sees the new status. On PostgreSQL it is
a transaction-level advisory lock keyed by the ballot's id, not ``FOR SHARE`` on the ballot's row:
hundreds of voters sharing a row lock would make PostgreSQL rewrite the row's lock owner (a
MultiXact) on every vote, and votes would queue on that one row. Elsewhere it is the row's lock.
Two requests of the same voter meet on the voter's ``Elector`` row (ballots that allow changing a
vote); the database's unique constraint on participations is the last word.
"""

import hashlib
import re
import secrets
import uuid
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.services import audit_record, audit_values
from axs_platform.db import fetch_prepared, insert_rows, insert_rows_sql
from axs_platform.errors import field_error
from committees.models import Membership, MembershipStatus, Post, PostKind
from companies.models import Representative

from .. import permissions, tally
from ..models import (
    Answer,
    Ballot,
    BallotCandidate,
    BallotPaper,
    BallotStatus,
    Elector,
    ElectorateKind,
    PaperChoice,
    Participation,
    QuestionKind,
    SelectionMethod,
    TieStatus,
)
from .common import notify, require

RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
REMIND_BEFORE = timedelta(hours=24)


def receipt_new():
    """Return a random receipt code of 20 characters in groups of four (100 bits)."""
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(20))
    return "-".join(raw[i : i + 4] for i in range(0, 20, 4))


def receipt_hash(ballot, code):
    """Return the stored form of a receipt: only its holder can show which paper it is."""
    normal = re.sub(r"[^A-Z0-9]", "", (code or "").upper())
    return hashlib.sha256(f"{ballot.pk}:{normal}".encode()).hexdigest()


def _check_candidates(*, seats, question, max_choices, proposals, committee):
    proposals = list(proposals)
    if len(proposals) < seats:
        raise ValidationError(
            _("A ballot to select %(seats)s proposals needs at least %(seats)s candidates; it has %(count)s.")
            % {"seats": seats, "count": len(proposals)},
            code="too_few_candidates",
        )
    if any(p.committee_id != committee.pk for p in proposals):
        raise ValidationError(_("Every candidate must be a proposal to this committee."), code="other_committee")
    if question == QuestionKind.APPROVAL and not 1 <= max_choices <= len(proposals):
        raise field_error(
            "max_choices",
            _("A voter may choose between 1 and %(count)s candidates.") % {"count": len(proposals)},
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
    require(permissions.can_manage_rounds(actor, selection_round.committee))
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
    """Take the ballot's advisory lock until the transaction ends (PostgreSQL only; see the module's text)."""
    if connection.vendor == "postgresql":
        function = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {function}(%s, %s)", [BALLOT_LOCK_SPACE, ballot.pk])


def _locked(ballot):
    """Read the ballot holding its lock exclusively (and its row's lock), for a change of status."""
    _advisory_lock(ballot, shared=False)
    return Ballot.objects.select_for_update(of=("self",)).select_related("round__committee").get(pk=ballot.pk)


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
        require(permissions.can_manage_rounds(actor, ballot.round.committee))
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
    audit_record(actor=actor, action="projects.ballot_opened", target=ballot, request=request)
    notify(electorate_people(ballot), template="ballot_opened", context={"ballot": ballot})
    return ballot


_BALLOT_STATUS_SQL = f"SELECT status, opens_at, closes_at FROM {Ballot._meta.db_table} WHERE id = %s"


def _share_locked(ballot):
    """Return the ballot, its status and times read again holding its lock shared with other votes.

    Changes of status wait for that lock. The rest of an open ballot (question, seats, secrecy) no
    longer changes, so only what opening and closing change is read again.
    """
    if connection.vendor == "postgresql":
        _advisory_lock(ballot, shared=True)
        # Read after the lock is granted: this statement's snapshot sees any change committed before.
        # Written out: every vote runs it, and ``refresh_from_db`` cost five times as much.
        with connection.cursor() as cursor:
            cursor.execute(_BALLOT_STATUS_SQL, [ballot.pk])
            ballot.status, ballot.opens_at, ballot.closes_at = cursor.fetchone()
        return ballot
    return Ballot.objects.select_for_update().get(pk=ballot.pk)


def _clean_choices(ballot, choices, candidates=None):
    """Turn ``{proposal_id: answer}`` or ``[proposal_id, ...]`` into ``{candidate_id: answer}``, or refuse."""
    if candidates is None:
        candidates = BallotCandidate.objects.filter(ballot=ballot).only("id", "proposal_id")
    by_proposal = {c.proposal_id: c.pk for c in candidates if c.ballot_id == ballot.pk}
    if ballot.question == QuestionKind.APPROVAL:
        picked = [int(p) for p in choices]
        if len(set(picked)) != len(picked):
            raise ValidationError(_("Each candidate can be chosen once."), code="duplicate_choice")
        answers = dict.fromkeys(picked, Answer.APPROVE)
    else:
        answers = {int(p): a for p, a in dict(choices).items()}
    unknown = [p for p in answers if p not in by_proposal]
    if unknown:
        raise ValidationError(_("You chose a proposal that is not on this ballot."), code="not_a_candidate")
    if ballot.question == QuestionKind.APPROVAL:
        if not answers:
            raise ValidationError(_("Choose at least one candidate."), code="no_choice")
        if len(answers) > ballot.max_choices:
            raise ValidationError(
                _("You may choose at most %(n)s candidates; you chose %(count)s.")
                % {"n": ballot.max_choices, "count": len(answers)},
                code="too_many_choices",
            )
    else:
        if set(answers) != set(by_proposal):
            raise ValidationError(_("Answer yes, no or abstain on every candidate."), code="incomplete_answers")
        if any(a not in (Answer.YES, Answer.NO, Answer.ABSTAIN) for a in answers.values()):
            raise ValidationError(_("Answer yes, no or abstain."), code="invalid_answer")
    return {by_proposal[p]: a for p, a in answers.items()}


def _already_voted():
    return ValidationError(
        _("Your vote was already recorded; this ballot does not allow changing it."), code="already_voted"
    )


def _vote_change(actor, ballot, elector, answers, receipt, now, request):
    """Replace the choices of a vote already cast (the ballot allows it); the receipt stays the same."""
    if ballot.is_secret:
        paper = BallotPaper.objects.filter(ballot=ballot, receipt_hash=receipt_hash(ballot, receipt)).first()
        if paper is None:
            raise field_error(
                "receipt",
                _("To change a secret vote, give the receipt code you received when you voted."),
                "receipt_required",
            )
    else:
        paper = BallotPaper.objects.get(elector=elector)
    paper.choices.all().delete()
    PaperChoice.objects.bulk_create(PaperChoice(paper=paper, candidate_id=c, answer=a) for c, a in answers.items())
    Participation.objects.filter(pk=elector.participation_id).update(changed_at=now, changes=elector.changes + 1)
    audit_record(actor=actor, action="projects.vote_changed", target=ballot, request=request)
    return None, True


def _refuse_unless_open(ballot, now):
    if not ballot.accepts_votes_at(now):
        raise ValidationError(
            _("This ballot is not open for voting now (it takes votes from %(opens)s to %(closes)s).")
            % {
                "opens": timezone.localtime(ballot.opens_at).strftime("%Y-%m-%d %H:%M"),
                "closes": timezone.localtime(ballot.closes_at).strftime("%Y-%m-%d %H:%M"),
            },
            code="not_open",
        )


def vote_cast(*, actor, ballot, choices, receipt="", now=None, request=None, candidates=None):
    """Record a vote and return ``(receipt code or None, changed)``.

    A first vote returns a new receipt code (shown once, stored hashed). Where the ballot allows it,
    voting again changes the vote: on a named ballot the elector's paper, on a secret one the paper
    whose receipt the voter gives; the receipt stays the same. ``candidates``, the ballot's
    ``BallotCandidate`` rows when the caller has them already, saves reading them again.
    """
    now = now or timezone.now()
    if connection.vendor == "postgresql" and not ballot.allow_changes:
        return _vote_at_once(actor, ballot, choices, candidates, now, request)
    with transaction.atomic():
        return _vote_locked(actor, ballot, choices, receipt, candidates, now, request)


def _voter_and_answers(actor, ballot, choices, candidates, now):
    """Check what every vote checks before writing; return the voter's place and ``{candidate_id: answer}``."""
    _refuse_unless_open(ballot, now)
    elector = permissions.elector_for(actor, ballot)
    if elector is None:
        raise PermissionDenied(_("You are not in this ballot's electorate."))
    return elector, _clean_choices(ballot, choices, candidates)


def _first_vote_rows(actor, ballot, elector, answers, now):
    """Return a new receipt code and the rows a first vote writes: ``[(Model, rows)]``, participation first."""
    code, paper = receipt_new(), uuid.uuid4()
    return code, [
        (Participation, [{"ballot": ballot.pk, "elector": elector.pk, "cast_by": actor.pk, "cast_at": now,
                          "changed_at": None, "changes": 0}]),
        (BallotPaper, [{"id": paper, "ballot": ballot.pk, "receipt_hash": receipt_hash(ballot, code),
                        "elector": None if ballot.is_secret else elector.pk}]),
        (PaperChoice, [{"paper": paper, "candidate": c, "answer": a} for c, a in answers.items()]),
    ]  # fmt: skip


def _vote_locked(actor, ballot, choices, receipt, candidates, now, request):
    """Vote holding the ballot's lock shared for the whole transaction (SQLite; ballots that allow changes)."""
    ballot = _share_locked(ballot)
    elector, answers = _voter_and_answers(actor, ballot, choices, candidates, now)
    if ballot.allow_changes:
        # Lock the voter's place and read whether they have voted, in one query: their requests queue here.
        voted = Participation.objects.filter(elector=OuterRef("pk")).order_by()
        elector = (
            Elector.objects.select_for_update(of=("self",))
            .annotate(participation_id=Subquery(voted.values("pk")[:1]), changes=Subquery(voted.values("changes")[:1]))
            .get(pk=elector.pk)
        )
        if elector.participation_id is not None:
            return _vote_change(actor, ballot, elector, answers, receipt, now, request)
    elif getattr(elector, "has_voted", False):
        raise _already_voted()
    code, (participation, *papers) = _first_vote_rows(actor, ballot, elector, answers, now)
    try:
        # A second vote that got this far (they raced) clashes on the unique participation per elector.
        # No savepoint: the error leaves this function, whose transaction rolls back.
        insert_rows(*participation)
    except IntegrityError as error:
        if ballot.allow_changes:
            raise ValidationError(_("Your vote was already recorded."), code="already_voted") from error
        raise _already_voted() from error
    for model, rows in papers:
        insert_rows(model, rows)
    audit_record(actor=actor, action="projects.voted", target=ballot, request=request)
    return code, False


# A vote on PostgreSQL, on a ballot that does not allow changes, in one round trip: two statements in
# one query string, which PostgreSQL runs as one implicit transaction. The first takes the ballot's
# lock shared; the second, whose snapshot is taken once that lock is granted, reads the ballot's
# status and times and writes the participation, the paper, its choices and the audit event only if
# the ballot takes votes at that moment (``Ballot.accepts_votes_at``, in SQL). It answers the status
# and times it read, and whether it wrote. The second is prepared once per connection
# (``axs_platform.db.fetch_prepared``); the first round trip of a connection also prepares it.
_VOTE_LOCK_SQL = "SELECT pg_advisory_xact_lock_shared(%s, %s); "
_VOTE_READ_SQL = (
    f"WITH ballot AS (SELECT status, opens_at, closes_at FROM {Ballot._meta.db_table} WHERE id = %s), "
    "accepting AS (SELECT 1 FROM ballot WHERE status = %s AND opens_at <= %s AND %s < closes_at)"
)
_VOTE_ANSWER_SQL = " SELECT status, opens_at, closes_at, EXISTS (SELECT 1 FROM accepting) FROM ballot"
_IF_ACCEPTING = "EXISTS (SELECT 1 FROM accepting)"


def _vote_at_once(actor, ballot, choices, candidates, now, request):
    """A first vote in one statement (PostgreSQL, ballots that do not allow changes); see above."""
    # Checked first on what the caller read, so that the messages come in the same order as elsewhere;
    # the statement checks the status and times again under the lock.
    elector, answers = _voter_and_answers(actor, ballot, choices, candidates, now)
    if getattr(elector, "has_voted", False):
        raise _already_voted()
    code, rows = _first_vote_rows(actor, ballot, elector, answers, now)
    event = {"created_at": now, **audit_values(actor=actor, action="projects.voted", target=ballot, request=request)}
    writes = [insert_rows_sql(model, model_rows, where=_IF_ACCEPTING) for model, model_rows in rows]
    writes.append(insert_rows_sql(AuditEvent, [event], where=_IF_ACCEPTING))
    sql = _VOTE_READ_SQL + "".join(f", write{n} AS ({w})" for n, (w, _p) in enumerate(writes))
    lock = [BALLOT_LOCK_SPACE, ballot.pk]
    params = [ballot.pk, BallotStatus.OPEN, now, now]
    for _sql, write_params in writes:
        params += write_params
    try:
        # Prepared: PostgreSQL parsed and planned this long statement on every vote, which cost more than
        # running it. Within a transaction (tests, a caller's atomic block) it runs in a savepoint.
        row = fetch_prepared(sql + _VOTE_ANSWER_SQL, params, before=_VOTE_LOCK_SQL, before_params=lock)
    except IntegrityError as error:
        # Two requests of the same voter raced past the check above: the unique participation refuses one.
        raise _already_voted() from error
    ballot.status, ballot.opens_at, ballot.closes_at, wrote = row
    if not wrote:
        _refuse_unless_open(ballot, now)
    return code, False


def receipt_counted(*, ballot, code):
    """Return whether a paper with this receipt is among the ballot's counted papers."""
    return BallotPaper.objects.filter(ballot=ballot, receipt_hash=receipt_hash(ballot, code)).exists()


@transaction.atomic
def ballot_close(*, actor, ballot, now=None, request=None):
    """Close an open ballot, count it from the stored papers and freeze the result; declare any tie."""
    ballot = _locked(ballot)
    if actor is not None:
        require(permissions.can_manage_rounds(actor, ballot.round.committee))
    if ballot.status != BallotStatus.OPEN:
        raise ValidationError(_("Only an open ballot can be closed."), code="not_open")
    now = now or timezone.now()
    ballot.status = BallotStatus.CLOSED
    ballot.closed_at = now
    ballot.closed_by = actor
    if ballot.closes_at > now:
        ballot.closes_at = max(now, ballot.opens_at + timedelta(seconds=1))
    ballot.result = tally.tally(ballot)
    ballot.tie_status = TieStatus.DECLARED if ballot.result["tied"] else TieStatus.NONE
    ballot.save()
    audit_record(
        actor=actor,
        action="projects.ballot_closed",
        target=ballot,
        request=request,
        changes={"quorum_met": ballot.result["quorum_met"], "selected": ballot.result["selected"]},
    )
    if ballot.runoff_of_id and ballot.result["quorum_met"] and not ballot.result["tied"]:
        parent = _locked(ballot.runoff_of)
        if parent.tie_status == TieStatus.DECLARED:
            parent.result = {**parent.result, "settled": ballot.result["selected"]}
            parent.tie_status = TieStatus.BY_RUNOFF
            parent.tie_resolution = _("Settled by the runoff “%(title)s”.") % {"title": ballot.title}
            parent.save(update_fields=["result", "tie_status", "tie_resolution"])
    return ballot


def _require_declared_tie(ballot):
    if ballot.status != BallotStatus.CLOSED or ballot.tie_status != TieStatus.DECLARED:
        raise ValidationError(_("This ballot has no tie to settle."), code="no_tie")


@transaction.atomic
def ballot_tie_settle(*, actor, ballot, proposals, reason, request=None):
    """Let the chair (or staff) settle a declared tie among the tied proposals, with the reason recorded."""
    ballot = _locked(ballot)
    require(permissions.can_manage_rounds(actor, ballot.round.committee))
    _require_declared_tie(ballot)
    chosen = sorted({p.pk for p in proposals})
    if not set(chosen) <= set(ballot.result["tied"]) or len(chosen) != ballot.result["open_seats"]:
        raise ValidationError(
            _("Choose %(n)s of the tied proposals.") % {"n": ballot.result["open_seats"]}, code="invalid_settlement"
        )
    if not (reason or "").strip():
        raise field_error("reason", _("Record how the tie was settled."), "reason_required")
    ballot.result = {**ballot.result, "settled": chosen}
    ballot.tie_status = TieStatus.BY_CHAIR
    ballot.tie_resolution = reason.strip()
    ballot.save(update_fields=["result", "tie_status", "tie_resolution"])
    audit_record(actor=actor, action="projects.tie_settled", target=ballot, message=reason, request=request)
    return ballot


def ballot_runoff_create(*, actor, ballot, opens_at, closes_at, request=None):
    """Create a runoff over a closed ballot's tied proposals, for the seats the tie left open."""
    _require_declared_tie(ballot)
    if ballot.runoffs.exclude(status=BallotStatus.CANCELLED).exists():
        raise ValidationError(_("This tie already has a runoff."), code="runoff_exists")
    from ..models import Proposal

    tied = list(Proposal.objects.filter(pk__in=ballot.result["tied"]))
    return ballot_create(
        actor=actor,
        selection_round=ballot.round,
        title=_("Runoff: %(title)s") % {"title": ballot.title},
        electorate=ballot.electorate,
        question=ballot.question,
        seats=ballot.result["open_seats"],
        max_choices=min(ballot.max_choices, ballot.result["open_seats"]),
        majority="plurality",
        quorum_percent=ballot.quorum_percent,
        opens_at=opens_at,
        closes_at=closes_at,
        is_secret=ballot.is_secret,
        allow_changes=ballot.allow_changes,
        named_voters=list(ballot.named_voters.all()),
        proposals=tied,
        runoff_of=ballot,
        request=request,
    )


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
    people = electorate_people(ballot, only_pending=True)
    notify(people, template="ballot_reminder", context={"ballot": ballot})
    return len(people)


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
        ballot_close(actor=None, ballot=ballot, now=now)
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
    "ballot_runoff_create",
    "ballot_tie_settle",
    "ballots_due",
    "electorate_people",
    "receipt_counted",
    "receipt_hash",
    "receipt_new",
    "vote_cast",
]
