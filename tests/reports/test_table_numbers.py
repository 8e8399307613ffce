"""The seed's one table, "Cuadro 1. Comités de Trabajo" (seed line 449), is "Cuadro 1" / "Table 1" in every edition.

A chart's data table follows it as its accessible twin: it keeps a caption, which names the chart ("Datos de la
Gráfica 1"), and is no "Cuadro" of its own, so no table of the report comes before the seed's. A chart's caption and
its entry in the contents are one text.
"""

import io
import itertools
import re

import pytest
from django.utils import translation
from docx import Document as WordDocument
from lxml import html as lxml_html

from documents.models import Document
from reports.editions import edition_docx, edition_html
from reports.exhibits import number_exhibits
from tests.reports.test_publication import END, START

pytestmark = pytest.mark.django_db

# The seed's table, then the report's own tables, as each language prints them.
TABLES = {
    "es-mx": [
        "Cuadro 1. Comités de trabajo",
        "Cuadro 2. Proyectos estructurados en el periodo, por comité",
        "Cuadro 3. Proyectos estructurados en el periodo, por estado al cierre del periodo",
        "Cuadro 4. Cifras tomadas de documentos y sus fuentes",
    ],
    "en": [
        "Table 1. Working committees",
        "Table 2. Projects structured in the period, by committee",
        "Table 3. Projects structured in the period, by state at the end of the period",
        "Table 4. Figures recorded from documents and their sources",
    ],
}
# Each chart's caption and the start of its data table's caption.
CHARTS = {
    "es-mx": [
        ("Gráfica 1. Organizaciones en cada sesión plenaria", "Datos de la Gráfica 1. Sesiones plenarias"),
        ("Gráfica 2. Tasa de respuesta de la encuesta de prioridades", "Datos de la Gráfica 2. Invitaciones"),
        ("Gráfica 3. ODS prioritarios elegidos por las organizaciones", "Datos de la Gráfica 3. Organizaciones que"),
    ],
    "en": [
        ("Chart 1. Organizations at each plenary session", "Data for Chart 1. Plenary sessions"),
        ("Chart 2. Response rate of the priorities survey", "Data for Chart 2. Invitations"),
        ("Chart 3. Priority SDGs chosen by the organizations", "Data for Chart 3. Respondents who"),
    ],
}
TABLE_WORD = {"es-mx": "Cuadro", "en": "Table"}


def _words(element):
    return " ".join(element.text_content().split())


def test_the_pdf_prints_the_seed_s_cuadro_1_and_each_chart_s_data_under_the_chart_s_number(demo_report_pdfs):
    for language in ("es-mx", "en"):
        document = demo_report_pdfs[language]
        assert document.status == Document.Status.READY, document.error
        text = " ".join(document.text.split())
        # In the contents and over the table, with nothing numbered before it in its series.
        for caption in TABLES[language]:
            assert text.count(caption) == 2, (language, caption)
        word = TABLE_WORD[language]
        assert sorted(set(re.findall(rf"\b{word} (\d+)\. ", text))) == ["1", "2", "3", "4"], language
        for chart, data in CHARTS[language]:
            assert text.count(chart) == 2, (language, chart)  # the contents' entry is the caption
            assert text.count(data) == 1, (language, data)  # over the table only: the contents list the chart
            assert text.index(chart, text.index(data) - 2000) < text.index(data)


@pytest.mark.parametrize("language", ["es-mx", "en"])
def test_the_web_and_word_editions_number_the_seed_s_table_1_and_caption_each_chart_s_data(demo, language):
    with translation.override(language):
        html = edition_html(START, END)
        word = WordDocument(io.BytesIO(edition_docx(START, END, "Sistematización")))
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    tables = [_words(caption) for caption in root.xpath("./section//table/caption[span[@class='exhibit-label']]")]
    assert tables == TABLES[language]
    assert _words(root.get_element_by_id("table-committees").find("caption")) == TABLES[language][0]
    # Each chart's data table: right after the chart, captioned with its number, not a numbered table of its own.
    for (chart, data), key in zip(CHARTS[language], ("plenaries", "response_rate", "sdg_ranking"), strict=True):
        table = root.get_element_by_id(f"table-{key}")
        caption = table.find("caption")
        assert _words(caption).startswith(data) and not caption.xpath(".//span[@class='exhibit-label']")
        assert _words(table.getprevious().find("figcaption")) == chart
    # One text for a caption and its entry in the contents.
    listed = [_words(link) for link in root.xpath("./nav/ul[2]/li/a")]
    captions = [_words(label.getparent()) for label in root.xpath("./section//*[@class='exhibit-label']")]
    assert listed == captions
    assert not any(entry.startswith(CHARTS[language][0][1].split(" 1.")[0]) for entry in listed)
    # Word: the same captions, the tables counted by a SEQ field from the seed's 1, the data captions by none.
    paragraphs = [p for p in word.paragraphs if p.style.name == "Caption"]
    numbered = [p for p in paragraphs if p.text.startswith(f"{TABLE_WORD[language]} ")]
    assert [p.text for p in numbered] == TABLES[language]
    fields = [" ".join(" ".join(p._p.xpath(".//w:instrText/text()")).split()) for p in numbered]
    assert fields == [f"SEQ {TABLE_WORD[language]} \\* ARABIC"] * len(TABLES[language])
    for chart, data in CHARTS[language]:
        caption = next(p for p in paragraphs if p.text.startswith(data))
        assert not caption._p.xpath(".//w:instrText")
        assert any(p.text == chart for p in paragraphs)
    entries = [p.text for p in word.paragraphs if p.style.name == "table of figures"]
    assert [e for e in entries if e.startswith(f"{TABLE_WORD[language]} ")] == TABLES[language]
    assert not any(e.startswith(CHARTS[language][0][1].split(" 1.")[0]) for e in entries)


def test_whatever_the_period_draws_no_number_collides_and_each_series_goes_up_in_reading_order():
    flags = ("plenaries", "participation", "survey", "ranking", "committees", "projects", "system", "convergence")
    for drawn in itertools.product((False, True), repeat=len(flags)):
        present = dict(zip(flags, drawn, strict=True))
        survey = {"ranking": [1] if present["ranking"] else [], "ranking_answered": 3} if present["survey"] else None
        data = {
            "survey": survey,
            "plenaries": [1] if present["plenaries"] else [],
            "committees": [1] if present["committees"] else [],
            "projects_by_committee": [1] if present["projects"] else [],
        }
        charts = {"participation": 1} if present["participation"] and present["plenaries"] else {}
        if survey:
            charts["response_rate"] = 1
            if survey["ranking"]:
                charts["sdg_ranking"] = 1
        diagrams = {key: 1 for key in ("system", "convergence") if present[key]} | {"model": 1}
        with translation.override("es-mx"):
            numbered, ordered = number_exhibits(data, charts, diagrams)
        for series in ("Figura", "Gráfica", "Cuadro"):
            numbers = [int(e["label"].split()[1]) for e in ordered if e["label"].startswith(f"{series} ")]
            assert numbers == sorted(set(numbers)), (present, series)
        if present["committees"]:
            assert numbered["table_committees"]["label"] == "Cuadro 1"
        # A chart's data table is not in the contents; with no chart drawn it has no label.
        assert all(not (e["label"] or "").startswith("Datos") for e in ordered)
        if present["plenaries"]:
            label = numbered["table_plenaries"]["label"]
            assert label == (
                f"Datos de la {numbered['figure_participation']['label']}" if charts.get("participation") else None
            )
