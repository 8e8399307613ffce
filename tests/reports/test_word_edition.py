"""The Word edition is a document an editor finishes in Word: styles, fields, captions, charts, links, language."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from docx import Document as WordDocument
from docx.oxml.ns import qn
from lxml import html as lxml_html

from axs_platform.charts import horizontal_bar_chart
from projects.models import Proposal
from reports.editions import edition_docx, edition_html
from reports.exhibits import number_exhibits
from reports.services import narrative_text_save
from reports.word import html_to_docx, ooxml
from surveys.models import Survey, SurveyPurpose
from tests.reports.test_publication import END, START
from tests.reports.word_notes import word_notes

pytestmark = pytest.mark.django_db

FUTURE_ES = (
    "La AxS **sigue** en *marcha*.[^plan] Véase [el sitio de la AMEXCID](https://www.gob.mx/amexcid) "
    "y [las sesiones](/comites/sesiones/).\n\n"
    "[^plan]: AMEXCID (2018). Plan de trabajo."
)
FUTURE_EN = (
    "The AxS **goes** *on*.[^plan] See [AMEXCID's site](https://www.gob.mx/amexcid) "
    "and [the sessions](/comites/sesiones/).\n\n[^plan]: AMEXCID (2018)."
)


def _word(language):
    with translation.override(language):
        return WordDocument(io.BytesIO(edition_docx(START, END, "Sistematización"))), edition_html(START, END)


def _instructions(element):
    return " ".join(" ".join(element.xpath(".//w:instrText/text()")).split())


def _future(demo):
    staff = get_user_model().objects.get(email="staff@amexcid.example")
    narrative_text_save(actor=staff, part="future", body_es=FUTURE_ES, body_en=FUTURE_EN)


def test_headings_are_word_headings_and_the_contents_and_lists_are_fields_word_updates(demo):
    word, _html = _word("es-mx")
    styles = {p.text: p.style.name for p in word.paragraphs}
    chapter_1 = "1. La Agencia Mexicana de Cooperación Internacional para el Desarrollo y la vinculación con el sector"
    assert styles[f"{chapter_1} privado"] == "Heading 1"
    assert styles["Aciertos"] == "Heading 2" and styles["Recomendaciones"] == "Heading 2"
    assert styles["Alianza por la Sostenibilidad"] == "Title"
    fields = [_instructions(p._p) for p in word.paragraphs if p._p.xpath(".//w:instrText")]
    assert 'TOC \\o "1-2" \\h \\z \\u' in fields
    for series in ("Figura", "Gráfica", "Cuadro"):
        assert f'TOC \\h \\z \\c "{series}"' in fields
    assert "Índice de figuras" in styles and "Índice de gráficas" in styles and "Índice de cuadros" in styles
    contents = [p.text for p in word.paragraphs if p.style.name == "toc 1"]
    assert "5. Hacia el futuro" in contents
    assert word.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    # Until Word updates it, the contents field shows the headings, each a link to its heading's bookmark.
    entry = next(p for p in word.paragraphs if p.style.name == "toc 1" and p.text == "5. Hacia el futuro")
    chapter = next(p for p in word.paragraphs if p.style.name == "Heading 1" and p.text == "5. Hacia el futuro")
    assert entry._p.xpath("./w:hyperlink/@w:anchor") == chapter._p.xpath("./w:bookmarkStart/@w:name") != []


def test_captions_count_with_seq_fields_and_tables_repeat_their_header_row(demo):
    word, html = _word("es-mx")
    captions = [p for p in word.paragraphs if p.style.name == "Caption"]
    figures = [p for p in captions if p.text.startswith("Figura ")]
    charts = [p for p in captions if p.text.startswith("Gráfica ")]
    tables = [p for p in captions if p.text.startswith("Cuadro ")]
    # The seed's three figures with the seed's numbers; the plenaries' chart, between the second and the third,
    # is the first of the report's own charts.
    assert [p.text.split(".")[0] for p in figures] == ["Figura 1", "Figura 2", "Figura 3"]
    assert figures[2].text == "Figura 3. Convergencia entre las empresas y la AMEXCID"
    assert charts[0].text == "Gráfica 1. Organizaciones en cada sesión plenaria"
    assert all(_instructions(p._p) == "SEQ Figura \\* ARABIC" for p in figures)
    assert all(_instructions(p._p) == "SEQ Gráfica \\* ARABIC" for p in charts)
    assert all(_instructions(p._p) == "SEQ Cuadro \\* ARABIC" for p in tables)
    assert len(figures) == html.count('<figcaption><span class="exhibit-label">Figura')
    assert len(charts) == html.count('<figcaption><span class="exhibit-label">Gráfica')
    assert len(tables) == html.count('<caption><span class="exhibit-label">Cuadro')
    sources = next(t for t in word.tables if t._tbl.xpath(".//w:tblCaption/@w:val") == [tables[-1].text])
    assert sources.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
    assert [cell.text for cell in sources.rows[0].cells] == ["Cifra", "Valor", "Fecha", "Fuente"]


def test_charts_are_pictures_with_alt_text_and_their_values_are_in_the_page_s_table_with_its_own_labels(demo):
    word, html = _word("es-mx")
    descriptions = word.element.body.xpath(".//wp:docPr/@descr")
    assert any(text.startswith("ODS prioritarios elegidos por las organizaciones.") for text in descriptions)
    assert len(word.inline_shapes) >= 1 + html.count('class="axs-chart"')
    captions = [table._tbl.xpath(".//w:tblCaption/@w:val") for table in word.tables]
    assert ["ODS prioritarios elegidos por las organizaciones"] not in captions  # no second table read from the chart
    page = lxml_html.fragment_fromstring(html, create_parent="div")
    caption = " ".join(page.xpath("//table[@id='table-sdg_ranking']/caption")[0].text_content().split())
    ranking = next(table for table in word.tables if table._tbl.xpath(".//w:tblCaption/@w:val") == [caption])
    assert ranking.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
    assert [cell.text for cell in ranking.rows[0].cells] == ["ODS", "Organizaciones que respondieron"]
    values = sorted((row.cells[0].text, row.cells[1].text) for row in ranking.rows[1:])
    rows = page.xpath("//table[@id='table-sdg_ranking']/tbody/tr")
    assert values == sorted(tuple(" ".join(td.text_content().split()) for td in row.xpath("./td")) for row in rows)


def test_a_chart_with_no_table_of_its_figures_after_it_gets_one_read_back_from_it():
    chart = horizontal_bar_chart([("Educación", 3), ("Energía", 2)], title="Sesiones por comité", shares=False)
    written = {}
    for after in ("", "<table><tr><th>Comité</th><th>Sesiones</th></tr><tr><td>Educación</td><td>3</td></tr></table>"):
        document = WordDocument()
        root = lxml_html.fragment_fromstring(f"<figure>{chart}</figure>{after}", create_parent="div")
        with translation.override("es-mx"):
            html_to_docx(document, root, "es-MX")
        written[after] = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    assert written[""] == [["Categoría", "Valor"], ["Educación", "3"], ["Energía", "2"]]
    assert [table for after, table in written.items() if after] == [[["Comité", "Sesiones"], ["Educación", "3"]]]


def test_links_emphasis_and_notes_survive_and_each_language_is_marked_for_word(demo, settings):
    settings.AXS_SITE_URL = "https://axs.example"
    _future(demo)
    editions = (("es-mx", "es-MX", "La AxS sigue", "sigue", "marcha"), ("en", "en-US", "The AxS goes", "goes", "on"))
    for language, tag, start, bold, italic in editions:
        word, html = _word(language)
        assert word.core_properties.language == tag and word.core_properties.author == "AMEXCID"
        defaults = word.styles.element.find(qn("w:docDefaults")).iter(qn("w:lang"))
        assert [element.get(qn("w:val")) for element in defaults] == [tag]
        assert word.styles["Normal"].element.xpath("./w:rPr/w:lang/@w:val") == [tag]
        paragraph = next(p for p in word.paragraphs if p.text.startswith(start))
        runs = {run.text: run for run in paragraph.runs}
        assert runs[bold].bold and runs[italic].italic
        links = [word.part.rels[link.get(qn("r:id"))].target_ref for link in paragraph._p.xpath(".//w:hyperlink")]
        # A link to a page of the site leads to it from the Word file: the site's address goes before its path.
        assert links == ["https://www.gob.mx/amexcid", "https://axs.example/comites/sesiones/"]
        # The chapter's note is a footnote of the paragraph, numbered as in the report's one numbering, not 1.
        number = int(re.search(r'id="future-fn(\d+)"', html).group(1))
        notes, _calls, _again = word_notes(word)
        assert number > 1 and paragraph._p.xpath(".//w:footnoteReference")
        assert notes[number] == ("AMEXCID (2018). Plan de trabajo." if language == "es-mx" else "AMEXCID (2018).")


def test_word_numbers_the_footnotes_in_order_and_one_out_of_order_carries_its_number_as_its_mark():
    document = WordDocument()
    footnotes = ooxml.Footnotes(document)
    paragraph = document.add_paragraph("Uno")
    for number in (1, 2, 7):
        _run, footnote = footnotes.call(paragraph, number)
        footnotes.add_paragraph(footnote).add_run(f"Nota {number}.")
    buffer = io.BytesIO()
    document.save(buffer)
    notes, calls, again = word_notes(WordDocument(buffer))
    assert notes == {1: "Nota 1.", 2: "Nota 2.", 7: "Nota 7."} and calls == [1, 2, 7] and again == set()
    references = paragraph._p.xpath(".//w:footnoteReference")
    assert [reference.get(qn("w:customMarkFollows")) for reference in references] == [None, None, "1"]
    # A footnote Word numbers shows its number with a footnoteRef; one with a custom mark (ECMA-376 17.11.14) has no
    # footnoteRef in its text, which starts with the mark as literal text, once.
    namespaces = {"w": qn("w:p").split("}")[0][1:]}
    marks = [
        (
            len(footnote.xpath(".//w:footnoteRef", namespaces=namespaces)),
            footnote.xpath("string(./w:p[1])", namespaces=namespaces),
        )
        for footnote in footnotes.part.element.xpath("./w:footnote[not(@w:type)]", namespaces=namespaces)
    ]
    assert marks == [(1, " Nota 1."), (1, " Nota 2."), (0, "7 Nota 7.")]


def test_a_table_s_columns_are_as_wide_as_what_they_hold_and_a_short_table_stays_on_one_page():
    source = "AMEXCID (2016). Se realizó la instalación de los comités de trabajo de la Alianza por la Sostenibilidad."
    rows = "".join(f"<tr><td>{year}</td><td>{source}</td></tr>" for year in (2016, 2017))
    document = WordDocument()
    html_to_docx(document, lxml_html.fragment_fromstring(f"<table>{rows}</table>", create_parent="div"), "es-MX")
    table = document.tables[0]
    year, reference = (column.width for column in table.columns)
    section = document.sections[0]
    assert year < reference and year + reference <= section.page_width - section.left_margin - section.right_margin
    assert [cell.width for cell in table.rows[0].cells] == [year, reference]
    assert all(row._tr.xpath("./w:trPr/w:cantSplit") for row in table.rows)
    assert table.rows[0].cells[0].paragraphs[0].paragraph_format.keep_with_next


def test_a_paragraph_that_introduces_a_list_stays_on_its_page():
    document = WordDocument()
    html = "<p>Cifras registradas de documentos:</p><ul><li>Una</li></ul><p>Texto.</p><ul><li>Dos</li></ul>"
    html_to_docx(document, lxml_html.fragment_fromstring(html, create_parent="div"), "es-MX")
    kept = {p.text: p.paragraph_format.keep_with_next for p in document.paragraphs}
    assert kept["Cifras registradas de documentos:"] and not kept["Texto."]


def test_the_cover_s_sdgs_keep_their_colours():
    document = WordDocument()
    goals = (("c5192d", "ffffff", 4), ("fcc30b", "000000", 7))
    spans = "".join(
        f'<span style="background: #{fill}; color: #{text};">{number}</span>' for fill, text, number in goals
    )
    html = f'<div class="cover-goals">{spans}</div>'
    html_to_docx(document, lxml_html.fragment_fromstring(html, create_parent="div"), "es-MX")
    runs = [run for run in document.paragraphs[0].runs if run.text.strip()]
    assert [run.text.strip() for run in runs] == ["4", "7"]
    assert [run._r.xpath("./w:rPr/w:shd/@w:fill")[0] for run in runs] == ["C5192D", "FCC30B"]
    assert [str(run.font.color.rgb) for run in runs] == ["FFFFFF", "000000"]


def test_a_note_nothing_calls_is_kept_with_its_number_where_its_list_was():
    html = (
        '<p>Texto<sup class="footnote-ref"><a href="#agency-fn1">1</a></sup>.</p><section class="footnotes"><ol>'
        '<li id="agency-fn1"><p>Nota llamada.</p></li><li id="agency-fn2"><p>Nota sin llamada.</p></li></ol></section>'
    )
    document = WordDocument()
    html_to_docx(document, lxml_html.fragment_fromstring(html, create_parent="div"), "es-MX")
    buffer = io.BytesIO()
    document.save(buffer)
    notes, calls, _again = word_notes(WordDocument(buffer))
    assert notes == {1: "Nota llamada."} and calls == [1]
    assert [(p.text, p.style.name) for p in document.paragraphs[1:]] == [("2. Nota sin llamada.", "footnote text")]


def test_records_written_only_in_spanish_are_marked_spanish_in_the_english_editions(demo):
    project = Proposal.objects.get(title="Habilidades digitales para jóvenes")
    spanish_only = [project.title, project.general_objective, project.indicators.get(component__isnull=True).name]
    word, html = _word("en")
    articles = lxml_html.fragment_fromstring(html, create_parent="div").iter("article")
    article = next(a for a in articles if project.title in a.text_content())
    marked = [span.text for span in article.xpath(".//span[@lang='es']")]
    assert all(text in marked for text in spanish_only), marked
    # The committee's name has an English value: it keeps the document's language.
    committee = article.xpath(".//p[contains(@class, 'muted')]")[0]
    assert committee.text.startswith(project.committee.name_en) and not committee.xpath(".//*[@lang]")

    def language_of(text):
        runs = [run for paragraph in word.paragraphs for run in paragraph.runs if run.text.strip() == text]
        assert runs, text
        return {tuple(run._r.xpath("./w:rPr/w:lang/@w:val")) for run in runs}

    assert all(language_of(text) == {("es-MX",)} for text in spanish_only)
    assert language_of("General objective:") == {()}
    # In the Spanish edition the same records are the document's language: nothing to mark.
    word, html = _word("es-mx")
    assert f'<span lang="es">{project.title}</span>' not in html
    assert language_of(project.title) == {()}


def test_a_survey_title_with_no_english_value_is_marked_spanish_in_the_english_edition(demo):
    survey = Survey.objects.get(purpose=SurveyPurpose.PRIORITIES)
    with translation.override("en"):
        assert survey.title_language == "en" and not edition_html(START, END).count(f'lang="es">{survey.title_es}<')
    Survey.objects.filter(pk=survey.pk).update(title_en="")
    with translation.override("en"):
        html = edition_html(START, END)
    # In the priorities survey's paragraph and in the stage's timeline.
    assert (
        f'<span lang="es">{survey.title_es}</span>' in html and f'<strong lang="es">{survey.title_es}</strong>' in html
    )


def test_a_seed_figure_keeps_its_number_when_an_earlier_one_is_not_drawn_and_its_seq_field_agrees():
    data = {"survey": None, "plenaries": [], "committees": [], "projects_by_committee": []}
    with translation.override("es-mx"):
        numbered, ordered = number_exhibits(
            data, {"participation": "<svg/>"}, {"model": "<svg/>", "convergence": "<svg/>"}
        )
    assert [entry["label"] for entry in ordered] == ["Figura 2", "Gráfica 1", "Figura 3", "Cuadro 1"]
    assert numbered["figure_participation"]["anchor"] == "figure-participation"
    label = '<figure><figcaption><span class="exhibit-label">{label}.</span> {caption}</figcaption></figure>'
    captions = "".join(label.format(**entry) for entry in ordered[:3])
    document = WordDocument()
    with translation.override("es-mx"):
        html_to_docx(document, lxml_html.fragment_fromstring(captions, create_parent="div"), "es-MX")
    # Word counts each series when it updates the fields: the first figure drawn restarts the count at its number.
    assert [_instructions(p._p) for p in document.paragraphs if p.style.name == "Caption"] == [
        "SEQ Figura \\* ARABIC \\r 2",
        "SEQ Gráfica \\* ARABIC",
        "SEQ Figura \\* ARABIC",
    ]
