"""The seed's three diagrams in the report: the cooperation system's timeline, the alliance's model, the convergence.

Each is an accessible inline SVG drawn from the records (reports.diagrams), numbered as the seed numbers it (the
report's own charts are "Gráficas", a series of their own), listed in the contents and followed by its text
alternative, in the PDF, the web edition and the Word file.
"""

import datetime
import io
import re

import pytest
from django.utils import translation
from docx import Document as WordDocument
from lxml import etree
from lxml import html as lxml_html

from axs_platform.dates import DatePrecision
from documents.models import Document
from reports import demo as demo_narrative
from reports.diagrams import timeline_diagram
from reports.editions import edition_docx, edition_html
from reports.models import Milestone, Stage
from reports.selectors import report_data
from reports.word.charts import chart_table

pytestmark = pytest.mark.django_db

START, END = datetime.date(2016, 5, 1), datetime.date(2018, 3, 31)
# (anchor, Spanish caption, English caption), in reading order.
DIAGRAMS = [
    ("figure-system", "Sistema Mexicano de Cooperación Internacional para el Desarrollo",
     "Mexican International Development Cooperation System"),
    ("figure-model", "Modelo general de la AxS", "General model of the AxS"),
    ("figure-convergence", "Convergencia entre las empresas y la AMEXCID",
     "Convergence between the companies and AMEXCID"),
]  # fmt: skip
# The seed's dates of Figure 1, at the precision the seed gives them.
SEED_DATES = {
    "es-mx": ["6 de abril de 2011", "28 de septiembre de 2011", "13 de diciembre de 2013", "enero de 2014",
              "30 de abril de 2014", "23 de junio de 2014", "25 de septiembre de 2015", "19 de mayo de 2016"],
    "en": ["April 6, 2011", "September 28, 2011", "December 13, 2013", "January 2014", "April 30, 2014",
           "June 23, 2014", "September 25, 2015", "May 19, 2016"],
}  # fmt: skip
LABEL = {"es-mx": "Figura", "en": "Figure"}
COLUMN = {"es-mx": 1, "en": 2}


def _numbers(text, language):
    """Each diagram's number as the text prints it before its caption (the contents and the figure itself)."""
    numbers = []
    for diagram in DIAGRAMS:
        caption = diagram[COLUMN[language]]
        found = re.findall(rf"{LABEL[language]} (\d+)\. {re.escape(caption)}", text)
        assert len(found) >= 2, (language, caption, found)  # in the contents and under the figure
        assert len(set(found)) == 1, (language, caption, found)
        numbers.append(int(found[0]))
    return numbers


def _expected_numbers():
    """The seed's numbers: "Figura 1." (seed line 346), "Figura 2." (line 381), "Figura 3." (line 432, cited at 430)."""
    return [1, 2, 3]


def test_the_pdf_numbers_the_diagrams_lists_them_and_prints_the_seed_dates(demo_report_pdfs):
    for language in ("es-mx", "en"):
        document = demo_report_pdfs[language]
        assert document.status == Document.Status.READY, document.error
        text = " ".join(document.text.split())
        assert _numbers(text, language) == _expected_numbers()
        # The timeline's list, after its caption (the last time the caption is printed: the contents come first).
        body = text[text.rindex(f"{LABEL[language]} 1. {DIAGRAMS[0][COLUMN[language]]}") :][:2500]
        for day in SEED_DATES[language]:
            assert day in body, (language, day)


