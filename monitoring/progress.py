"""What a project's progress shows, from approved figures only: shared by its page, the public page and the PDF.

Also the section monitoring adds to projects' public page and fact sheet (``projects.sections``).
"""

from django.template.loader import render_to_string
from django.utils import timezone

from . import charts, lights, selectors
from .models import Implementation


def progress_context(implementation, today, *, public=False):
    """Return what a project's progress shows: periods, indicators with charts, light, contributions."""
    periods = selectors.period_rows(implementation, today)
    indicators = selectors.indicator_series(implementation, periods)
    assessment = lights.assess(implementation, today)
    for indicator in indicators:
        indicator.chart = charts.indicator_chart(indicator, periods)
        indicator.light = assessment.indicators.get(indicator.pk)
    milestones = list(implementation.milestones.select_related("responsible"))
    return {
        "implementation": implementation,
        "project": implementation.proposal,
        "periods": periods,
        "indicators": indicators,
        "assessment": assessment,
        "milestones": milestones,
        "contributions": selectors.contribution_rows(implementation),
        "today": today,
        "public": public,
    }


def project_section(proposal, *, medium):
    """Return the approved progress of a project in implementation for its public page or fact sheet."""
    implementation = Implementation.objects.filter(proposal=proposal).first()
    if implementation is None:
        return ""
    context = progress_context(implementation, timezone.localdate(), public=True)
    template = "monitoring/pdf/progress_section.html" if medium == "pdf" else "monitoring/includes/public_progress.html"
    return render_to_string(template, context)
