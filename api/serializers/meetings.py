"""Serializers of sessions (committee, plenary, chairs) and of the agreements taken in them."""

from rest_framework import serializers

from committees.models import Agreement, Session

from .fields import label_of


class SessionSerializer(serializers.ModelSerializer):
    kind_label = label_of("kind")
    status_label = label_of("status")
    agreement_count = serializers.IntegerField(read_only=True)
    has_approved_minutes = serializers.BooleanField(read_only=True)

    class Meta:
        model = Session
        fields = [
            "id",
            "kind",
            "kind_label",
            "committee",
            "title",
            "starts_at",
            "ends_at",
            "place",
            "description",
            "status",
            "status_label",
            "is_public",
            "reported_attendance",
            "agreement_count",
            "has_approved_minutes",
        ]


class AgreementSerializer(serializers.ModelSerializer):
    responsible_organization_name = serializers.SerializerMethodField()
    status_label = label_of("status")

    class Meta:
        model = Agreement
        fields = [
            "id",
            "session",
            "committee",
            "description",
            "responsible_organization",
            "responsible_organization_name",
            "due_on",
            "status",
            "status_label",
            "completed_on",
        ]

    def get_responsible_organization_name(self, agreement) -> str:
        organization = agreement.responsible_organization
        return str(organization) if organization is not None else ""
