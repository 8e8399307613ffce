"""Notes in the PDF and the Word file sit at the foot of the page that calls them; the web edition lists them."""

import datetime
import io
import types

import pytest
from django.utils import translation
from docx import Document as WordDocument

from documents.models import Document
from documents.services import document_request
from reports.documents import SYSTEMATIZATION, systematization
from reports.editions import edition_docx, edition_html
from reports.markup import render_markup
from reports.models import AllianceObjective, BibliographyEntry, ObjectiveContribution, RecordedFigure
from reports.notes import notes_at_foot
from reports.services import narrative_text_save
from tests.factories import make_staff
from tests.pdf_text import pdf_pages
from tests.reports.word_notes import word_notes

pytestmark = pytest.mark.django_db

START, END = datetime.date(2016, 5, 1), datetime.date(2018, 3, 31)
CALLS = "La AMEXCID es un órgano desconcentrado.[^ley] Impulsa mecanismos con sectores no convencionales.[^giz]"
# Pages of text after the calls: a list at the end of the chapter would fall on a later page than the calls.
FILLER = "\n\n".join(f"Párrafo {n} de relleno del capítulo sobre la agencia y su trabajo con el sector privado." * 3
                      for n in range(1, 80))  # fmt: skip
AGENCY = (
    f"{CALLS}\n\n{FILLER}\n\n"
    "[^ley]: DOF (2011). Ley de Cooperación Internacional para el Desarrollo. Art. 24.\n"
    "[^giz]: GIZ, *2015a*."
)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_each_call_carries_its_note_inline_with_its_number_and_the_list_goes():
    html = notes_at_foot(render_markup(AGENCY, prefix="agency"))
    assert '<span class="footnote" data-note="1">DOF (2011). Ley de Cooperación' in html
    assert '<span class="footnote" data-note="2">GIZ, <em>2015a</em>.</span> Impulsa' not in html
    assert 'convencionales.<span class="footnote" data-note="2">GIZ, <em>2015a</em>.</span></p>' in html
    assert "footnotes-sep" not in html and "<section" not in html and "↩" not in html
    assert notes_at_foot("<p>Sin notas.</p>") == "<p>Sin notas.</p>"


def _figures():
    release = BibliographyEntry.objects.create(
        kind="press_release", authors="AMEXCID", year=2016, year_suffix="b", title="Segunda reunión",
        issued_on=datetime.date(2016, 7, 6), place="México", publisher="AMEXCID",
    )  # fmt: skip
    for label, value, day in (("En la segunda reunión", 90, 6), ("Empresas en la segunda reunión", 40, 7)):
        RecordedFigure.objects.create(label_es=label, value=value, as_of=datetime.date(2016, 7, day),
                                      source=release, locator="párrafo 1")  # fmt: skip


def test_the_web_calls_a_note_by_its_number_in_superscript_named_for_a_screen_reader_with_a_unique_id():
    with translation.override("es-mx"):
        html = render_markup("Uno[^a], dos[^b] y tres[^a].\n\n[^a]: Nota A.\n[^b]: Nota B.", prefix="agency", start=40)
    with translation.override("en"):
        english = render_markup("One[^a].\n\n[^a]: Note A.", prefix="agency", start=7)
    assert 'Uno<sup class="footnote-ref"><a href="#agency-fn40" id="agency-fnref40" aria-label="Nota 40"' in html
    assert 'dos<sup class="footnote-ref"><a href="#agency-fn41" id="agency-fnref41" aria-label="Nota 41"' in html
    assert 'tres<sup class="footnote-ref"><a href="#agency-fn40" id="agency-fnref40:1" aria-label="Nota 40"' in html
    assert "[" not in html and html.count('rel="noopener noreferrer">40</a></sup>') == 2
    assert 'href="#agency-fnref40:1" aria-label="Volver a la llamada de la nota 40"' in html
    assert '<a href="#agency-fn7" id="agency-fnref7" aria-label="Note 7" rel="noopener noreferrer">7</a>' in english


def test_a_note_called_twice_prints_its_text_once_and_its_number_at_each_call():
    html = notes_at_foot(render_markup("Uno[^a] y dos[^a].\n\n[^a]: Nota."))
    assert html.count('<span class="footnote" data-note="1">') == 1 and html.count("Nota.") == 1
    assert '<sup class="footnote-ref">1</sup>' in html


