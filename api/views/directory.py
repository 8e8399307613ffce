"""Endpoints of the SDG framework, organizations, committees and memberships: public, as their pages are."""

from django.shortcuts import get_object_or_404
from drf_spectacular.openapi import AutoSchema

from committees import selectors as committee_selectors
from committees.models import Membership
from companies import selectors as company_selectors
from companies.permissions import can_see_private_directory, can_view_organization
from sdg.models import Goal, Indicator, Target

from .. import filters, selectors, serializers
from .base import ReadOnlyViewSet


class GoalViewSet(ReadOnlyViewSet):
    """The 17 Sustainable Development Goals, titles in Spanish and English (``title`` follows Accept-Language)."""

    queryset = Goal.objects.order_by("number")
    serializer_class = serializers.GoalSerializer
    lookup_field = "number"
    lookup_value_regex = "[0-9]+"


class TargetViewSet(ReadOnlyViewSet):
    """The SDG targets; filter by goal number."""

    queryset = Target.objects.select_related("goal").order_by("goal__number", "position")
    serializer_class = serializers.TargetSerializer
    filterset_class = filters.TargetFilter
    lookup_field = "code"
    lookup_value_regex = "[^/]+"


class IndicatorViewSet(ReadOnlyViewSet):
    """The SDG global indicators; filter by target code or goal number."""

    queryset = Indicator.objects.select_related("target").order_by(
        "target__goal__number", "target__position", "position"
    )
    serializer_class = serializers.IndicatorSerializer
    filterset_class = filters.IndicatorFilter
    lookup_field = "code"
    lookup_value_regex = "[^/]+"


class DirectorySchema(AutoSchema):
    """Declare the directory's filters on the list (read when the schema is built: facets come from the database)."""

    def get_override_parameters(self):
        if self.view.action == "list":
            return [*super().get_override_parameters(), *filters.directory_parameters()]
        return super().get_override_parameters()


class OrganizationViewSet(ReadOnlyViewSet):
    """Member organizations as the directory lists them: active members for everyone; every one for staff and
    evaluators. Public fields only (no RFC, contacts or due diligence).
    """

    serializer_class = serializers.OrganizationSerializer
    filter_backends = []
    schema = DirectorySchema()

    def get_queryset(self):
        if self.action == "list":
            private = can_see_private_directory(self.request.user)
            return selectors.organizations(self.request.user, filters.directory_filters(self.request, private=private))
        return company_selectors.organization_detail_queryset()

    def get_object(self):
        organization = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        self.check_object(can_view_organization(self.request.user, organization))
        return organization


class CommitteeViewSet(ReadOnlyViewSet):
    """The committees, each with its SDG and how many organizations sit on it now."""

    queryset = committee_selectors.committees_with_counts().order_by("goal__number", "id")
    serializer_class = serializers.CommitteeSerializer


class MembershipViewSet(ReadOnlyViewSet):
    """Every period of an organization on a committee, with its status (the committee's members page, public)."""

    queryset = Membership.objects.select_related("organization").order_by(
        "committee_id", "organization__legal_name", "id"
    )
    serializer_class = serializers.MembershipSerializer
    filterset_class = filters.MembershipFilter
