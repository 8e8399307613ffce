"""Online ballots: the question, the frozen electorate, who has voted, and the papers.

A secret ballot keeps two things apart: who has voted (``Participation``) and what was chosen.
While it is open a vote is a ``SealedPaper`` (encrypted with a key the database does not hold); the
close opens them and writes the counted ``BallotPaper`` rows (no voter, no time, a random key) in a
random order, in one transaction, and deletes the sealed ones, so no query joins a voter to a choice
(docs/ballot_secrecy.md). A named ballot's paper is written at once and points to its elector.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .selection import SelectionRound


class ElectorateKind(models.TextChoices):
    CHAIR = "chair", _("The committee's chair")
    ORGANIZATIONS = "organizations", _("The committee's member organizations (one vote each)")
    PEOPLE = "people", _("A named list of people")


class QuestionKind(models.TextChoices):
    APPROVAL = "approval", _("Choose up to N of the candidates")
    YES_NO = "yes_no", _("Yes, no or abstain on each candidate")


class MajorityRule(models.TextChoices):
    PLURALITY = "plurality", _("Most votes")
    ABSOLUTE = "absolute", _("More than half of the votes cast")
    TWO_THIRDS = "two_thirds", _("Two thirds of the votes cast")


class BallotStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


class TieStatus(models.TextChoices):
    NONE = "", _("No tie")
    DECLARED = "declared", _("Tie declared")
    BY_RUNOFF = "runoff", _("Settled by a runoff")
    BY_CHAIR = "chair", _("Settled by the chair")


def ballot_sealed_content(ballot):
    """What closing freezes of a ballot: its stored result and how a tie was settled (``audit.sealing``)."""
    return {
        "status": ballot.status,
        "closed_at": ballot.closed_at,
        "result": ballot.result,
        "tie_status": ballot.tie_status,
        "tie_resolution": ballot.tie_resolution,
    }


class Ballot(models.Model):
    """An online vote of a round over its candidates (or over the tied ones, in a runoff)."""

    round = models.ForeignKey(
        SelectionRound, verbose_name=_("selection round"), on_delete=models.PROTECT, related_name="ballots"
    )
    runoff_of = models.ForeignKey(
        "self", verbose_name=_("runoff of"), null=True, blank=True, on_delete=models.PROTECT, related_name="runoffs"
    )
    title = models.CharField(_("title"), max_length=255)
    electorate = models.CharField(_("electorate"), max_length=20, choices=ElectorateKind.choices)
    named_voters = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("named voters"), blank=True, related_name="+"
    )
    question = models.CharField(_("question"), max_length=20, choices=QuestionKind.choices)
    max_choices = models.PositiveSmallIntegerField(
        _("most candidates a voter may choose"), default=1, validators=[MinValueValidator(1)]
    )
    seats = models.PositiveSmallIntegerField(_("proposals to select"), default=1, validators=[MinValueValidator(1)])
    majority = models.CharField(_("majority"), max_length=20, choices=MajorityRule.choices)
    quorum_percent = models.PositiveSmallIntegerField(
        _("quorum (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("The share of the electorate that must vote for the result to stand."),
    )
    is_secret = models.BooleanField(_("secret ballot"), default=False)
    allow_changes = models.BooleanField(_("voters may change their vote until it closes"), default=False)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    status = models.CharField(
        _("status"), max_length=20, choices=BallotStatus.choices, default=BallotStatus.SCHEDULED, db_index=True
    )
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    result = models.JSONField(_("result"), null=True, blank=True, editable=False)
    tie_status = models.CharField(_("tie"), max_length=20, choices=TieStatus.choices, blank=True, default="")
    tie_resolution = models.TextField(_("how the tie was settled"), blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cancelled by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        ordering = ["-opens_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="projects_ballot_closes_after_opening",
                violation_error_message=_("A ballot must close after it opens."),
            ),
            models.CheckConstraint(
                condition=models.Q(seats__gte=1, max_choices__gte=1), name="projects_ballot_seats_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(quorum_percent__lte=100), name="projects_ballot_quorum_is_a_share"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="cancelled") | ~models.Q(cancel_reason=""),
                name="projects_ballot_cancel_has_reason",
                violation_error_message=_("Say why the ballot is cancelled."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:ballot-detail", args=[self.pk])

    def sealed_content(self):
        return ballot_sealed_content(self)

    @property
    def is_open(self):
        return self.status == BallotStatus.OPEN

    @property
    def is_closed(self):
        return self.status == BallotStatus.CLOSED

    def accepts_votes_at(self, moment):
        return self.status == BallotStatus.OPEN and self.opens_at <= moment < self.closes_at


class BallotCandidate(models.Model):
    """A proposal on a ballot."""

    ballot = models.ForeignKey(Ballot, verbose_name=_("ballot"), on_delete=models.PROTECT, related_name="candidates")
    proposal = models.ForeignKey(
        "projects.Proposal", verbose_name=_("proposal"), on_delete=models.PROTECT, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)

    class Meta:
        verbose_name = _("ballot candidate")
        verbose_name_plural = _("ballot candidates")
        ordering = ["ballot", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["ballot", "proposal"], name="projects_ballot_candidate_once")]

    def __str__(self):
        return str(self.proposal)


class Elector(models.Model):
    """One vote of a ballot's electorate, frozen when it opens: a person, or an organization."""

    ballot = models.ForeignKey(Ballot, verbose_name=_("ballot"), on_delete=models.PROTECT, related_name="electors")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    organization = models.ForeignKey(
        "companies.Organization",
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("elector")
        verbose_name_plural = _("electorate")
        ordering = ["ballot", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=True, organization__isnull=False)
                | models.Q(user__isnull=False, organization__isnull=True),
                name="projects_elector_person_or_organization",
            ),
            models.UniqueConstraint(
                fields=["ballot", "user"], condition=models.Q(user__isnull=False), name="projects_elector_person_once"
            ),
            models.UniqueConstraint(
                fields=["ballot", "organization"],
                condition=models.Q(organization__isnull=False),
                name="projects_elector_organization_once",
            ),
        ]

    def __str__(self):
        return str(self.user or self.organization)


