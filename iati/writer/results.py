"""Results of an activity from monitoring: approved figures only, as ``monitoring.selectors.current_approved`` says.

One result per component of the results matrix (output) and one for the general objective (outcome),
each with its monitored indicators, their baseline and, per reporting period, the period's target and
the approved actual value; an indicator with no target per period has its overall target until the end of
its target year. A project not yet in implementation, or without indicators, has no result.
"""

from datetime import date

from django.utils.translation import gettext_lazy as _

from monitoring.models import ValueType

from .common import amount, both_languages, iso_date, narratives, sub

OUTPUT, OUTCOME = "1", "2"
MEASURES = {ValueType.NUMBER: "1", ValueType.PERCENTAGE: "2", ValueType.YES_NO: "5", ValueType.TEXT: "5"}


def _group(indicators):
    groups = {}
    for indicator in indicators:
        component = indicator.source.component if indicator.source_id else None
        key = component.pk if component is not None else None
        groups.setdefault(key, (component, []))[1].append(indicator)
    return sorted(groups.values(), key=lambda group: (group[0] is not None, group[0].position if group[0] else 0))


def _qualitative_text(value):
    if value.yes_no is not None:
        return both_languages(_("Yes") if value.yes_no else _("No"))
    return {"es": value.text}


def _actual(period_element, indicator, value):
    quantitative = indicator.is_quantitative
    actual = sub(period_element, "actual", value=amount(value.number) if quantitative else None)
    if isinstance(value.disaggregation, dict):
        for category, part in value.disaggregation.items():
            if part not in (None, ""):
                sub(actual, "dimension", name=str(category), value=str(part))
    if not quantitative:
        narratives(sub(actual, "comment"), _qualitative_text(value))


def _indicator(result, indicator, implementation):
    quantitative = indicator.is_quantitative
    attributes = {"measure": MEASURES[indicator.value_type]}
    if quantitative:
        attributes["ascending"] = "1" if indicator.target >= indicator.baseline else "0"
    element = sub(result, "indicator", **attributes)
    narratives(sub(element, "title"), {"es": indicator.name})
    if indicator.means_of_verification:
        narratives(sub(element, "description"), {"es": indicator.means_of_verification})
    if indicator.sdg_indicator_id:
        sub(element, "reference", vocabulary="9", code=indicator.sdg_indicator.code)
    baseline_year = indicator.source.baseline_year if indicator.source_id else implementation.starts_on.year
    sub(
        element,
        "baseline",
        year=baseline_year,
        value=amount(indicator.baseline) if quantitative and indicator.baseline is not None else None,
    )
    targets = {t.period_id: t.value for t in indicator.target_list}
    actuals = {v.period_id: v for v in indicator.approved_values}
    for period in implementation.periods.all():
        target, value = targets.get(period.pk), actuals.get(period.pk)
        if target is None and value is None:
            continue
        period_element = sub(element, "period")
        sub(period_element, "period-start", iso_date=iso_date(period.starts_on))
        sub(period_element, "period-end", iso_date=iso_date(period.ends_on))
        if target is not None:
            sub(period_element, "target", value=amount(target) if quantitative else None)
        if value is not None:
            _actual(period_element, indicator, value)
    if not targets:
        _overall_target(element, indicator, implementation)


def _overall_target(element, indicator, implementation):
    """Write the indicator's own target as a period from the project's start to 31 December of its target year.

    Only for an indicator with no target per period (those say it period by period). The approved values
    stay in their reporting periods. IATI wants the period to end after it starts: a target year before
    the project's start has no period. An indicator outside the results matrix has no year: the plan's end.
    """
    if not indicator.is_quantitative or indicator.target is None:
        return
    ends_on = date(indicator.source.target_year, 12, 31) if indicator.source_id else implementation.ends_on
    if ends_on <= implementation.starts_on:
        return
    period_element = sub(element, "period")
    sub(period_element, "period-start", iso_date=iso_date(implementation.starts_on))
    sub(period_element, "period-end", iso_date=iso_date(ends_on))
    sub(period_element, "target", value=amount(indicator.target))


def results(activity, project):
    implementation = getattr(project, "implementation", None)
    if implementation is None:
        return
    indicators = list(implementation.indicators.all())
    for component, grouped in _group(indicators):
        result = sub(activity, "result", type=OUTPUT if component is not None else OUTCOME, aggregation_status="0")
        if component is not None:
            title = {"es": component.title}
        else:
            title = (
                {"es": project.general_objective}
                if project.general_objective
                else both_languages(_("General objective"))
            )
        narratives(sub(result, "title"), title)
        for indicator in grouped:
            _indicator(result, indicator, implementation)
