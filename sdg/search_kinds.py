"""The SDG framework in the search: goals, targets and indicators, found by anyone in either language.

Registered from ``SdgConfig.ready()``; the framework is loaded by a data migration, so
``manage.py search_reindex`` (and ``load_demo``) index it.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from search.registry import Document, Kind, always, everyone, register, register_facet_labels

from .models import Goal, Indicator, Target


def _goal_document(goal):
    return Document(
        title=f"ODS {goal.number}: {goal.title_es}",
        # No text for snippets: the title, shown in the reader's language, says it all; the other words find it.
        body="",
        also=f"{goal.short_title_es}. SDG {goal.number}: {goal.title_en}. {goal.short_title_en}",
        url=goal.get_absolute_url(),
        sdg=str(goal.number),
    )


def _target_document(target):
    return Document(
        title=f"{target.code} {target.title_es}",
        body="",
        also=target.title_en,  # found in English too; the title is shown in the reader's language
        url=f"{reverse('sdg:goal-detail', args=[target.goal.number])}#target-{target.code}",
        sdg=str(target.goal.number),
    )


def _indicator_document(indicator):
    return Document(
        title=f"{indicator.code} {indicator.title_es}",
        body="",
        also=indicator.title_en,  # found in English too; the title is shown in the reader's language
        url=f"{reverse('sdg:goal-detail', args=[indicator.target.goal.number])}#indicator-{indicator.code}",
        sdg=str(indicator.target.goal.number),
    )


def goal_labels(values):
    goals = Goal.objects.filter(number__in=[int(v) for v in values if str(v).isdigit()])
    return {str(goal.number): f"{goal.number}. {goal.short_title}" for goal in goals}


def register_kinds():
    common = {"visible": everyone, "can_view": always, "written_in_spanish": False}
    register(
        Kind(
            name="sdg_goal",
            label=_("SDG goal"),
            label_plural=_("SDG goals"),
            model=Goal,
            queryset=Goal.objects.all,
            document=_goal_document,
            display_title=lambda goal: f"{_('SDG')} {goal.number}: {goal.title}",
            order=90,
            **common,
        )
    )
    register(
        Kind(
            name="sdg_target",
            label=_("SDG target"),
            label_plural=_("SDG targets"),
            model=Target,
            queryset=lambda: Target.objects.select_related("goal"),
            document=_target_document,
            display_title=lambda target: f"{target.code} {target.title}",
            order=91,
            **common,
        )
    )
    register(
        Kind(
            name="sdg_indicator",
            label=_("SDG indicator"),
            label_plural=_("SDG indicators"),
            model=Indicator,
            queryset=lambda: Indicator.objects.select_related("target__goal"),
            document=_indicator_document,
            display_title=lambda indicator: f"{indicator.code} {indicator.title}",
            order=92,
            **common,
        )
    )
    register_facet_labels("sdg", goal_labels)