def test_the_web_edition_lists_the_notes_with_back_links_and_word_prints_them_as_footnotes():
    narrative_text_save(actor=make_staff(), part="agency", body_es=AGENCY)
    _figures()
    with translation.override("es-mx"):
        html = edition_html(START, END)
    assert 'href="#agency-fn1"' in html
    assert '<a href="#agency-fnref1" aria-label="Volver a la llamada de la nota 1"' in html
    # One numbering across the report: the figures' note follows the agency chapter's two notes.
    assert html.count('href="#figure-note-3"') == 2 and 'id="figure-note-3"' in html
    figures = RecordedFigure.objects.order_by("pk")
    for figure in figures:
        assert f'<a href="#figure-ref-{figure.pk}" aria-label="Volver a la llamada de la nota 3">↩</a>' in html
    assert 'class="footnote"' not in html
    with translation.override("es-mx"):
        word = WordDocument(io.BytesIO(edition_docx(START, END, "Sistematización")))
    notes, calls, again = word_notes(word)
    assert notes[1] == "DOF (2011). Ley de Cooperación Internacional para el Desarrollo. Art. 24."
    assert notes[2] == "GIZ, 2015a."
    assert notes[3].startswith("AMEXCID. (2016b). Segunda reunión") and notes[3].endswith("(párrafo 1)")
    assert calls == [1, 2, 3, 3] and again == {3}  # the second figure cites note 3 again: its text is printed once
    assert not [p.text for p in word.paragraphs if "Ley de Cooperación Internacional" in p.text]


def test_the_pdf_page_that_calls_a_note_prints_the_note(django_capture_on_commit_callbacks):
    staff = make_staff()
    narrative_text_save(actor=staff, part="agency", body_es=AGENCY)
    _figures()
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(
            actor=staff, kind=SYSTEMATIZATION, language="es-mx",
            params={"start": START.isoformat(), "end": END.isoformat()},
        )  # fmt: skip
    document.refresh_from_db()
    assert document.status == Document.Status.READY, document.error
    pages, _reader = pdf_pages(document)
    agency = next(page for page in pages if "órgano desconcentrado." in page)
    assert "Párrafo 79 de relleno" not in agency
    assert "1. DOF (2011). Ley de Cooperación Internacional para el Desarrollo. Art. 24." in agency
    assert "2. GIZ, 2015a." in agency
    stage = next(page for page in pages if "En la segunda reunión: 90" in page)
    # Two figures, one source and locator: one note, printed once at the foot of their page.
    assert stage.count("3. AMEXCID. (2016b). Segunda reunión [Comunicado de prensa, 6 de julio de 2016]") == 1
    assert "(párrafo 1)" in stage


def test_a_contribution_to_the_programme_is_written_in_the_markup_and_its_note_numbered_in_reading_order():
    narrative_text_save(actor=make_staff(), part="contributions", body_es="Capítulo.[^c]\n\n[^c]: Nota del capítulo.")
    contribution = ObjectiveContribution.objects.create(
        reference="1.1.2", title_es="Fomentar la vinculación",
        body_es="La AxS *vincula* actores.[^p]\n\n[^p]: PROCID 2014-2018, línea 1.1.2.",
    )  # fmt: skip
    objective = AllianceObjective.objects.create(title_es="Compartir", body_es="Se cumple.[^o]\n\n[^o]: Nota.")
    params = {"start": START.isoformat(), "end": END.isoformat()}
    with translation.override("es-mx"):
        html = edition_html(START, END)
        word = WordDocument(io.BytesIO(edition_docx(START, END, "Sistematización")))
        pdf_html = systematization.build(types.SimpleNamespace(params=params, language="es-mx")).html
    # The chapter's text calls note 1, the contribution note 2 and the alliance's objective note 3.
    calls = ['href="#contributions-fn1"', f'href="#contribution-{contribution.pk}-fn2"',
             f'href="#objective-{objective.pk}-fn3"']  # fmt: skip
    assert [html.index(call) for call in calls] == sorted(html.index(call) for call in calls)
    assert "La AxS <em>vincula</em> actores." in html
    assert f'<li id="contribution-{contribution.pk}-fn2">' in html
    assert 'actores.<span class="footnote" data-note="2">PROCID 2014-2018, línea 1.1.2.</span>' in pdf_html
    notes, word_calls, _again = word_notes(word)
    assert notes[2] == "PROCID 2014-2018, línea 1.1.2." and word_calls == [1, 2, 3]
