"""The demo's narrative as the seed has it: each text in both languages, a Spanish stand-in marked as Spanish."""

import datetime

import pytest
from django.utils import translation

from reports import demo as demo_narrative
from reports.editions import edition_html
from reports.models import Finding, FindingKind, Milestone, ObjectiveContribution

pytestmark = pytest.mark.django_db

PERIOD = (datetime.date(2016, 5, 1), datetime.date(2018, 3, 31))


def _english_html():
    with translation.override("en"):
        return edition_html(*PERIOD)


def test_the_english_edition_prints_the_demos_findings_milestones_and_contributions_in_english(demo):
    for model in (Finding, Milestone, ObjectiveContribution):
        assert not model.objects.exclude(body_es="").filter(body_en="").exists(), model.__name__
    html = _english_html()
    assert "The 2030 Agenda made it possible to set a common language" in html
    assert "La Agenda 2030 permitió" not in html
    assert "A call was made to build synergies" in html
    assert "The AxS fosters links with the private sector" in html
    assert 'lang="es"' not in html.split('id="findings"')[1].split("</section>")[0]


def test_loading_again_gives_an_older_demo_the_english_texts_it_lacks_and_adds_no_row(demo):
    Finding.objects.update(body_en="")
    Milestone.objects.update(body_en="")
    ObjectiveContribution.objects.update(body_en="")
    counts = (Finding.objects.count(), Milestone.objects.count(), ObjectiveContribution.objects.count())
    assert demo_narrative._narrative() == 0
    assert counts == (Finding.objects.count(), Milestone.objects.count(), ObjectiveContribution.objects.count())
    success = Finding.objects.get(kind=FindingKind.SUCCESS, position=5)
    assert success.body_en.startswith("AMEXCID's leadership and its constant communication")


def test_a_text_without_its_english_is_marked_spanish_in_the_english_edition():
    Finding.objects.create(kind=FindingKind.CHALLENGE, title_es="Reto", title_en="Challenge", body_es="Solo en español")
    Milestone.objects.create(
        happened_on=datetime.date(2017, 6, 7), stage="structuring", title_es="Sesión", body_es="Texto del hito"
    )
    ObjectiveContribution.objects.create(reference="1.1.2", title_es="Fomentar", body_es="Aporte")
    html = _english_html()
    assert '<strong lang="en">Challenge</strong><div lang="es"><p>Solo en español</p></div>' in html
    assert '<strong lang="es">Sesión</strong><p lang="es">Texto del hito</p>' in html
    assert '<span lang="es">Fomentar</span></h3><div lang="es"><p>Aporte</p></div>' in html
