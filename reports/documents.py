"""The systematization report (sistematización) of a period, as a PDF."""

import datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from axs_platform import purposes
from axs_platform.permissions import is_staff_member
from committees.models import Post
from documents.registry import DocumentKind, Source
from documents.services import DocumentError
from monitoring.chapter import implementation_chapter
from projects.criteria import AXS_CRITERIA, DEFINITIONS, SUSTAINABILITY_CRITERIA

from .diagrams import priority_goals, report_diagrams
from .exhibits import number_exhibits
from .forms import period_problems
from .notes import lead_notes_at_foot, notes_at_foot
from .publication import cover_context, number_notes
from .selectors import report_charts, report_data

SYSTEMATIZATION = "reports.systematization"


def period_of(params):
    """Return the ``(start, end)`` dates of a report's parameters."""
    try:
        start = datetime.date.fromisoformat(params["start"])
        end = datetime.date.fromisoformat(params["end"])
    except (KeyError, TypeError, ValueError):
        raise DocumentError(_("The report's period is not valid.")) from None
    if end < start:
        raise DocumentError(_("The report's period ends before it starts."))
    problems = period_problems(start, end)
    if problems:
        raise DocumentError(" ".join(str(message) for message in problems.values()))
    return start, end


def _describe(target, params):
    start, end = period_of(params)
    return _("Systematization report, %(start)s – %(end)s") % {
        "start": date_format(start, "YEAR_MONTH_FORMAT"),
        "end": date_format(end, "YEAR_MONTH_FORMAT"),
    }


def report_context(start, end):
    """Return what every edition of the report shows for the period: PDF, web page and Word file."""
    data = report_data(start, end)
    charts = report_charts(data)
    goals = priority_goals(data["committees"], data["survey"])
    diagrams = report_diagrams(data, goals)
    exhibits, exhibit_list = number_exhibits(data, charts, diagrams)
    notes = number_notes(data)
    return {
        **data,
        **cover_context(),
        "figure_notes": notes,
        "charts": charts,
        "diagrams": diagrams,
        "priority_goals": goals,
        "exhibits": exhibits,
        "exhibit_list": exhibit_list,
        "implementation": implementation_chapter(start, end),
        # Absolute: the PDF, the Word file and the published page are read away from the site.
        "project_list_url": settings.AXS_SITE_URL + reverse("projects:project-list"),
        "project_data_url": settings.AXS_SITE_URL + reverse("opendata:dataset", kwargs={"slug": "proyectos"}),
        "axs_criteria": AXS_CRITERIA,
        "sustainability_criteria": [(c, DEFINITIONS.get(c, "")) for c in SUSTAINABILITY_CRITERIA],
        "generated_at": timezone.now(),
    }


def _build(document):
    start, end = period_of(document.params)
    context = report_context(start, end)
    # The PDF prints every note at the foot of the page that calls it; the other editions list them.
    context["notes_at_foot"] = True
    for text in context["texts"].values():
        text.html = notes_at_foot(text.html)
    for row in (*context["objectives"], *context["alliance_objectives"]):
        row.html = notes_at_foot(row.html)
    for finding in (*context["successes"], *context["challenges"], *context["recommendations"]):
        finding.title_html, finding.html = lead_notes_at_foot(finding.title_html, finding.html)
    html = render_to_string("reports/pdf/systematization.html", context)
    return Source(
        html=html,
        filename=f"sistematizacion-axs-{start:%Y-%m}-{end:%Y-%m}-{document.language}.pdf",
        title=str(_describe(None, document.params)),
        pdf_variant="pdf/ua-1",
    )


def _staff(user, *args):
    return is_staff_member(user)


def systematization_naming(documents, person):
    """The reports whose period overlaps a post the person held: the committees' chapter prints its holder."""
    posts = list(Post.objects.filter(holder=person).values_list("started_on", "ended_on"))
    naming = []
    for document in documents.only("pk", "params"):
        try:
            start, end = period_of(document.params)
        except DocumentError:
            continue
        if any(started <= end and (ended is None or ended >= start) for started, ended in posts):
            naming.append(document.pk)
    return documents.filter(pk__in=naming)


systematization = DocumentKind(
    code=SYSTEMATIZATION,
    label=_("Systematization report"),
    build=_build,
    describe=_describe,
    can_request=_staff,
    can_view=_staff,
    naming=systematization_naming,
    withholds=(purposes.DIRECTORY,),
)
