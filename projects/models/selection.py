"""Selection rounds: how a committee chose its projects (vote, survey, studies, co-construction), with evidence."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from axs_platform.uploads import random_name


def evidence_upload_to(instance, filename):
    """Store evidence under a random name; the round's page serves it only to those who may see the round."""
    return random_name("projects/selection", filename)


class SelectionMethod(models.TextChoices):
    VOTE = "vote", _("Vote")
    SURVEY = "survey", _("Survey of the members")
    STUDIES = "studies", _("Prior studies")
    CO_CONSTRUCTION = "co_construction", _("Co-construction")


class RoundStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


class SelectionRound(models.Model):
    """A committee's choice among candidate proposals, by one method, with its evidence and outcome."""

    committee = models.ForeignKey(
        "committees.Committee", verbose_name=_("committee"), on_delete=models.PROTECT, related_name="selection_rounds"
    )
    title = models.CharField(_("title"), max_length=255)
    method = models.CharField(_("method"), max_length=20, choices=SelectionMethod.choices)
    seats = models.PositiveSmallIntegerField(_("proposals to select"), default=1)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("The studies presented, or how the project was built together.")
    )
    session = models.ForeignKey(
        "committees.Session",
        verbose_name=_("session where it was decided"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    survey_question = models.ForeignKey(
        "surveys.Question",
        verbose_name=_("survey question"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=20, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    decision = models.TextField(_("decision"), blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("opened by"), on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)

    class Meta:
        verbose_name = _("selection round")
        verbose_name_plural = _("selection rounds")
        ordering = ["-opened_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(seats__gte=1), name="projects_round_seats_positive"),
            models.CheckConstraint(
                condition=~models.Q(status="closed") | models.Q(closed_at__isnull=False),
                name="projects_round_closed_has_time",
            ),
        ]
        indexes = [models.Index(fields=["committee", "-opened_at"], name="projects_round_committee_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:round-detail", args=[self.pk])

    @property
    def is_open(self):
        return self.status == RoundStatus.OPEN


class RoundCandidate(models.Model):
    """A proposal on a round's list, and whether the round selected it."""

    round = models.ForeignKey(
        SelectionRound, verbose_name=_("selection round"), on_delete=models.PROTECT, related_name="candidates"
    )
    proposal = models.ForeignKey(
        "projects.Proposal", verbose_name=_("proposal"), on_delete=models.PROTECT, related_name="round_candidacies"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    selected = models.BooleanField(_("selected"), null=True, blank=True)

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["round", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "proposal"], name="projects_candidate_once_per_round"),
        ]

    def __str__(self):
        return f"{self.proposal} · {self.round}"

    @property
    def external_key(self):
        return f"proposal:{self.proposal_id}"


class EvidenceKind(models.TextChoices):
    STUDY = "study", _("Study or analysis")
    SESSION = "session", _("Working session")
    CONTRIBUTION = "contribution", _("Contribution of a member")
    OTHER = "other", _("Other evidence")


class SelectionEvidence(models.Model):
    """What a round's decision rests on: a study presented, a session, a member's contribution."""

    round = models.ForeignKey(
        SelectionRound, verbose_name=_("selection round"), on_delete=models.PROTECT, related_name="evidence"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=EvidenceKind.choices)
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    session = models.ForeignKey(
        "committees.Session",
        verbose_name=_("session"),
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
    file = models.FileField(_("document"), upload_to=evidence_upload_to, blank=True)
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("added by"), on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["round", "added_at", "id"]

    def __str__(self):
        return self.title

    @property
    def download_name(self):
        """The name the file had when it was uploaded (older rows kept it as their stored name)."""
        return self.original_name or self.file.name.rsplit("/", 1)[-1]
