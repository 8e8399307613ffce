"""Public pages of the SDG framework: the 17 goals, one goal's targets and indicators, a search."""

from django.http import Http404
from django.views.generic import TemplateView

from .models import Goal, Indicator
from .selectors import goal_with_framework, goals_with_counts, search_framework

SEARCH_RESULT_LIMIT = 100


class GoalListView(TemplateView):
    template_name = "sdg/goal_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()[:100]
        context.update(
            goals=goals_with_counts(),
            query=query,
            distinct_indicator_count=Indicator.objects.values("unsd_code").distinct().count(),
            indicator_count=Indicator.objects.count(),
        )
        if query:
            targets, indicators = search_framework(query)
            context.update(
                found_targets=targets[:SEARCH_RESULT_LIMIT],
                found_indicators=indicators[:SEARCH_RESULT_LIMIT],
                search_limit=SEARCH_RESULT_LIMIT,
            )
        return context


class GoalDetailView(TemplateView):
    template_name = "sdg/goal_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            goal = goal_with_framework(kwargs["number"])
        except Goal.DoesNotExist:
            raise Http404 from None
        context.update(
            goal=goal,
            previous_number=goal.number - 1 if goal.number > 1 else None,
            next_number=goal.number + 1 if goal.number < 17 else None,
        )
        return context
