"""Serializers of evaluations: an evaluator's own (with scores and comments), a proposal's evaluators as its
reviewers see them (names and states only), and a call's evaluation matrix (averages, never one evaluator's marks).
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from projects.models import Evaluation, Score

from .fields import label_of


class EvaluationSerializer(serializers.ModelSerializer):
    """A row of the evaluator's list (``projects:my-evaluations``)."""

    status_label = label_of("status")
    proposal_title = serializers.CharField(source="proposal.title", read_only=True)
    committee = serializers.IntegerField(source="proposal.committee_id", read_only=True)
    call = serializers.IntegerField(source="proposal.call_id", read_only=True)

    class Meta:
        model = Evaluation
        fields = [
            "id",
            "proposal",
            "proposal_title",
            "committee",
            "call",
            "status",
            "status_label",
            "assigned_at",
            "due_on",
            "submitted_at",
        ]


class ScoreSerializer(serializers.ModelSerializer):
    criterion_label = label_of("criterion")

    class Meta:
        model = Score
        fields = ["criterion", "criterion_label", "score", "comment"]


class EvaluationDetailSerializer(EvaluationSerializer):
    """The evaluator's own evaluation as its page shows it: the declaration, then the scores and comments."""

    scores = ScoreSerializer(many=True, read_only=True)

    class Meta(EvaluationSerializer.Meta):
        fields = [
            *EvaluationSerializer.Meta.fields,
            "has_conflict",
            "conflict_statement",
            "declared_at",
            "scores",
            "overall_comment",
        ]


class ProposalEvaluationSerializer(serializers.ModelSerializer):
    """An evaluator of a proposal and where their work stands (the proposal page, for its reviewers)."""

    evaluator_name = serializers.CharField(source="evaluator.full_name", read_only=True)
    status_label = label_of("status")

    class Meta:
        model = Evaluation
        fields = ["id", "evaluator_name", "status", "status_label", "due_on", "submitted_at"]


class MatrixCountsSerializer(serializers.Serializer):
    assigned = serializers.IntegerField()
    submitted = serializers.IntegerField()
    conflict = serializers.IntegerField()


class MatrixRowSerializer(serializers.Serializer):
    """A row of the call's evaluation matrix (``projects:evaluation-matrix``): figures over submitted evaluations."""

    rank = serializers.IntegerField(allow_null=True, help_text="Position by weighted total; null without scores.")
    proposal = serializers.IntegerField(source="proposal_id")
    proposal_title = serializers.CharField(source="proposal.title")
    lead_organization_name = serializers.CharField(source="proposal.lead_organization.__str__")
    status = serializers.CharField(source="proposal.status")
    status_label = serializers.CharField(source="proposal.get_status_display")
    averages = serializers.SerializerMethodField()
    total = serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True)
    spread = serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True)
    evaluations = MatrixCountsSerializer(source="counts")

    def to_representation(self, row):
        return super().to_representation({"rank": None, **row})

    @extend_schema_field(
        serializers.DictField(child=serializers.DecimalField(max_digits=4, decimal_places=2, allow_null=True))
    )
    def get_averages(self, row):
        """Average score from 0 to 5 per criterion code."""
        return {criterion.value: None if mean is None else f"{mean:.2f}" for criterion, mean in row["averages"]}
