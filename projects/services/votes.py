"""Casting and changing a vote, and checking a receipt.

One path on every database: a transaction that holds the ballot's lock shared (closing waits for it),
reads the ballot's status again, then locks the voter's place in the electorate, so that two
requests of one voter queue there and the second sees what the first wrote. The unique
participation per elector is the last guard, written before anything that carries a choice, so a
refused vote never leaves a choice in a failed statement (nor in the database's error log).
A secret vote is sealed until the close (``projects/sealing.py``, ``ballots.unseal_papers``).
"""

import hashlib
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from audit.services import audit_record
from axs_platform.errors import field_error

from .. import permissions, sealing
from ..models import (
    Answer,
    BallotCandidate,
    BallotPaper,
    BallotStatus,
    Elector,
    PaperChoice,
    Participation,
    QuestionKind,
    SealedPaper,
)
from .ballots import ballot_share_locked

RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def receipt_new():
    """Return a random receipt code of 20 characters in groups of four (100 bits)."""
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(20))
    return "-".join(raw[i : i + 4] for i in range(0, 20, 4))


def _by_proposal(ballot, candidates):
    return {c.proposal_id: c.pk for c in candidates if c.ballot_id == ballot.pk}


def clean_choices(ballot, choices, candidates=None):
    """Turn ``{proposal_id: answer}`` or ``[proposal_id, ...]`` into ``{candidate_id: answer}``, or refuse."""
    if candidates is None:
        candidates = BallotCandidate.objects.filter(ballot=ballot).only("id", "ballot_id", "proposal_id")
    by_proposal = _by_proposal(ballot, candidates)
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
                ngettext(
                    "You may choose at most %(n)s candidate; you chose %(count)s.",
                    "You may choose at most %(n)s candidates; you chose %(count)s.",
                    ballot.max_choices,
                )
                % {"n": ballot.max_choices, "count": len(answers)},
                code="too_many_choices",
            )
    else:
        if set(answers) != set(by_proposal):
            raise ValidationError(_("Answer yes, no or abstain on every candidate."), code="incomplete_answers")
        if any(a not in (Answer.YES, Answer.NO, Answer.ABSTAIN) for a in answers.values()):
            raise ValidationError(_("Answer yes, no or abstain."), code="invalid_answer")
    return {by_proposal[p]: a for p, a in answers.items()}


def already_voted(participation):
    """Return the refusal of a second vote where changes are not allowed, saying who voted and when."""
    return ValidationError(
        _("Your vote was already recorded (by %(person)s, %(when)s); this ballot does not allow changing it.")
        % {
            "person": participation.cast_by.full_name if participation.cast_by_id else _("the session's record"),
            "when": date_format(timezone.localtime(participation.cast_at), "DATETIME_FORMAT"),
        },
        code="already_voted",
    )


def refuse_unless_open(ballot, now):
    if not ballot.accepts_votes_at(now):
        raise ValidationError(
            _("This ballot is not open for voting now (it takes votes from %(opens)s to %(closes)s).")
            % {
                "opens": date_format(timezone.localtime(ballot.opens_at), "DATETIME_FORMAT"),
                "closes": date_format(timezone.localtime(ballot.closes_at), "DATETIME_FORMAT"),
            },
            code="not_open",
        )


def _receipt_refused():
    return field_error(
        "receipt", _("To change a secret vote, give the receipt code you received when you voted."), "receipt_required"
    )


def _vote_change(actor, ballot, participation, answers, candidate_ids, receipt, now, request):
    """Replace the choices of a vote already cast (the ballot allows it); the receipt stays the same.

    A secret vote changes only with its owner's receipt: the participation's check proves the
    receipt is this voter's (someone else's stolen receipt fails it), and its other keyed hash finds
    the sealed vote.
    """
    if ballot.is_secret:
        owner = sealing.receipt_owner(ballot.pk, receipt)
        if not participation.receipt_check or not constant_time_compare(participation.receipt_check, owner):
            raise _receipt_refused()
        paper = SealedPaper.objects.filter(ballot=ballot, receipt_key=sealing.receipt_sealed(ballot.pk, receipt))
        counted = sealing.receipt_counted(ballot.pk, receipt)
        if not paper.update(sealed=sealing.seal(ballot.pk, candidate_ids, answers, counted)):
            raise _receipt_refused()
    else:
        paper = BallotPaper.objects.only("pk").get(elector_id=participation.elector_id)
        PaperChoice.objects.filter(paper=paper).delete()
        PaperChoice.objects.bulk_create(PaperChoice(paper=paper, candidate_id=c, answer=a) for c, a in answers.items())
    Participation.objects.filter(pk=participation.pk).update(changed_at=now, changes=F("changes") + 1)
    audit_record(actor=actor, action="projects.vote_changed", target=ballot, request=request)
    return None, True


