"""What a project's progress shows, from approved figures only: shared by its page, the public page and the PDF.

Also the section monitoring adds to projects' public page and fact sheet (``projects.sections``).
"""

from django.template.loader import render_to_string
from django.utils import timezone

from axs_platform import fragments

from . import charts, lights, selectors
from .models import Implementation


def indicators_with_charts(implementation, periods, assessment):
    """Return the indicators with their approved series, chart and light."""
    indicators = selectors.indicator_series(implementation, periods)
    for indicator in indicators:
        indicator.chart = charts.indicator_chart(indicator, periods)
        indicator.light = assessment.indicators.get(indicator.pk)
    return indicators


def indicators_section(implementation, periods, assessment, *, public, can_approve):
    """Return the indicators' section of a web page: a fragment per project and audience, the page's costliest part.

    Its charts and tables change only when a report or an indicator does, and those services bump
    the monitoring area.
    """

    def render():
        context = {
            "indicators": indicators_with_charts(implementation, periods, assessment),
            "public": public,
            "can_approve": can_approve,
        }
        return render_to_string("monitoring/includes/indicators.html", context), None

    return fragments.fragment(
        [fragments.MONITORING], "monitoring-indicators", (implementation.pk, public, can_approve), render
    )


def progress_context(implementation, today, *, public=False, can_approve=False, medium="page"):
    """Return what a project's progress shows: periods, indicators with charts, light, contributions.

    A web page gets the indicators as ``indicators_html`` (cached); a PDF gets ``indicators`` to lay out.
    """
    periods = selectors.period_rows(implementation, today)
    assessment = lights.assess(implementation, today)
    milestones = list(implementation.milestones.select_related("responsible"))
    context = {
        "implementation": implementation,
        "project": implementation.proposal,
        "periods": periods,
        "assessment": assessment,
        "milestones": milestones,
        "contributions": selectors.contribution_rows(implementation),
        "today": today,
        "public": public,
        "can_approve": can_approve,
    }
    if medium == "pdf":
        context["indicators"] = indicators_with_charts(implementation, periods, assessment)
    else:
        context["indicators_html"] = indicators_section(
            implementation, periods, assessment, public=public, can_approve=can_approve
        )
    return context


def project_section(proposal, *, medium):
    """Return the approved progress of a project in implementation for its public page or fact sheet."""
    implementation = Implementation.objects.filter(proposal=proposal).first()
    if implementation is None:
        return ""
    context = progress_context(implementation, timezone.localdate(), public=True, medium=medium)
    template = "monitoring/pdf/progress_section.html" if medium == "pdf" else "monitoring/includes/public_progress.html"
    return render_to_string(template, context)
