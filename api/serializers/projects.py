"""Serializers of calls, proposals, published projects (with approved progress), ballots' results and surveys.

A published project carries what its public page shows (``projects/includes/content.html`` with
``public=True``): the accepted consortium without contributions, objective, SDG alignment, the results
matrix, and the approved figures of monitoring; never the problem analysis (purpose included), criteria,
budget, evaluations or comments. The countries of replication are public through the IATI file.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from monitoring.models import Implementation
from monitoring.selectors import indicator_series
from projects.models import Ballot, Call, CallStatus, PartnerStatus, Proposal
from surveys.models import Survey

from .fields import label_of


class CallSerializer(serializers.ModelSerializer):
    is_open = serializers.BooleanField(read_only=True)
    status = serializers.ChoiceField(
        choices=CallStatus.choices, read_only=True, help_text="Upcoming, open or closed today (the status filter)."
    )
    proposal_count = serializers.IntegerField(read_only=True, help_text="Proposals submitted to the call.")

    class Meta:
        model = Call
        fields = [
            "id",
            "committee",
            "title",
            "guidance",
            "opens_on",
            "closes_on",
            "is_open",
            "status",
            "proposal_count",
        ]


class ProposalSerializer(serializers.ModelSerializer):
    status_label = label_of("status")
    lead_organization_name = serializers.CharField(source="lead_organization.__str__", read_only=True)
    is_published = serializers.BooleanField(read_only=True)

    class Meta:
        model = Proposal
        fields = [
            "id",
            "title",
            "status",
            "status_label",
            "committee",
            "call",
            "lead_organization",
            "lead_organization_name",
            "version",
            "submitted_at",
            "summary",
            "purpose",
            "general_objective",
            "is_published",
        ]


class ProjectSerializer(serializers.ModelSerializer):
    status_label = label_of("status")
    goal = serializers.IntegerField(source="committee.goal.number", read_only=True)
    lead_organization_name = serializers.CharField(source="lead_organization.__str__", read_only=True)
    sdg_targets = serializers.SerializerMethodField()

    class Meta:
        model = Proposal
        fields = [
            "id",
            "title",
            "title_en",
            "status",
            "status_label",
            "committee",
            "goal",
            "lead_organization",
            "lead_organization_name",
            "summary",
            "summary_en",
            "published_at",
            "sdg_targets",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_sdg_targets(self, project):
        return [aligned.target.code for aligned in project.aligned_targets.all()]


class ConsortiumSerializer(serializers.Serializer):
    organization = serializers.IntegerField(source="organization_id")
    organization_name = serializers.CharField(source="organization.__str__")
    is_lead = serializers.BooleanField()
    role = serializers.CharField()


class ResultIndicatorSerializer(serializers.Serializer):
    """A row of the results matrix as designed (``ProjectIndicator``)."""

    name = serializers.CharField()
    component = serializers.CharField(source="component.title", default=None, allow_null=True)
    unit = serializers.CharField()
    baseline_value = serializers.DecimalField(max_digits=16, decimal_places=2)
    baseline_year = serializers.IntegerField()
    target_value = serializers.DecimalField(max_digits=16, decimal_places=2)
    target_year = serializers.IntegerField()
    means_of_verification = serializers.CharField()
    sdg_indicator = serializers.CharField(source="sdg_indicator.code", default=None, allow_null=True)


class ProgressPointSerializer(serializers.Serializer):
    period = serializers.IntegerField()
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    number = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    yes_no = serializers.BooleanField(allow_null=True)
    text = serializers.CharField()


class ProgressIndicatorSerializer(serializers.Serializer):
    """A monitored indicator with the approved figures of each period (latest approved report of each)."""

    name = serializers.CharField()
    value_type = serializers.CharField()
    unit = serializers.CharField()
    baseline = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    target = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    current = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    approved = ProgressPointSerializer(many=True)


def _progress(project):
    implementation = Implementation.objects.filter(proposal=project).first()
    if implementation is None:
        return None
    rows = []
    for indicator in indicator_series(implementation):
        indicator.approved = [
            {
                "period": period.number,
                "starts_on": period.starts_on,
                "ends_on": period.ends_on,
                "number": value["number"],
                "yes_no": value["yes_no"],
                "text": value["text"],
            }
            for period, value in indicator.points
        ]
        rows.append(indicator)
    return {"starts_on": implementation.starts_on, "ends_on": implementation.ends_on, "indicators": rows}


class ProgressSerializer(serializers.Serializer):
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    indicators = ProgressIndicatorSerializer(many=True)


class AlignedTargetSerializer(serializers.Serializer):
    target = serializers.CharField(source="target.code")
    indicators = serializers.SerializerMethodField()

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_indicators(self, aligned):
        return [indicator.code for indicator in aligned.indicators.all()]


class ProjectDetailSerializer(ProjectSerializer):
    consortium = serializers.SerializerMethodField()
    aligned_targets = AlignedTargetSerializer(many=True, read_only=True)
    results_matrix = ResultIndicatorSerializer(source="indicators.all", many=True, read_only=True)
    progress = serializers.SerializerMethodField()

    class Meta(ProjectSerializer.Meta):
        fields = [
            *ProjectSerializer.Meta.fields,
            "general_objective",
            "replication_countries",
            "consortium",
            "aligned_targets",
            "results_matrix",
            "progress",
        ]

    @extend_schema_field(ConsortiumSerializer(many=True))
    def get_consortium(self, project):
        members = [m for m in project.consortium.all() if m.status == PartnerStatus.ACCEPTED]
        return ConsortiumSerializer(members, many=True).data

    @extend_schema_field(ProgressSerializer(allow_null=True))
    def get_progress(self, project):
        progress = _progress(project)
        return ProgressSerializer(progress).data if progress is not None else None


class BallotSerializer(serializers.ModelSerializer):
    """A closed ballot and its frozen result: counts per candidate, turnout, quorum; never who voted what."""

    committee = serializers.IntegerField(source="round.committee_id", read_only=True)
    question_label = label_of("question")
    majority_label = label_of("majority")
    result = serializers.SerializerMethodField()

    class Meta:
        model = Ballot
        fields = [
            "id",
            "committee",
            "title",
            "question",
            "question_label",
            "seats",
            "majority",
            "majority_label",
            "quorum_percent",
            "is_secret",
            "opens_at",
            "closes_at",
            "closed_at",
            "tie_status",
            "result",
        ]

    @extend_schema_field(serializers.DictField(allow_null=True))
    def get_result(self, ballot):
        return ballot.result


class SurveySerializer(serializers.ModelSerializer):
    title = serializers.CharField(read_only=True)
    invited = serializers.IntegerField(read_only=True)
    answered = serializers.IntegerField(read_only=True)

    class Meta:
        model = Survey
        fields = ["id", "title", "committee", "is_anonymous", "opens_at", "closes_at", "invited", "answered"]


class ResultRowSerializer(serializers.Serializer):
    label = serializers.CharField()
    count = serializers.IntegerField()
    percent = serializers.FloatField()


class QuestionResultSerializer(serializers.Serializer):
    """One question's aggregate: counts per option, value or SDG; a number's summary. Never a written answer."""

    question = serializers.CharField()
    kind = serializers.CharField()
    answered = serializers.IntegerField()
    rows = ResultRowSerializer(many=True)
    average = serializers.FloatField(allow_null=True)


class SurveyResultsSerializer(SurveySerializer):
    respondents = serializers.IntegerField(read_only=True)
    results_withheld = serializers.CharField(
        read_only=True,
        help_text=(
            "Why an anonymous survey's questions are empty: 'open' until it closes, 'few' below five "
            "respondents; empty when the results are given."
        ),
    )
    questions = QuestionResultSerializer(source="question_results", many=True, read_only=True)

    class Meta(SurveySerializer.Meta):
        fields = [*SurveySerializer.Meta.fields, "respondents", "results_withheld", "questions"]
