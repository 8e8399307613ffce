"""A period's dates read as the page's language writes short dates, in its name, messages and choices."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from monitoring import services
from monitoring.forms import ReportForm


def test_a_period_names_its_dates_as_the_language_writes_them(scene):
    first = scene.periods[0]
    with translation.override("es"):
        assert str(first) == "Periodo 1 (01/01/2024 – 31/03/2024)"
    with translation.override("en"):
        assert str(first) == "Period 1 (01/01/2024 – 03/31/2024)"


def test_the_refusal_of_a_report_not_yet_started_writes_the_date_in_spanish(scene):
    with translation.override("es"), pytest.raises(ValidationError) as error:
        services.report_start(actor=scene.lead, period=scene.periods[1], today=datetime.date(2024, 2, 1))
    assert "01/04/2024" in error.value.messages[0]


def test_the_milestones_offered_in_the_report_form_carry_localized_dates(scene):
    milestones = list(scene.implementation.milestones.all())
    with translation.override("es"):
        form = ReportForm(indicators=[], milestones=milestones, contributions=[])
    labels = [label for _pk, label in form.fields["milestones"].choices]
    assert labels and all("-" not in label.rsplit(" · ", 1)[1] for label in labels)
