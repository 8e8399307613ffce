"""Serializers of progress reports under review (submitted, or returned with comments), as the report page shows
them to the project's reporters, partners and approvers. Approved figures are public: see the projects.
"""

from django.urls import reverse
from rest_framework import serializers

from monitoring.models import ContributionDelivery, Evidence, Report, ReportEvent, ReportValue

from .fields import label_of


class ReportSerializer(serializers.ModelSerializer):
    status_label = label_of("status")
    project = serializers.IntegerField(source="period.implementation.proposal_id", read_only=True)
    project_title = serializers.CharField(source="period.implementation.proposal.title", read_only=True)
    committee = serializers.IntegerField(source="period.implementation.proposal.committee_id", read_only=True)
    period = serializers.IntegerField(source="period.number", read_only=True)
    period_starts_on = serializers.DateField(source="period.starts_on", read_only=True)
    period_ends_on = serializers.DateField(source="period.ends_on", read_only=True)

    class Meta:
        model = Report
        fields = [
            "id",
            "project",
            "project_title",
            "committee",
            "period",
            "period_starts_on",
            "period_ends_on",
            "version",
            "status",
            "status_label",
            "submitted_at",
            "decided_at",
        ]


class ReportValueSerializer(serializers.ModelSerializer):
    indicator_name = serializers.CharField(source="indicator.name", read_only=True)
    unit = serializers.CharField(source="indicator.unit", read_only=True)

    class Meta:
        model = ReportValue
        fields = ["indicator", "indicator_name", "unit", "number", "yes_no", "text", "disaggregation"]


class DeliverySerializer(serializers.ModelSerializer):
    organization_name = serializers.CharField(source="contribution.member.organization.__str__", read_only=True)
    kind = serializers.CharField(source="contribution.kind", read_only=True)
    kind_label = serializers.CharField(source="contribution.get_kind_display", read_only=True)

    class Meta:
        model = ContributionDelivery
        fields = ["organization_name", "kind", "kind_label", "amount_mxn", "note"]


class EvidenceSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="The page's download link (signed-in people).")

    class Meta:
        model = Evidence
        fields = ["id", "title", "original_name", "size", "url"]

    def get_url(self, evidence) -> str:
        return reverse("monitoring:evidence", args=[evidence.pk])


class ReportEventSerializer(serializers.ModelSerializer):
    actor_name = serializers.CharField(source="actor.full_name", read_only=True)

    class Meta:
        model = ReportEvent
        fields = ["created_at", "actor_name", "from_status", "to_status", "reason"]


class ReportDetailSerializer(ReportSerializer):
    """The report as its page shows it: values, narrative, budget executed, milestones, deliveries, evidence,
    history, and the comments it was returned with.
    """

    values = ReportValueSerializer(many=True, read_only=True)
    milestones_reached = serializers.SlugRelatedField(many=True, read_only=True, slug_field="title")
    deliveries = DeliverySerializer(many=True, read_only=True)
    evidence = EvidenceSerializer(many=True, read_only=True)
    events = ReportEventSerializer(many=True, read_only=True)

    class Meta(ReportSerializer.Meta):
        fields = [
            *ReportSerializer.Meta.fields,
            "comments",
            "values",
            "achievements",
            "difficulties",
            "next_steps",
            "budget_executed_mxn",
            "milestones_reached",
            "deliveries",
            "evidence",
            "events",
        ]