class Participation(models.Model):
    """That an elector has voted, by whom and when: never what (on a secret ballot)."""

    ballot = models.ForeignKey(
        Ballot, verbose_name=_("ballot"), on_delete=models.PROTECT, related_name="participations"
    )
    elector = models.ForeignKey(
        Elector, verbose_name=_("elector"), on_delete=models.PROTECT, related_name="participations"
    )
    cast_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cast by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty for votes recorded from a session's record, before the platform."),
    )
    cast_at = models.DateTimeField(_("voted"), default=timezone.now)
    changed_at = models.DateTimeField(_("last changed"), null=True, blank=True)
    changes = models.PositiveSmallIntegerField(_("changes"), default=0)
    # A keyed hash of the receipt (projects/sealing.py), unlike those on papers: proves a change is the owner's.
    receipt_check = models.CharField(_("receipt (owner's check)"), max_length=64, blank=True, default="")

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participation")
        ordering = ["ballot", "cast_at", "id"]
        constraints = [
            # One vote per voter per ballot, whatever the requests racing each other do.
            models.UniqueConstraint(fields=["ballot", "elector"], name="projects_one_vote_per_elector"),
        ]

    def __str__(self):
        return f"{self.elector} · {self.ballot}"


class BallotPaper(models.Model):
    """One vote's choices and its receipt's hash. On a secret ballot: no voter, no time, a random key."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ballot = models.ForeignKey(Ballot, verbose_name=_("ballot"), on_delete=models.PROTECT, related_name="papers")
    receipt_hash = models.CharField(_("receipt (hashed)"), max_length=64)
    elector = models.OneToOneField(
        Elector,
        verbose_name=_("elector (named ballots only)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="paper",
    )

    class Meta:
        verbose_name = _("ballot paper")
        verbose_name_plural = _("ballot papers")
        constraints = [
            models.UniqueConstraint(fields=["ballot", "receipt_hash"], name="projects_paper_receipt_once"),
        ]

    def __str__(self):
        return f"{self.ballot} · {self.receipt_hash[:8]}"


class SealedPaper(models.Model):
    """A secret ballot's vote while it is open: sealed choices, found only by a keyed hash of its receipt.

    No voter, no time, a random key. The close opens every sealed paper into a ``BallotPaper`` and
    deletes it: the sealed rows are the one place a vote sits beside the transaction that recorded
    who cast it, so they must not outlive the close (they hold no history of their own).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ballot = models.ForeignKey(Ballot, verbose_name=_("ballot"), on_delete=models.PROTECT, related_name="+")
    receipt_key = models.CharField(_("receipt (keyed hash)"), max_length=64)
    sealed = models.BinaryField(_("sealed choices"))

    class Meta:
        verbose_name = _("sealed ballot paper")
        verbose_name_plural = _("sealed ballot papers")
        constraints = [
            models.UniqueConstraint(fields=["ballot", "receipt_key"], name="projects_sealed_paper_receipt_once"),
        ]

    def __str__(self):
        return f"{self.ballot} · {self.receipt_key[:8]}"


class Answer(models.TextChoices):
    APPROVE = "approve", _("Chosen")
    YES = "yes", _("Yes")
    NO = "no", _("No")
    ABSTAIN = "abstain", _("Abstain")


class PaperChoice(models.Model):
    """A paper's answer on one candidate."""

    paper = models.ForeignKey(
        BallotPaper, verbose_name=_("ballot paper"), on_delete=models.CASCADE, related_name="choices"
    )
    candidate = models.ForeignKey(
        BallotCandidate, verbose_name=_("candidate"), on_delete=models.PROTECT, related_name="choices"
    )
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices)

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        constraints = [models.UniqueConstraint(fields=["paper", "candidate"], name="projects_choice_once_per_paper")]
        indexes = [models.Index(fields=["candidate", "answer"], name="projects_choice_tally_idx")]

    def __str__(self):
        return f"{self.candidate}: {self.get_answer_display()}"