@transaction.atomic
def vote_cast(*, actor, ballot, choices, receipt="", now=None, request=None, candidates=None):
    """Record a vote and return ``(receipt code or None, changed)``.

    A first vote returns a new receipt code (shown once, stored only as keyed hashes). Where the
    ballot allows it, voting again changes the vote: on a named ballot the elector's paper, on a
    secret one the sealed vote of the receipt the voter gives, if it is their own; the receipt stays
    the same. ``candidates``, the ballot's ``BallotCandidate`` rows when the caller has them already,
    saves reading them again.
    """
    now = now or timezone.now()
    ballot = ballot_share_locked(ballot)
    refuse_unless_open(ballot, now)
    place = permissions.elector_for(actor, ballot)
    if place is None:
        raise PermissionDenied(_("You are not in this ballot's electorate."))
    if candidates is None:
        candidates = BallotCandidate.objects.filter(ballot=ballot).only("id", "ballot_id", "proposal_id")
    candidates = list(candidates)
    answers = clean_choices(ballot, choices, candidates)
    candidate_ids = list(_by_proposal(ballot, candidates).values())
    # The voter's requests queue on their place; read after the wait, the participation is the latest.
    Elector.objects.select_for_update().only("pk").get(pk=place.pk)
    participation = Participation.objects.select_related("cast_by").filter(elector_id=place.pk).first()
    if participation is not None:
        if not ballot.allow_changes:
            raise already_voted(participation)
        return _vote_change(actor, ballot, participation, answers, candidate_ids, receipt, now, request)
    code = receipt_new()
    try:
        Participation.objects.create(
            ballot=ballot,
            elector_id=place.pk,
            cast_by=actor,
            cast_at=now,
            receipt_check=sealing.receipt_owner(ballot.pk, code),
        )
    except IntegrityError as error:  # the last guard: the rest of this transaction rolls back with it
        raise ValidationError(_("Your vote was already recorded."), code="already_voted") from error
    counted = sealing.receipt_counted(ballot.pk, code)
    if ballot.is_secret:
        SealedPaper.objects.create(
            ballot=ballot,
            receipt_key=sealing.receipt_sealed(ballot.pk, code),
            sealed=sealing.seal(ballot.pk, candidate_ids, answers, counted),
        )
    else:
        paper = BallotPaper.objects.create(ballot=ballot, receipt_hash=counted, elector_id=place.pk)
        PaperChoice.objects.bulk_create(PaperChoice(paper=paper, candidate_id=c, answer=a) for c, a in answers.items())
    audit_record(actor=actor, action="projects.voted", target=ballot, request=request)
    return code, False


def receipt_counted(*, ballot, code):
    """Return whether the receipt's vote is stored: sealed while the ballot is open, counted after the close."""
    if ballot.is_secret and ballot.status != BallotStatus.CLOSED:
        return SealedPaper.objects.filter(ballot=ballot, receipt_key=sealing.receipt_sealed(ballot.pk, code)).exists()
    # Papers counted before votes were sealed hold the receipt's plain SHA-256 with the ballot's id.
    legacy = hashlib.sha256(f"{ballot.pk}:{sealing.normal_receipt(code)}".encode()).hexdigest()
    return BallotPaper.objects.filter(
        ballot=ballot, receipt_hash__in=[sealing.receipt_counted(ballot.pk, code), legacy]
    ).exists()


__all__ = ["clean_choices", "receipt_counted", "receipt_new", "vote_cast"]