@pytest.mark.parametrize("language", ["es-mx", "en"])
def test_the_web_and_word_editions_have_the_diagrams_in_order_with_their_text(demo, language):
    with translation.override(language):
        root = lxml_html.fragment_fromstring(edition_html(START, END), create_parent="div")
        word = WordDocument(io.BytesIO(edition_docx(START, END, "Sistematización")))
    figures = [root.get_element_by_id(anchor) for anchor, *_captions in DIAGRAMS]
    order = list(root.iter())
    assert [order.index(f) for f in figures] == sorted(order.index(f) for f in figures)
    # Where the seed places them: chapter 1, chapter 2 before its stages, the start of the priorities stage.
    assert figures[0].xpath("ancestor::section[@id='agency']")
    assert figures[1].xpath("ancestor::section[@id='stages']")
    assert not figures[1].xpath("ancestor::section[@class='stage']")
    assert figures[2].xpath("ancestor::section[@class='stage']/h3[@id='stage-priorities']")
    captions = [" ".join(f.find("figcaption").text_content().split()) for f in figures]
    assert captions == [
        f"{LABEL[language]} {n}. {d[COLUMN[language]]}" for n, d in zip(_expected_numbers(), DIAGRAMS, strict=True)
    ]
    contents = [" ".join(a.text_content().split()) for a in root.xpath("//nav//a[starts-with(@href, '#figure-')]")]
    assert captions == [entry for entry in contents if entry in captions]
    for figure in figures:
        svg = figure.find("svg")
        assert svg.get("role") == "img" and svg.find("title").text and svg.find("desc").text
        assert "http" not in etree.tostring(svg, encoding="unicode").replace("http://www.w3.org/2000/svg", "")
        assert chart_table(svg) is None  # the Word edition's chart reader finds no values in a diagram
    # The text alternatives: the milestones with their dates, the stages, the priority SDGs.
    timeline = " ".join(figures[0].getnext().text_content().split())
    for day in SEED_DATES[language]:
        assert day in timeline
    assert "Registro Nacional de Cooperación Internacional para el Desarrollo (AMEXCID, 2014)" in timeline or (
        "National Registry of International Development Cooperation (AMEXCID, 2014)" in timeline
    )
    stages = [" ".join(li.text_content().split()) for li in figures[1].getnext().iter("li")]
    assert stages == (
        ["Etapa 1: Acercamiento y diálogo", "Etapa 2: Identificación de prioridades",
         "Etapa 3: Estructuración de proyectos", "Etapa 4: Implementación de proyectos"]
        if language == "es-mx"
        else ["Stage 1: Approach and dialogue", "Stage 2: Identification of priorities",
              "Stage 3: Structuring of projects", "Stage 4: Implementation of projects"]
    )  # fmt: skip
    goals = " ".join(figures[2].getnext().text_content().split())
    for number in (4, 7, 10, 11, 12):
        assert f"{'ODS' if language == 'es-mx' else 'SDG'} {number}:" in goals
    if language == "en":
        assert "Quality Education" in goals or "Quality education" in goals
    paragraphs = [" ".join(p.text.split()) for p in word.paragraphs]
    # Each caption twice: in the list of figures, then under its picture, in reading order.
    positions = [[i for i, p in enumerate(paragraphs) if p == caption] for caption in captions]
    assert [len(found) for found in positions] == [2, 2, 2]
    assert [found[1] for found in positions] == sorted(found[1] for found in positions)
    assert any(p.startswith(SEED_DATES[language][0]) for p in paragraphs)


def test_a_milestone_known_to_the_year_prints_only_the_year(demo):
    with translation.override("es-mx"):
        milestones = report_data(START, END)["system_milestones"]
        year = next(m for m in milestones if m.date_precision == DatePrecision.YEAR)
        assert year.happened_on.year == 2014
        svg = str(timeline_diagram([year]))
        assert ">2014</tspan>" in svg and "enero" not in svg
        html = edition_html(START, END)
    assert f'<strong>2014</strong>. <span lang="es">{year.title_es}</span>' in html


def test_the_system_milestones_stay_out_of_the_stages_and_load_once(demo):
    milestones = Milestone.objects.filter(stage=Stage.SYSTEM)
    assert milestones.count() == len(demo_narrative.SYSTEM_MILESTONES)
    assert not milestones.filter(source__isnull=True).exists()
    data = report_data(START, END)
    assert [value for value, *_rest in data["stages"]] == ["approach", "priorities", "structuring", "implementation"]
    titles = {item["title"] for _value, _label, items, _figures in data["stages"] for item in items}
    assert "Alianza por la Sostenibilidad" not in titles  # a system milestone of the period is chapter 1's
    assert demo_narrative._system_milestones(demo_narrative._works()) == 0
    assert milestones.count() == len(demo_narrative.SYSTEM_MILESTONES)
