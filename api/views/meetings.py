"""Endpoints of sessions, their minutes, attendance and agreements: what the session list and a session's page
show to the asker.
"""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from committees import selectors as committee_selectors
from committees.permissions import can_see_session, can_see_session_internals

from .. import filters, selectors, serializers
from .base import ReadOnlyViewSet


class SessionViewSet(ReadOnlyViewSet):
    """Sessions: public ones for everyone; with a token, also those of the person's committees, plenaries and
    the chairs' session, as the session list shows them.
    """

    serializer_class = serializers.SessionSerializer
    filterset_class = filters.SessionFilter

    def get_queryset(self):
        return selectors.sessions(self.request.user)

    def get_object(self):
        session = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        self.check_object(can_see_session(self.request.user, session))
        return session

    @extend_schema(responses=serializers.AgreementSerializer(many=True), filters=False)
    @action(detail=True, filterset_class=None, serializer_class=serializers.AgreementSerializer)
    def agreements(self, request, pk=None):
        """The session's agreements, for those who see its internals (its committee's members, staff)."""
        session = self.get_object()
        self.check_object(can_see_session_internals(request.user, session))
        rows = committee_selectors.agreements().filter(session=session)
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(responses=serializers.MinutesSerializer(many=True), filters=False)
    @action(detail=True, filterset_class=None, serializer_class=serializers.MinutesSerializer)
    def minutes(self, request, pk=None):
        """The minutes' versions, latest first: approved ones to whoever sees the session (anyone, once it is
        public); the draft and its comments to those who see its internals.
        """
        session = self.get_object()
        page = self.paginate_queryset(committee_selectors.visible_minutes(request.user, session))
        # Who approved them is named as the session page names them (``withhold_names``).
        page = committee_selectors.withhold_names(
            page,
            "approved_by_id",
            reader_sees_names=can_see_session_internals(request.user, session),
            honour=committee_selectors.MINUTES_PURPOSES,
        )
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(responses=serializers.AttendanceSerializer(many=True), filters=False)
    @action(detail=True, filterset_class=None, serializer_class=serializers.AttendanceSerializer)
    def attendance(self, request, pk=None):
        """The recorded attendance (not bare confirmations), for those who see the session's internals."""
        session = self.get_object()
        self.check_object(can_see_session_internals(request.user, session))
        page = self.paginate_queryset(committee_selectors.recorded_attendance(session))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(responses=serializers.QuorumSerializer, filters=False)
    @action(detail=True, filterset_class=None, serializer_class=serializers.QuorumSerializer, pagination_class=None)
    def quorum(self, request, pk=None):
        """The attendance summary (organizations present, members expected, quorum), for those who see the
        session's internals, as the page shows it above the attendance list.
        """
        session = self.get_object()
        self.check_object(can_see_session_internals(request.user, session))
        return Response(self.get_serializer(committee_selectors.quorum(session)).data)
