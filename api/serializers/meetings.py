"""Serializers of sessions (committee, plenary, chairs), their minutes, attendance and agreements."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from committees.models import Agreement, Attendance, Minutes, MinutesComment, Session, SessionStatus

from .fields import label_of


class SessionSerializer(serializers.ModelSerializer):
    """A session; ``starts_at`` and ``ends_at`` are null when its hour is not known (``starts_on`` gives the day).

    ``ends_on`` is its last day: a later one than ``starts_on`` for a session over several days. ``status`` is the
    state the platform shows: a scheduled session whose start has passed is ``held``.
    """

    kind_label = label_of("kind")
    starts_on = serializers.DateField(read_only=True)
    ends_on = serializers.DateField(read_only=True)
    starts_at = serializers.SerializerMethodField()
    ends_at = serializers.SerializerMethodField()
    time_known = serializers.BooleanField(source="has_known_hour", read_only=True)
    # As the platform shows it: a scheduled session whose start has passed is held (``Session.published_status``).
    status = serializers.ChoiceField(choices=SessionStatus.choices, source="published_status", read_only=True)
    status_label = serializers.CharField(source="published_status_label", read_only=True)
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
            "title_en",
            "starts_on",
            "ends_on",
            "starts_at",
            "ends_at",
            "date_precision",
            "time_known",
            "place",
            "description",
            "status",
            "status_label",
            "is_public",
            "reported_attendance",
            "agreement_count",
            "has_approved_minutes",
        ]

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_starts_at(self, session):
        return serializers.DateTimeField().to_representation(session.starts_at) if session.has_known_hour else None

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_ends_at(self, session):
        return serializers.DateTimeField().to_representation(session.ends_at) if session.has_known_hour else None


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


class MinutesCommentSerializer(serializers.ModelSerializer):
    author_name = serializers.CharField(source="author.full_name", read_only=True)

    class Meta:
        model = MinutesComment
        fields = ["id", "author_name", "body", "created_at"]


class MinutesSerializer(serializers.ModelSerializer):
    """One version of the minutes as the session page shows it; a draft carries the members' comments."""

    status_label = label_of("status")
    approved_by_name = serializers.SerializerMethodField()
    approved_at_session_title = serializers.SerializerMethodField()
    comments = serializers.SerializerMethodField()

    class Meta:
        model = Minutes
        fields = [
            "id",
            "session",
            "version",
            "status",
            "status_label",
            "body",
            "correction_note",
            "approved_at",
            "approved_by_name",
            "approved_at_session",
            "approved_at_session_title",
            "comments",
        ]

    def get_approved_by_name(self, minutes) -> str:
        """Empty when nobody approved them, or when the view withheld the name (``withhold_names`` marks each row)."""
        if not minutes.approved_by_id or minutes.name_withheld:
            return ""
        return minutes.approved_by.full_name

    def get_approved_at_session_title(self, minutes) -> str:
        return minutes.approved_at_session.title if minutes.approved_at_session_id else ""

    @extend_schema_field(MinutesCommentSerializer(many=True))
    def get_comments(self, minutes):
        # The page shows comments under the draft only; an approved version is shown without them.
        if not minutes.is_draft:
            return []
        return MinutesCommentSerializer(minutes.comments.all(), many=True).data


class AttendanceSerializer(serializers.ModelSerializer):
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    organization_name = serializers.CharField(source="organization.__str__", read_only=True)
    status_label = label_of("status")

    class Meta:
        model = Attendance
        fields = ["id", "person_name", "organization", "organization_name", "status", "status_label"]


class QuorumSerializer(serializers.Serializer):
    """The attendance summary the session page shows above the list (``committees.selectors.quorum``).

    ``expected``, ``required``, ``unlisted``, ``no_data`` and ``reached`` are a committee session's (null otherwise);
    ``organizations_counted`` is null when no attendance was recorded nor reported.
    """

    organizations_present = serializers.IntegerField(help_text="Organizations with someone present, as recorded.")
    people_present = serializers.IntegerField()
    reported = serializers.IntegerField(
        allow_null=True, help_text="The figure from an attendance list kept outside the platform, if any."
    )
    organizations_counted = serializers.IntegerField(allow_null=True)
    expected = serializers.IntegerField(allow_null=True, help_text="Member organizations on the session's day.")
    required = serializers.IntegerField(allow_null=True, help_text="Organizations needed for quorum.")
    unlisted = serializers.IntegerField(
        allow_null=True, help_text="Member organizations nobody represents in the platform, so not on the list."
    )
    no_data = serializers.IntegerField(
        allow_null=True,
        help_text="Organizations of which there is no data on whether they were still members on the session's day.",
    )
    reached = serializers.BooleanField(allow_null=True, help_text="Whether there was quorum; null: no data.")
