"""What a project's progress shows, from approved figures only: shared by its page, the public page and the PDF.

Also the section monitoring adds to projects' public page and fact sheet (``projects.sections``).
"""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format

from axs_platform import fragments

from . import charts, lights, selectors
from .models import Implementation


def indicators_with_charts(implementation, periods, assessment):
    """Return the indicators with their approved series, chart and light.

    Each period gets ``span`` ("Jan 2024–Mar 2024" in the active language), formatted once here rather
    than in every indicator's table row (about a thousand dates on a page of 20 indicators × 32 periods).
    """
    for period in periods:
        period.span = f"{date_format(period.starts_on, 'M Y')}–{date_format(period.ends_on, 'M Y')}"
    indicators = selectors.indicator_series(implementation, periods)
    for indicator in indicators:
        indicator.chart = charts.indicator_chart(indicator, periods)
        indicator.light = assessment.indicators.get(indicator.pk)
    return indicators


def _progress_data(implementation, periods, today, *, public, can_approve):
    """Return the light, milestones and contributions of a project, with its indicators and their charts."""
    assessment = lights.assess(implementation, today)
    return {
        "implementation": implementation,
        "project": implementation.proposal,
        "periods": periods,
        "assessment": assessment,
        "milestones": list(implementation.milestones.select_related("responsible")),
        "contributions": selectors.contribution_rows(implementation),
        "indicators": indicators_with_charts(implementation, periods, assessment),
        "today": today,
        "public": public,
        "can_approve": can_approve,
    }


def progress_context(implementation, today, *, public=False, can_approve=False, medium="page"):
    """Return what a project's progress shows: periods, indicators with charts, light, contributions.

    A PDF gets the figures to lay out. A web page gets ``progress_html``, the whole progress section
    (light, indicators, milestones, contributions) as a fragment per project and audience: it changes
    only when a report, the plan (monitoring), a pledge or title (proposals) or an organization's name
    (directory) does, and those services bump their areas; the day is in its key. The periods are read
    only when the fragment is rendered.
    """
    if medium == "pdf":
        periods = selectors.period_rows(implementation, today)
        return _progress_data(implementation, periods, today, public=public, can_approve=can_approve)

    def render():
        periods = selectors.period_rows(implementation, today)
        data = _progress_data(implementation, periods, today, public=public, can_approve=can_approve)
        return render_to_string("monitoring/includes/progress.html", data), None

    progress_html = fragments.fragment(
        [fragments.MONITORING, fragments.PROPOSALS, fragments.DIRECTORY],
        "monitoring-progress",
        (implementation.pk, public, can_approve),
        render,
    )
    return {
        "implementation": implementation,
        "project": implementation.proposal,
        "progress_html": progress_html,
        "public": public,
    }


def periods_html(implementation, today, *, can_report):
    """Return the project page's list of periods and their reports, a fragment per project and reader role.

    It shows the periods' dates, due dates and flags and every version of their reports (area
    monitoring: the plan and report services bump it; the day is in the key) and, to those who report,
    a button per period. The buttons post through a form the page wraps around the list, so the
    fragment holds no CSRF token and is the same for everyone with the same role.
    """

    def render():
        context = {"periods": selectors.period_rows(implementation, today), "can_report": can_report}
        return render_to_string("monitoring/includes/periods.html", context), None

    return fragments.fragment([fragments.MONITORING], "monitoring-periods", (implementation.pk, can_report), render)


def project_section(proposal, *, medium):
    """Return the approved progress of a project in implementation for its public page or fact sheet."""
    implementation = Implementation.objects.filter(proposal=proposal).first()
    if implementation is None:
        return ""
    context = progress_context(implementation, timezone.localdate(), public=True, medium=medium)
    template = "monitoring/pdf/progress_section.html" if medium == "pdf" else "monitoring/includes/public_progress.html"
    return render_to_string(template, context)
