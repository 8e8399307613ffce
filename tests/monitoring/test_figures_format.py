"""The report form and the indicator's chart write baseline and target as the tables beside them do."""

from django.urls import reverse
from django.utils import translation

from monitoring import charts, selectors, services


def test_the_report_form_writes_baseline_and_target_without_needless_decimals(client, scene):
    scene.indicator.refresh_from_db()
    assert scene.indicator.target == 1000
    report = services.report_start(actor=scene.lead, period=scene.periods[0])
    client.force_login(scene.lead)
    html = client.get(reverse("monitoring:report-edit", args=[report.pk])).content.decode()
    assert "Línea base 0 · Meta 1,000<" in html and "1000.00" not in html


def test_the_charts_description_writes_baseline_and_target_as_the_table(scene):
    periods = list(scene.implementation.periods.all())
    (indicator,) = selectors.indicator_series(scene.implementation, periods)
    with translation.override("en"):
        svg = charts.indicator_chart(indicator, periods)
    assert "target 1,000," in svg and "1000.00" not in svg
