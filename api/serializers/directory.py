"""Serializers of the SDG framework, organizations (public fields only), committees and memberships."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from axs_platform.dates import DatePrecision
from committees.models import Committee, Membership
from companies.models import Organization
from sdg.models import Goal, Indicator, Target

from .fields import label_of


class GoalSerializer(serializers.ModelSerializer):
    title = serializers.CharField(read_only=True)
    short_title = serializers.CharField(read_only=True)

    class Meta:
        model = Goal
        fields = ["number", "code", "title", "short_title", "title_es", "title_en", "color"]


class TargetSerializer(serializers.ModelSerializer):
    goal = serializers.IntegerField(source="goal.number", read_only=True)
    title = serializers.CharField(read_only=True)

    class Meta:
        model = Target
        fields = ["code", "goal", "title", "title_es", "title_en"]


class IndicatorSerializer(serializers.ModelSerializer):
    target = serializers.CharField(source="target.code", read_only=True)
    title = serializers.CharField(read_only=True)

    class Meta:
        model = Indicator
        fields = ["code", "target", "unsd_code", "title", "title_es", "title_en"]


class OrganizationSerializer(serializers.ModelSerializer):
    """What the public directory and an organization's page show to everyone: no RFC, contacts or due diligence."""

    organization_type_label = label_of("organization_type")
    size_label = label_of("size")
    sector_label = label_of("sector")
    state_label = label_of("state")
    participation_status_label = label_of("participation_status")
    sdg_priorities = serializers.SerializerMethodField()

    class Meta:
        model = Organization
        fields = [
            "id",
            "legal_name",
            "short_name",
            "organization_type",
            "organization_type_label",
            "size",
            "size_label",
            "sector",
            "sector_label",
            "country",
            "state",
            "state_label",
            "website",
            "description",
            "alliance_roles",
            "participation_status",
            "participation_status_label",
            "sdg_priorities",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_sdg_priorities(self, organization):
        """The numbers of its priority SDGs, first priority first."""
        return [priority.goal.number for priority in organization.sdg_priorities.all()]


class CommitteeSerializer(serializers.ModelSerializer):
    goal = serializers.IntegerField(source="goal.number", read_only=True)
    decision_mechanism_label = label_of("decision_mechanism")
    member_count = serializers.IntegerField(read_only=True)
    is_open = serializers.BooleanField(read_only=True)
    # How much of ``installed_on`` the source gives ("day", "month", "year"); the open data's column of that name.
    installed_on_precision = serializers.ChoiceField(
        source="date_precision", choices=DatePrecision.choices, read_only=True
    )

    class Meta:
        model = Committee
        fields = [
            "id",
            "name",
            "name_en",
            "goal",
            "description",
            "decision_mechanism",
            "decision_mechanism_label",
            "operating_rules",
            "installed_on",
            "installed_on_precision",
            "is_open",
            "member_count",
        ]


class MembershipSerializer(serializers.ModelSerializer):
    """One period of an organization on a committee (``committees:committee-members`` shows them all)."""

    organization_name = serializers.CharField(source="organization.__str__", read_only=True)
    status_label = label_of("status")

    class Meta:
        model = Membership
        fields = [
            "id",
            "committee",
            "organization",
            "organization_name",
            "status",
            "status_label",
            "joined_on",
            "ended_on",
        ]
