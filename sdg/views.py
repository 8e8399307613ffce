"""Public pages of the SDG framework: the 17 goals, one goal's targets and indicators, a search."""

from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.views.generic import TemplateView

from axs_platform import fragments

from .models import Goal, Indicator
from .selectors import goal_with_framework, goals_with_counts, search_framework

SEARCH_RESULT_LIMIT = 100


class GoalListView(TemplateView):
    template_name = "sdg/goal_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()[:100]
        # The framework changes only when load_sdg refreshes it: the tiles and counts are kept per version.
        context["framework"] = fragments.fragment([fragments.SDG], "sdg-goals", (), _render_goals)
        context["query"] = query
        if query:
            targets, indicators = search_framework(query)
            context.update(
                found_targets=targets[:SEARCH_RESULT_LIMIT],
                found_indicators=indicators[:SEARCH_RESULT_LIMIT],
                search_limit=SEARCH_RESULT_LIMIT,
            )
        return context


def _render_goals():
    counts = {
        "distinct_indicator_count": Indicator.objects.values("unsd_code").distinct().count(),
        "indicator_count": Indicator.objects.count(),
    }
    return {**counts, "tiles": render_to_string("sdg/includes/goal_tiles.html", {"goals": goals_with_counts()})}, None


class GoalDetailView(TemplateView):
    template_name = "sdg/goal_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        goal = get_object_or_404(Goal, number=kwargs["number"])

        def render():
            shown = goal_with_framework(goal.number)
            return render_to_string("sdg/includes/goal_targets.html", {"goal": shown}), None

        context.update(
            goal=goal,
            targets=fragments.fragment([fragments.SDG], "sdg-goal", (goal.number,), render),
            previous_number=goal.number - 1 if goal.number > 1 else None,
            next_number=goal.number + 1 if goal.number < 17 else None,
        )
        return context
