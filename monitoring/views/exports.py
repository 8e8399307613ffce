"""Exports of indicators and their approved figures (CSV and Excel through ``axs_platform.exports``).

One row per indicator and approved period; an indicator without approved figures still has its row.
Drafts, submitted and returned reports never appear.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views import View

from axs_platform.exports import csv_response, xlsx_response
from axs_platform.permissions import PredicateRequiredMixin, is_staff_member

from .. import permissions, selectors
from ..models import Implementation, Indicator, ReportValue


def header():
    return [
        _("Project"), _("Indicator"), _("Type of value"), _("Unit"), _("Baseline"), _("Target"), _("SDG indicator"),
        _("Period"), _("Starts"), _("Ends"), _("Version"), _("Approved value"), _("Disaggregation"),
        _("Demonstration data"),
    ]  # fmt: skip


def rows(implementations):
    """Yield the export's rows for the implementations, reading values in one query."""
    values = {}
    for value in (
        ReportValue.objects.filter(
            report__in=selectors.current_approved(), indicator__implementation__in=implementations
        )
        .select_related("report__period")
        .order_by("indicator_id", "report__period__number")
    ):
        values.setdefault(value.indicator_id, []).append(value)
    indicators = Indicator.objects.filter(implementation__in=implementations).select_related(
        "implementation__proposal", "sdg_indicator"
    )
    for indicator in indicators.order_by("implementation__proposal__title", "implementation_id", "position", "id"):
        base = [
            indicator.implementation.proposal.title, indicator.name, indicator.get_value_type_display(),
            indicator.unit, indicator.baseline, indicator.target,
            indicator.sdg_indicator.code if indicator.sdg_indicator else "",
        ]  # fmt: skip
        demo = _("Yes") if indicator.implementation.is_demo else _("No")
        own = values.get(indicator.pk, [])
        if not own:
            yield [*base, "", "", "", "", "", "", demo]
        for value in own:
            period = value.report.period
            parts = "; ".join(f"{k}: {v}" for k, v in value.disaggregation.items())
            number_or_text = value.number if value.number is not None else str(value.display)
            yield [*base, period.number, period.starts_on, period.ends_on, value.report.version, number_or_text,
                   parts, demo]  # fmt: skip


def respond(fmt, filename, implementations):
    if fmt == "csv":
        return csv_response(f"{filename}.csv", header(), rows(implementations))
    if fmt == "xlsx":
        return xlsx_response(f"{filename}.xlsx", _("Indicators"), header(), rows(implementations))
    raise Http404


class ProjectExportView(PredicateRequiredMixin, View):
    """A project's indicators and approved figures, for whoever may see its reports."""

    def dispatch(self, request, *args, **kwargs):
        self.implementation = get_object_or_404(Implementation.objects.select_related("proposal"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_view(self.request.user, self.implementation)

    def get(self, request, *args, **kwargs):
        return respond(kwargs["fmt"], f"indicadores-{self.implementation.pk}", [self.implementation.pk])


class AllianceExportView(PredicateRequiredMixin, View):
    """Every project's indicators and approved figures, for staff."""

    permission_predicate = is_staff_member

    def get(self, request, *args, **kwargs):
        return respond(kwargs["fmt"], "indicadores-alianza", Implementation.objects.values("pk"))
