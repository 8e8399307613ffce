"""One rounding rule for percentages: half up to one decimal, the same in Python, templates and charts."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from axs_platform.charts import Bar, horizontal_bar_chart
from axs_platform.figures import NO_BREAK_SPACE, format_percent, percent, round_percent


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (35, 90, Decimal("38.9")),  # truncating gave 38.8
        (2, 3, Decimal("66.7")),  # truncating gave 66.6
        (7, 9, Decimal("77.8")),
        (1, 8, Decimal("12.5")),
        (1, 16, Decimal("6.3")),  # 6.25: half up, not to even
        (1, 80, Decimal("1.3")),  # 1.25: half up, not to even
        (0, 5, Decimal("0.0")),
        (3, 0, Decimal("0.0")),
        (55, 90, Decimal("61.1")),
    ],
)
def test_a_share_is_rounded_half_up_to_one_decimal(part, whole, expected):
    assert percent(part, whole) == expected


def test_an_existing_float_percentage_is_rounded_half_up_not_by_its_binary_value():
    assert round(1.15, 1) == 1.1  # what Python's round gives: the float is 1.14999…
    assert round_percent(1.15) == Decimal("1.2")
    assert round_percent(None) is None


def test_the_shown_percentage_keeps_its_sign_on_the_same_line():
    with translation.override("es-mx"):
        assert format_percent(percent(35, 90)) == f"38.9{NO_BREAK_SPACE}%"
    with translation.override("en"):
        assert format_percent(Decimal("66.65")) == f"66.7{NO_BREAK_SPACE}%"
    assert format_percent(None) == "—"


def test_the_template_filters_apply_the_same_rule():
    html = Template("{% load figures %}{{ share|percent }} | {{ 35|percent_of:90 }} | {{ 1|percent_of:0 }}").render(
        Context({"share": 66.66})
    )
    assert html == f"66.7{NO_BREAK_SPACE}% | 38.9{NO_BREAK_SPACE}% | 0.0{NO_BREAK_SPACE}%"


def test_a_chart_shows_the_same_figure_as_the_table_beside_it():
    svg = horizontal_bar_chart([Bar("Sí", 35), Bar("No", 55)], title="Respuestas", total=90)
    assert f"35 (38.9{NO_BREAK_SPACE}%)" in svg and f"55 (61.1{NO_BREAK_SPACE}%)" in svg
    # A yes/no ballot counts its share over yes and no only: the chart shows the table's figure.
    svg = horizontal_bar_chart([Bar("Propuesta", 7, share=percent(7, 9))], title="Boleta", total=10)
    assert f"7 (77.8{NO_BREAK_SPACE}%)" in svg and "70.0" not in svg
