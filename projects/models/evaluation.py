"""The evaluation matrix: evaluators assigned to proposals, their conflict declarations and scores."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..criteria import Criterion
from .proposals import Proposal


class EvaluationStatus(models.TextChoices):
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("Scoring")
    CONFLICT = "conflict", _("Conflict of interest declared")
    SUBMITTED = "submitted", _("Submitted")
    WITHDRAWN = "withdrawn", _("Assignment withdrawn")


class Evaluation(models.Model):
    """One evaluator's work on one proposal: first the conflict declaration, then the scores."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.PROTECT, related_name="evaluations"
    )
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("evaluator"), on_delete=models.PROTECT, related_name="evaluations"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EvaluationStatus.choices, default=EvaluationStatus.ASSIGNED
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("assigned by"), on_delete=models.PROTECT, related_name="+"
    )
    assigned_at = models.DateTimeField(_("assigned"), default=timezone.now)
    has_conflict = models.BooleanField(_("conflict of interest"), null=True, blank=True)
    conflict_statement = models.TextField(_("conflict of interest statement"), blank=True)
    declared_at = models.DateTimeField(_("declared"), null=True, blank=True)
    overall_comment = models.TextField(_("overall comment"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    # Each reminder goes once: the task sets these with a conditional update before it sends.
    reminded_before_at = models.DateTimeField(_("reminded before the due date"), null=True, blank=True)
    reminded_after_at = models.DateTimeField(_("reminded after the due date"), null=True, blank=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["proposal", "assigned_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "evaluator"],
                condition=~models.Q(status="withdrawn"),
                name="projects_one_evaluation_per_evaluator",
                violation_error_message=_("This evaluator is already assigned to this proposal."),
            ),
            models.CheckConstraint(
                condition=~models.Q(status="conflict") | models.Q(has_conflict=True),
                name="projects_evaluation_conflict_declared",
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=["in_progress", "submitted"]) | models.Q(has_conflict=False),
                name="projects_evaluation_scores_only_without_conflict",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="submitted") | models.Q(submitted_at__isnull=False),
                name="projects_evaluation_submitted_at",
            ),
        ]
        # An evaluator's list in its order (my evaluations: status, newest first), read 50 at a time from the
        # index instead of sorting all of the evaluator's rows; its prefix serves the filters by status.
        indexes = [
            models.Index(fields=["evaluator", "status", "-assigned_at", "-id"], name="projects_eval_queue_idx"),
            # The proposals with evaluations due (the staff desk's count, the list's filter): a few of all.
            models.Index(
                fields=["proposal"],
                condition=models.Q(status__in=["assigned", "in_progress"]),
                name="projects_eval_due_idx",
            ),
        ]

    def __str__(self):
        return f"{self.evaluator} · {self.proposal}"

    @property
    def is_submitted(self):
        return self.status == EvaluationStatus.SUBMITTED

    @property
    def is_withdrawn(self):
        return self.status == EvaluationStatus.WITHDRAWN


class Score(models.Model):
    """One evaluator's score of one criterion, from 0 to 5, with a comment."""

    evaluation = models.ForeignKey(
        Evaluation, verbose_name=_("evaluation"), on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.CharField(_("criterion"), max_length=30, choices=Criterion.choices)
    score = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["evaluation", "criterion"]
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "criterion"], name="projects_score_once_per_criterion"),
            models.CheckConstraint(
                condition=models.Q(score__gte=0, score__lte=5),
                name="projects_score_0_5",
                violation_error_message=_("Scores go from 0 to 5."),
            ),
        ]

    def __str__(self):
        return f"{self.get_criterion_display()}: {self.score}"


class MatrixTotal(models.Model):
    """One proposal's figures in its call's evaluation matrix, kept by the evaluation services.

    The counts are of its standing evaluations (withdrawn ones left out); each ``score_<criterion>``
    is the sum of that criterion's scores over the submitted evaluations (a submitted evaluation has
    all thirteen). Averages and the weighted total follow from them and the call's weights, so the
    matrix ranks and pages every proposal of a call without reading its scores. Only proposals with
    a standing evaluation have a row. ``projects.services.matrix`` writes them in the transaction of
    each evaluation change; ``manage.py matrix_totals_rebuild`` recounts them from the evaluations.
    """

    proposal = models.OneToOneField(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, primary_key=True, related_name="matrix_total"
    )
    assigned = models.PositiveIntegerField(_("standing evaluations"), default=0)
    submitted = models.PositiveIntegerField(_("submitted evaluations"), default=0)
    conflict = models.PositiveIntegerField(_("conflicts declared"), default=0)
    score_axs_cooperation = models.PositiveIntegerField(default=0)
    score_axs_replicability = models.PositiveIntegerField(default=0)
    score_axs_consortium = models.PositiveIntegerField(default=0)
    score_axs_business_synergy = models.PositiveIntegerField(default=0)
    score_axs_sdg_impact = models.PositiveIntegerField(default=0)
    score_axs_financial = models.PositiveIntegerField(default=0)
    score_axs_funds = models.PositiveIntegerField(default=0)
    score_sust_economic = models.PositiveIntegerField(default=0)
    score_sust_institutional = models.PositiveIntegerField(default=0)
    score_sust_technological = models.PositiveIntegerField(default=0)
    score_sust_environmental = models.PositiveIntegerField(default=0)
    score_sust_sociocultural = models.PositiveIntegerField(default=0)
    score_sust_political = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("evaluation matrix total")
        verbose_name_plural = _("evaluation matrix totals")

    def __str__(self):
        return f"{self.proposal_id}: {self.submitted}/{self.assigned}"

    @staticmethod
    def score_field(criterion):
        return f"score_{Criterion(criterion).value}"
