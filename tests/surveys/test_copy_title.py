"""A copy's Spanish title says “(copia)” and its English title “(copy)”, whatever the interface's language."""

import pytest
from django.utils import translation

from surveys import services

from .conftest import build_survey

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "es-mx"])
def test_a_copy_is_titled_in_each_language(staff, language):
    survey = build_survey(staff, title_es="Prueba nominal", title_en="Named test")
    with translation.override(language):
        copy = services.survey_copy(actor=staff, survey=survey)
    assert copy.title_es == "Prueba nominal (copia)"
    assert copy.title_en == "Named test (copy)"
