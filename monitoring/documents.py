"""PDFs of monitoring: a project's progress report for one period, and the alliance's for a date range.

Only an approved report prints (a draft, submitted or returned one is refused even for staff); who may
see the project's reports may ask for it, and reads only the jobs they asked for.
"""

import datetime

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from axs_platform.dates import implausible_day
from axs_platform.permissions import is_staff_member
from documents.registry import DocumentKind, Source
from documents.services import DocumentError

from . import permissions, selectors
from .chapter import implementation_chapter
from .dashboard import dashboard
from .models import Implementation, Report, ReportStatus
from .progress import progress_context

PROGRESS_REPORT = "monitoring.progress_report"


def _describe(report, params):
    return _("Progress report: %(title)s, period %(number)s") % {
        "title": report.period.implementation.proposal.title,
        "number": report.period.number,
    }


def _build(document):
    report = selectors.report_full(document.target_id)
    if report.status != ReportStatus.APPROVED:
        raise DocumentError(_("Only an approved progress report can be printed."))
    implementation = report.period.implementation
    context = progress_context(implementation, timezone.localdate(), public=True, medium="pdf")
    context.update(report=report, generated_at=timezone.now())
    html = render_to_string("monitoring/pdf/progress_report.html", context)
    title = implementation.proposal.title
    filename = f"avance-{implementation.pk}-p{report.period.number}-{slugify(title)[:50]}-{document.language}.pdf"
    return Source(html=html, filename=filename, title=str(_describe(report, {})))


def can_request_progress_report(user, report, params=None):
    if report is None or not (user.is_authenticated and user.is_active):
        return False
    return report.status == ReportStatus.APPROVED and permissions.can_view(user, report.period.implementation)


def _can_view(user, document):
    if document.requested_by_id != user.pk:
        return False
    report = Report.objects.select_related("period__implementation__proposal").filter(pk=document.target_id).first()
    return can_request_progress_report(user, report)


progress_report = DocumentKind(
    code=PROGRESS_REPORT,
    label=gettext_lazy("Progress report (PDF)"),
    model=Report,
    build=_build,
    describe=_describe,
    can_request=can_request_progress_report,
    can_view=_can_view,
)


ALLIANCE_PROGRESS = "monitoring.alliance_progress"


def period_of(params):
    """Return the ``(start, end)`` dates of an alliance progress report's parameters, or raise DocumentError.

    The messages are lazy: ``document_request`` describes the document in its language, while the error is shown
    on the page in the page's.
    """
    try:
        start, end = datetime.date.fromisoformat(params["start"]), datetime.date.fromisoformat(params["end"])
    except (KeyError, TypeError, ValueError):
        raise DocumentError(gettext_lazy("The period of the report is missing or not a date.")) from None
    if end < start:
        raise DocumentError(gettext_lazy("The period ends before it starts."))
    if implausible_day(start) or implausible_day(end):
        # A typing slip (0001, 9999) no date arithmetic of the report survives; said in the page's language too.
        raise DocumentError(lazy(lambda: implausible_day(start) or implausible_day(end), str)())
    return start, end


def _describe_alliance(target, params):
    """Name the report with its period's dates written as the document's language writes them (it is active here)."""
    start, end = period_of(params)
    return _("Alliance progress report, %(start)s – %(end)s") % {
        "start": date_format(start, "DATE_FORMAT"),
        "end": date_format(end, "DATE_FORMAT"),
    }


def _build_alliance(document):
    start, end = period_of(document.params)
    # The lights, reports overdue and results read the flags and totals the services keep now, not as they stood
    # at the period's end: the PDF says which day they are of.
    today = timezone.localdate()
    context = dashboard(Implementation.objects.all(), today)
    context.update(as_of=today, period_ended=end < today)
    context.update(chapter=implementation_chapter(start, end), start=start, end=end, generated_at=timezone.now())
    html = render_to_string("monitoring/pdf/alliance_progress.html", context)
    filename = f"avance-alianza-{start:%Y-%m}-{end:%Y-%m}-{document.language}.pdf"
    return Source(html=html, filename=filename, title=str(_describe_alliance(None, document.params)))


def _staff_only(user, *args):
    return is_staff_member(user)


alliance_progress = DocumentKind(
    code=ALLIANCE_PROGRESS,
    label=gettext_lazy("Alliance progress report (PDF)"),
    build=_build_alliance,
    describe=_describe_alliance,
    can_request=_staff_only,
    can_view=_staff_only,
)
