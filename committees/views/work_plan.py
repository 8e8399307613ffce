"""The committee's whole work plan, a page of activities at a time, optionally of one priority area.

The committee page shows each area's first activities; this page is where the rest are read.
Reads only: the activity forms stay in ``committees.py``.
"""

from django.http import Http404
from django.views.generic import TemplateView

from axs_platform.pagination import page_of
from axs_platform.permissions import PredicateRequiredMixin

from .. import permissions, selectors
from ..models import PriorityArea
from .committees import CommitteeMixin

ACTIVITIES_PER_PAGE = 50


class WorkPlanView(CommitteeMixin, PredicateRequiredMixin, TemplateView):
    template_name = "committees/work_plan.html"

    def has_permission(self):
        return permissions.can_see_committee_internals(self.request.user, self.committee)

    def get_context_data(self, **kwargs):
        areas = list(PriorityArea.objects.filter(committee=self.committee))
        area = None
        if self.request.GET.get("area"):
            area = next((a for a in areas if str(a.pk) == self.request.GET["area"]), None)
            if area is None:
                raise Http404
        activities = selectors.work_plan_activities(self.committee, area=area)
        return super().get_context_data(
            areas=areas,
            area=area,
            activities=page_of(self.request, activities, ACTIVITIES_PER_PAGE),
            query_without_page=f"area={area.pk}" if area else "",
            can_edit_work_plan=permissions.can_edit_work_plan(self.request.user, self.committee),
            **kwargs,
        )
