"""What a project's progress shows, from approved figures only: shared by its page, the public page and the PDF.

Also the section monitoring adds to projects' public page and fact sheet (``projects.sections``).
"""

import math

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format

from axs_platform import fragments

from . import charts, lights, selectors
from .models import Implementation

# The project page shows each indicator's latest approved figures (its chart shows them all; a link, every one)
# and its periods a page at a time, opening at the latest period that has started: at 20 indicators × 32
# periods it would otherwise render 640 table rows and 32 periods' reports on every first visit.
LATEST_FIGURES = 8
PERIODS_PER_PAGE = 8
PERIODS_ORPHANS = 3  # a last page of 3 periods or fewer joins the one before (10 periods: one page)


def indicators_with_charts(implementation, periods, assessment, *, latest=None):
    """Return the indicators with their approved series, chart and light.

    ``shown_rows`` are the table's rows: the ``latest`` approved figures, or all of them when ``latest`` is
    None (the chart always has all). Each period gets ``span`` ("Jan 2024–Mar 2024" in the active
    language), formatted once here rather than in every indicator's table row.
    """
    for period in periods:
        period.span = f"{date_format(period.starts_on, 'M Y')}–{date_format(period.ends_on, 'M Y')}"
    indicators = selectors.indicator_series(implementation, periods)
    for indicator in indicators:
        indicator.chart = charts.indicator_chart(indicator, periods)
        indicator.light = assessment.indicators.get(indicator.pk)
        indicator.shown_rows = indicator.rows if latest is None else indicator.rows[-latest:]
    return indicators


def _progress_data(implementation, periods, today, *, public, can_revise, latest=None):
    """Return the light, milestones and contributions of a project, with its indicators and their charts."""
    assessment = lights.assess(implementation, today)
    return {
        "implementation": implementation,
        "project": implementation.proposal,
        "periods": periods,
        "assessment": assessment,
        "milestones": list(implementation.milestones.select_related("responsible")),
        "contributions": selectors.contribution_rows(implementation),
        "indicators": indicators_with_charts(implementation, periods, assessment, latest=latest),
        "latest": latest,
        "today": today,
        "public": public,
        "can_revise": can_revise,
    }


def progress_context(
    implementation,
    today,
    *,
    public=False,
    can_revise=False,
    medium="page",
    all_figures=True,
    every_figure_query="cifras=todas",
):
    """Return what a project's progress shows: periods, indicators with charts, light, contributions.

    A PDF gets the figures to lay out. A web page gets ``progress_html``, the whole progress section
    (light, indicators, milestones, contributions) as a fragment per project and audience: it changes
    only when a report, the plan (monitoring), a pledge or title (proposals) or an organization's name
    (directory) does, and those services bump their areas; the day is in its key. The periods are read
    only when the fragment is rendered. Without ``all_figures`` each indicator's table lists only its
    ``LATEST_FIGURES`` latest approved figures, with a link to the page that lists them all; that
    link carries ``every_figure_query`` (the page's other parameters, part of the key), so the reader
    stays on the page of periods they were reading.
    """
    latest = None if all_figures else LATEST_FIGURES
    if medium == "pdf":
        periods = list(implementation.periods.all())  # numbers and dates: no reports needed
        return _progress_data(implementation, periods, today, public=public, can_revise=can_revise)

    def render():
        periods = list(implementation.periods.all())  # numbers and dates: no reports needed
        data = _progress_data(implementation, periods, today, public=public, can_revise=can_revise, latest=latest)
        data["every_figure_query"] = every_figure_query
        return render_to_string("monitoring/includes/progress.html", data), None

    progress_html = fragments.fragment(
        [fragments.MONITORING, fragments.PROPOSALS, fragments.DIRECTORY],
        "monitoring-progress",
        (implementation.pk, public, can_revise, latest, every_figure_query),
        render,
    )
    return {
        "implementation": implementation,
        "project": implementation.proposal,
        "progress_html": progress_html,
        "public": public,
    }


def periods_html(implementation, today, *, can_report, page=None, query=""):
    """Return the project page's list of periods and their reports, a fragment per project, reader role and page.

    It shows the periods' dates, due dates and flags and every version of their reports (area
    monitoring: the plan and report services bump it; the day is in the key) and, to those who report,
    a button per period. The buttons post through a form the page wraps around the list, so the
    fragment holds no CSRF token and is the same for everyone with the same role.
    ``PERIODS_PER_PAGE`` periods a page (``page``, as typed in ``?periodos=``); without one, the page of
    the latest period that has started. ``query`` (the page's other parameters) is kept in the links.
    """

    def render():
        periods = implementation.periods.order_by("number")
        if page is None:
            started = periods.filter(starts_on__lte=today).count()
            number = max(1, math.ceil(started / PERIODS_PER_PAGE))
        else:
            number = page
        # get_page: a page past the end (the latest started period on a last page with orphans) gives the last.
        page_obj = Paginator(periods, PERIODS_PER_PAGE, orphans=PERIODS_ORPHANS).get_page(number)
        context = {
            "periods": selectors.period_rows(implementation, today, periods=page_obj.object_list),
            "can_report": can_report,
            "page_obj": page_obj,
            "query": query,
        }
        return render_to_string("monitoring/includes/periods.html", context), None

    return fragments.fragment(
        [fragments.MONITORING], "monitoring-periods", (implementation.pk, can_report, page, query), render
    )


def project_section(proposal, *, medium):
    """Return the approved progress of a project in implementation for its public page or fact sheet."""
    implementation = Implementation.objects.filter(proposal=proposal).first()
    if implementation is None:
        return ""
    context = progress_context(implementation, timezone.localdate(), public=True, medium=medium)
    template = "monitoring/pdf/progress_section.html" if medium == "pdf" else "monitoring/includes/public_progress.html"
    return render_to_string(template, context)
