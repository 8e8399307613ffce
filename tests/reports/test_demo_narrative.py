"""The demo report true to the seed: each text in both languages (a Spanish stand-in marked so), lists, charts."""

import datetime

import pytest
from django.utils import translation

from reports import demo as demo_narrative
from reports.editions import edition_html
from reports.models import Acronym, BibliographyEntry, Finding, FindingKind, Milestone, ObjectiveContribution
from reports.selectors import report_charts, report_data

pytestmark = pytest.mark.django_db

PERIOD = (datetime.date(2016, 5, 1), datetime.date(2018, 3, 31))


def _english_html():
    with translation.override("en"):
        return edition_html(*PERIOD)


def test_the_english_edition_prints_the_demos_findings_milestones_and_contributions_in_english(demo):
    for model in (Finding, Milestone, ObjectiveContribution):
        assert not model.objects.exclude(body_es="").filter(body_en="").exists(), model.__name__
    html = _english_html()
    assert "was taken as the basis and made it possible to set a common language" in html
    assert "se tomó como base y permitió" not in html
    assert "A call was made to build synergies" in html
    assert "The AxS is a platform that fosters and strengthens the inclusion of" in html
    assert 'lang="es"' not in html.split('id="findings"')[1].split("</section>")[0]


def test_loading_again_gives_an_older_demo_the_english_texts_it_lacks_and_adds_no_row(demo):
    Finding.objects.update(body_en="")
    Milestone.objects.update(body_en="")
    ObjectiveContribution.objects.update(body_en="")
    counts = (Finding.objects.count(), Milestone.objects.count(), ObjectiveContribution.objects.count())
    assert demo_narrative._narrative() == 0
    assert counts == (Finding.objects.count(), Milestone.objects.count(), ObjectiveContribution.objects.count())
    success = Finding.objects.get(kind=FindingKind.SUCCESS, position=5)
    assert success.body_en.startswith("AMEXCID's leadership in coordinating the Alliance's activities")


def test_a_text_without_its_english_is_marked_spanish_in_the_english_edition():
    Finding.objects.create(kind=FindingKind.CHALLENGE, title_es="Reto", title_en="Challenge", body_es="Solo en español")
    Milestone.objects.create(
        happened_on=datetime.date(2017, 6, 7), stage="structuring", title_es="Sesión", body_es="Texto del hito"
    )
    ObjectiveContribution.objects.create(reference="1.1.2", title_es="Fomentar", body_es="Aporte")
    html = _english_html()
    assert '<strong lang="en">Challenge</strong><div lang="es"><p>Solo en español</p></div>' in html
    assert '<strong lang="es">Sesión</strong><p lang="es">Texto del hito</p>' in html
    assert '<span lang="es">Fomentar</span></h4><div lang="es"><p>Aporte</p>\n</div>' in html


SEED_ACRONYMS = [
    "AMEXCID",
    "ANTAD",
    "APF",
    "AxS",
    "BMZ",
    "CTE",
    "CID",
    "DG",
    "DGCREB",
    "FONCID",
    "GIZ",
    "LCID",
    "ODS",
    "PND",
    "PROCID",
    "PyMES",
    "RENCID",
    "SRE",
]


def test_the_demo_has_the_seeds_acronyms_recommendations_and_programme_lines(demo):
    assert sorted(Acronym.objects.values_list("acronym", flat=True)) == sorted(SEED_ACRONYMS)
    assert not Acronym.objects.filter(meaning_en="").exists()
    assert Acronym.objects.get(acronym="BMZ").meaning_es == (
        "Ministerio Federal de Cooperación Económica y Desarrollo de Alemania"
    )
    last = Finding.objects.filter(kind=FindingKind.RECOMMENDATION).order_by("position").last()
    assert (last.position, last.title_es[:48]) == (8, "Otras tareas para la AMEXCID en el corto plazo: ")
    references = list(ObjectiveContribution.objects.values_list("reference", flat=True))
    assert references == ["1.1.2", "1.2.4", "1.2.7", "2.1.3", "3", "4.1.1", "4.1.7"]
    line = ObjectiveContribution.objects.get(reference="4.1.1")
    assert line.body_es.startswith("La AxS ha buscado promover la cooperación del sector privado en diversos temas")


def test_the_bibliography_has_every_work_the_seed_lists(demo):
    with translation.override("es-mx"):
        html = edition_html(*PERIOD)
    for expected in (
        "Agencia Española de Cooperación Internacional para el Desarrollo. (2016). <em>Compromiso de la AECID",
        "Agencia Peruana de Cooperación Internacional (APCI). (2017). <em>Las alianzas multiactor",
        "AMEXCID. (2016a). <em>Informe de Avance de México",
        "Business and Sustainable Development Commission. (2017). <em>Better business, better world</em>. Londres:",
        "Castellano Cereceda, R. (2017). <em>Los Objetivos de Desarrollo Sostenible en México",
        "GIZ. (2015). <em>Cooperación Triangular México-Alemania.",
        "GIZ. (2015a). <em>Construcción de una estrategia",
        "Netessine, S. y Popescu, I. (2014). <em>A learn startup approach to international development</em>.",
    ):
        assert expected in html, expected


def test_an_older_demo_gets_the_missing_seed_rows_once(demo):
    Acronym.objects.filter(acronym__in=["SRE", "PND"]).delete()
    ObjectiveContribution.objects.filter(reference__in=["3", "4.1.1"]).delete()
    Finding.objects.filter(kind=FindingKind.RECOMMENDATION, position=8).delete()
    BibliographyEntry.objects.filter(year=2014, authors__startswith="Netessine").delete()
    assert demo_narrative._narrative() == 5
    works = BibliographyEntry.objects.count()
    demo_narrative._works()
    assert BibliographyEntry.objects.count() == works + 1
    assert demo_narrative._narrative() == 0
    demo_narrative._works()
    assert BibliographyEntry.objects.count() == works + 1
    assert Acronym.objects.count() == 18
    references = list(ObjectiveContribution.objects.values_list("reference", flat=True))
    assert references == ["1.1.2", "1.2.4", "1.2.7", "2.1.3", "3", "4.1.1", "4.1.7"]


def test_the_plenary_chart_prints_counts_without_a_share_of_the_largest_bar(demo):
    svg = str(report_charts(report_data(*PERIOD))["participation"])
    assert ">81</text>" in svg
    assert "%" not in svg


def test_a_reported_count_prints_as_the_seed_states_it_and_the_survey_its_recorded_rate(demo):
    with translation.override("es-mx"):
        html = edition_html(*PERIOD)
    assert "Participaron más de 90 organizaciones." in html
    assert '<td class="num">más de 90</td><td class="small">Cifra reportada</td>' in html
    assert "Participaron 81 organizaciones." in html
    assert '<td class="num">alrededor de 90</td>' in html  # the seed's «unas 90»
    assert "61.0" in html and "61.1" not in html
