"""Casting and changing a vote, and checking a receipt after the ballot closes.

One path on every database: a transaction that holds the ballot's lock shared (closing waits for it),
reads the ballot's status again, then locks the voter's place in the electorate, so that two
requests of one voter queue there and the second sees what the first wrote. The unique
participation per elector is the last guard.
"""

import hashlib
import re
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from audit.services import audit_record
from axs_platform.errors import field_error

from .. import permissions
from ..models import Answer, BallotCandidate, BallotPaper, Elector, PaperChoice, Participation, QuestionKind
from .ballots import ballot_share_locked

RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def receipt_new():
    """Return a random receipt code of 20 characters in groups of four (100 bits)."""
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(20))
    return "-".join(raw[i : i + 4] for i in range(0, 20, 4))


def receipt_hash(ballot, code):
    """Return the stored form of a receipt: only its holder can show which paper it is."""
    normal = re.sub(r"[^A-Z0-9]", "", (code or "").upper())
    return hashlib.sha256(f"{ballot.pk}:{normal}".encode()).hexdigest()


def clean_choices(ballot, choices, candidates=None):
    """Turn ``{proposal_id: answer}`` or ``[proposal_id, ...]`` into ``{candidate_id: answer}``, or refuse."""
    if candidates is None:
        candidates = BallotCandidate.objects.filter(ballot=ballot).only("id", "ballot_id", "proposal_id")
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


def _vote_change(actor, ballot, participation, answers, receipt, now, request):
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
        paper = BallotPaper.objects.get(elector_id=participation.elector_id)
    paper.choices.all().delete()
    PaperChoice.objects.bulk_create(PaperChoice(paper=paper, candidate_id=c, answer=a) for c, a in answers.items())
    Participation.objects.filter(pk=participation.pk).update(changed_at=now, changes=F("changes") + 1)
    audit_record(actor=actor, action="projects.vote_changed", target=ballot, request=request)
    return None, True


@transaction.atomic
def vote_cast(*, actor, ballot, choices, receipt="", now=None, request=None, candidates=None):
    """Record a vote and return ``(receipt code or None, changed)``.

    A first vote returns a new receipt code (shown once, stored hashed). Where the ballot allows it,
    voting again changes the vote: on a named ballot the elector's paper, on a secret one the paper
    whose receipt the voter gives; the receipt stays the same. ``candidates``, the ballot's
    ``BallotCandidate`` rows when the caller has them already, saves reading them again.
    """
    now = now or timezone.now()
    ballot = ballot_share_locked(ballot)
    refuse_unless_open(ballot, now)
    place = permissions.elector_for(actor, ballot)
    if place is None:
        raise PermissionDenied(_("You are not in this ballot's electorate."))
    answers = clean_choices(ballot, choices, candidates)
    # The voter's requests queue on their place; read after the wait, the participation is the latest.
    Elector.objects.select_for_update().only("pk").get(pk=place.pk)
    participation = Participation.objects.select_related("cast_by").filter(elector_id=place.pk).first()
    if participation is not None:
        if not ballot.allow_changes:
            raise already_voted(participation)
        return _vote_change(actor, ballot, participation, answers, receipt, now, request)
    code = receipt_new()
    try:
        Participation.objects.create(ballot=ballot, elector_id=place.pk, cast_by=actor, cast_at=now)
    except IntegrityError as error:  # the last guard: the rest of this transaction rolls back with it
        raise ValidationError(_("Your vote was already recorded."), code="already_voted") from error
    paper = BallotPaper.objects.create(
        ballot=ballot, receipt_hash=receipt_hash(ballot, code), elector_id=None if ballot.is_secret else place.pk
    )
    PaperChoice.objects.bulk_create(PaperChoice(paper=paper, candidate_id=c, answer=a) for c, a in answers.items())
    audit_record(actor=actor, action="projects.voted", target=ballot, request=request)
    return code, False


def receipt_counted(*, ballot, code):
    """Return whether a paper with this receipt is among the ballot's counted papers."""
    return BallotPaper.objects.filter(ballot=ballot, receipt_hash=receipt_hash(ballot, code)).exists()


__all__ = ["clean_choices", "receipt_counted", "receipt_hash", "receipt_new", "vote_cast"]
