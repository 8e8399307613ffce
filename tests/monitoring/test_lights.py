"""The traffic light's rule, as the page writes it, and the indicator chart."""

import datetime

import pytest

from axs_platform.charts import Level, Series, line_chart
from monitoring import lights

from .conftest import approved_report

MAY_2024 = datetime.date(2024, 5, 15)  # period 1 (Jan–Mar 2024) is due; period 2 not yet


def _light(scene, today=MAY_2024):
    return lights.assess(scene.implementation, today)


@pytest.mark.parametrize(
    ("value", "light"),
    [("130", "on_track"), ("100", "at_risk"), ("50", "off_track")],
)
def test_the_light_compares_the_gain_with_the_straight_line_to_the_target(scene, value, light):
    # Expected by the end of March 2024: 1000 × 91 / 731 days ≈ 124.5 t.
    approved_report(scene, value=value)
    assert _light(scene).light == light


def test_a_split_target_sets_what_is_expected(scene):
    from monitoring import services

    targets = dict.fromkeys(scene.periods, "0")
    targets[scene.periods[0]] = "40"
    targets[scene.periods[-1]] = "960"
    services.indicator_split_target(actor=scene.secretary, indicator=scene.indicator, targets=targets)
    approved_report(scene, value="50")
    assert _light(scene).light == "on_track"


def test_an_overdue_report_makes_the_project_at_risk_and_two_due_periods_without_approval_inactive(scene):
    assert _light(scene).light == "at_risk" and _light(scene).overdue == 1
    assert _light(scene, datetime.date(2024, 8, 1)).light == "inactive"
    approved_report(scene, scene.periods[1], value="300")
    assert _light(scene, datetime.date(2024, 8, 1)).light != "inactive"


def test_the_line_chart_is_an_image_with_a_title_and_escaped_labels():
    svg = line_chart(
        ["1", "2"], [Series("<Aprobado>", ((0, 1), (1, 3)))], title="T & T", description="d",
        levels=[Level("Meta", 5)],
    )  # fmt: skip
    assert 'role="img"' in svg and "<title" in svg and "T &amp; T" in svg and "&lt;Aprobado&gt;" in svg
    assert "<polyline" in svg and svg.count("<circle") == 2


def test_on_track_reads_otherwise_than_in_progress_in_spanish():
    from django.utils import translation

    with translation.override("es"):
        assert str(lights.Light.ON_TRACK.label) == "En buen camino"
        assert str(lights.Light.ON_TRACK.label) != translation.gettext("In progress")
