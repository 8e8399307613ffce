"""The progress the services keep (period flags, each indicator's totals and light) equals a recompute from scratch."""

from decimal import Decimal

from monitoring import lights, services
from monitoring.models import QUANTITATIVE, IndicatorProgress, Period, Report, ReportStatus

from .conftest import approved_report, filled_report


def _from_scratch(implementation):
    """Recompute, without the services' code, what the rows should say: flags per period, figures per indicator."""
    flags = {
        period.pk: (
            period.reports.filter(status__in=[ReportStatus.SUBMITTED, ReportStatus.APPROVED]).exists(),
            period.reports.filter(status=ReportStatus.APPROVED).exists(),
        )
        for period in implementation.periods.all()
    }
    current = {}
    for report in Report.objects.filter(period__implementation=implementation, status=ReportStatus.APPROVED):
        if report.period_id not in current or report.version > current[report.period_id].version:
            current[report.period_id] = report
    figures = {}
    for indicator in implementation.indicators.filter(value_type__in=QUANTITATIVE):
        points = sorted(
            (report.period.number, report.period.ends_on, value.number)
            for report in current.values()
            for value in report.values.filter(indicator=indicator)
        )
        if not points:
            continue
        total = sum(point[2] for point in points)
        number, ends_on, latest = points[-1]
        actual = indicator.baseline + total if indicator.value_type == "number" else latest
        planned = {t.period.number: t.value for t in indicator.period_targets.all()}
        figure = lights.Figure(indicator.baseline, indicator.target, actual, number, ends_on, planned)
        figures[indicator.pk] = (total, latest, number, ends_on, lights.figure_light(figure, implementation))
    return flags, figures


def _stored(implementation):
    flags = {
        pk: (submitted, approved)
        for pk, submitted, approved in Period.objects.filter(implementation=implementation).values_list(
            "pk", "has_submission", "has_approved_report"
        )
    }
    figures = {
        row.indicator_id: (row.total, row.latest, row.last_number, row.last_ends_on, row.light)
        for row in IndicatorProgress.objects.filter(implementation=implementation)
    }
    return flags, figures


def _check(scene):
    stored = _stored(scene.implementation)
    assert stored == _from_scratch(scene.implementation)
    return stored[1].get(scene.indicator.pk)


def test_the_kept_totals_equal_a_recompute_after_approval_return_correction_revision_and_split(scene):
    first, second = scene.periods[0], scene.periods[1]
    assert _check(scene) is None  # nothing approved yet: no row
    approved_report(scene, first, value="250")
    assert _check(scene)[:3] == (Decimal("250"), Decimal("250"), 1)

    report = filled_report(scene, second, value="50")
    services.report_submit(actor=scene.lead, report=report)
    assert _stored(scene.implementation)[0][second.pk] == (True, False)
    _check(scene)
    services.report_return(actor=scene.secretary, report=report, comments="Falta evidencia.")
    assert _stored(scene.implementation)[0][second.pk] == (False, False)  # returned: no longer handed in
    _check(scene)
    services.report_submit(actor=scene.lead, report=report, reply="Se añadió la evidencia.")
    services.report_approve(actor=scene.secretary, report=report)
    # 300 t by the end of June against about 249 expected on the straight line to 1,000.
    assert _check(scene) == (Decimal("300"), Decimal("50"), 2, second.ends_on, "on_track")

    correction = services.report_start(actor=scene.lead, period=first)
    services.report_save(actor=scene.lead, report=correction, values={scene.indicator.pk: "10"}, achievements="Ajuste.")
    assert _check(scene)[0] == Decimal("300")  # a correction counts once approved, not before
    services.report_submit(actor=scene.lead, report=correction)
    services.report_approve(actor=scene.secretary, report=correction)
    assert _check(scene)[0::4] == (Decimal("60"), "off_track")

    services.indicator_revise(actor=scene.secretary, indicator=scene.indicator, target=Decimal("200"), reason="Meta.")
    assert _check(scene)[4] == "on_track"  # about 50 expected by June now

    targets = dict.fromkeys(scene.periods, "0")
    targets[second] = "200"
    services.indicator_split_target(actor=scene.secretary, indicator=scene.indicator, targets=targets, reason="Plan.")
    assert _check(scene)[4] == "off_track"  # 60 of the 200 planned by June


def test_refreshing_every_project_again_changes_nothing(scene):
    approved_report(scene, scene.periods[0], value="250")
    before = _stored(scene.implementation)
    assert services.progress_refresh_all() == 1
    assert _stored(scene.implementation) == before == _from_scratch(scene.implementation)
