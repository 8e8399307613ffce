"""Figures a report accepts: no absurd percentages or negatives, numbers written as the site shows them."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from monitoring.models import Indicator
from monitoring.services.common import typed_parts, typed_value


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _indicator(value_type="number", baseline="0", target="500"):
    return Indicator(pk=7, name="Personas capacitadas", value_type=value_type, baseline=Decimal(baseline),
                     target=Decimal(target), disaggregation=["Mujeres", "Hombres"])  # fmt: skip


def _refusal(call):
    with pytest.raises(ValidationError) as error:
        call()
    return error.value.message_dict


@pytest.mark.parametrize("raw", ["500", "-20"])
def test_a_percentage_part_outside_0_to_100_is_refused_next_to_its_field(raw):
    messages = _refusal(lambda: typed_parts(_indicator("percentage", "0", "80"), Decimal(40), {"Mujeres": raw}))
    assert messages == {"part_7_0": [f"A percentage is between 0 and 100 (Mujeres); you wrote {raw}."]}


def test_a_negative_number_part_is_refused_next_to_its_field():
    messages = _refusal(lambda: typed_parts(_indicator(), Decimal(10), {"Mujeres": "30", "Hombres": "-20"}))
    assert messages == {"part_7_1": ["A part cannot be negative (Hombres); you wrote -20."]}


def test_a_negative_value_of_an_indicator_that_should_grow_is_refused():
    messages = _refusal(lambda: typed_value(_indicator(), "-50"))
    assert messages == {
        "value_7": [
            "This value cannot be negative: it is what the period achieved towards a target above the baseline; "
            "you wrote -50."
        ]
    }


def test_an_indicator_whose_target_is_below_its_baseline_reports_a_fall_and_its_parts():
    falling = _indicator(baseline="1000", target="600")  # e.g. tonnes of waste sent to landfill
    assert typed_value(falling, "-50") == (Decimal("-50.00"), None, "")
    assert typed_parts(falling, Decimal(-50), {"Mujeres": "-20", "Hombres": "-30"}) == {
        "Mujeres": "-20.00",
        "Hombres": "-30.00",
    }


def test_sound_figures_still_go_through():
    assert typed_value(_indicator(), "0") == (Decimal("0.00"), None, "")
    assert typed_parts(_indicator("percentage", "0", "80"), Decimal(40), {"Mujeres": "100", "Hombres": "0"}) == {
        "Mujeres": "100.00",
        "Hombres": "0.00",
    }


@pytest.mark.parametrize(("raw", "number"), [("1,250.5", Decimal("1250.50")), ("1250.5", Decimal("1250.50")),
                                             ("-1,000", None), ("12,345,678", Decimal("12345678.00"))])  # fmt: skip
def test_numbers_written_as_the_site_shows_them_are_read(raw, number):
    if number is None:  # a fall, for an indicator whose target is below its baseline
        number, indicator = Decimal("-1000.00"), _indicator(baseline="5000", target="1000")
    else:
        indicator = _indicator()
    assert typed_value(indicator, raw) == (number, None, "")


@pytest.mark.parametrize("raw", ["1e3", "1_000", "NaN", "Infinity", "1,25", "12,34.5", ",100", "1.", " 1 000", "١٢٣"])
def test_exponents_underscores_and_odd_groupings_are_refused(raw):
    assert _refusal(lambda: typed_value(_indicator(), raw)) == {
        "value_7": [f"“{raw}” is not a number; write digits and a decimal point, such as 1250.5 or 1,250.5."]
    }


def test_an_amount_with_grouping_commas_is_read_and_an_exponent_is_refused():
    from monitoring.services.common import to_amount

    assert to_amount("1,000", "budget_executed_mxn", negative_message="") == Decimal("1000.00")
    assert to_amount(" 1,250.50 ", "budget_executed_mxn", negative_message="") == Decimal("1250.50")
    assert _refusal(lambda: to_amount("1e3", "budget_executed_mxn", negative_message="")) == {
        "budget_executed_mxn": ["“1e3” is not an amount."]
    }
