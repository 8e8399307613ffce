"""The systematization report numbers its notes once, 1…N in reading order, in the web, Word and PDF editions.

The demo report is built once for the module (each edition in Spanish and English) in a transaction that is
rolled back: the tests read what was built.
"""

import datetime
import io
import re
from collections import Counter

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import override_settings
from django.utils import translation
from docx import Document as WordDocument
from lxml import html as lxml_html

from documents.models import Document
from reports import demo
from reports.editions import edition_docx, edition_html
from reports.markup import render_notes
from reports.models import (
    AllianceObjective,
    BibliographyEntry,
    Finding,
    FindingKind,
    NarrativePart,
    ObjectiveContribution,
    RecordedFigure,
)
from reports.services import narrative_text_save
from tests import demo_snapshot
from tests.factories import make_staff
from tests.reports.word_notes import word_notes

START_ISO, END_ISO = "2016-05-01", "2018-03-31"
DUE_DILIGENCE = {
    "es-mx": "El due diligence tiene como objetivo orientar la selección de aliados estratégicos del sector privado",
    "en": "Due diligence aims to guide the choice of strategic allies from the private sector",
}
NOTE = {"es-mx": "Nota", "en": "Note"}
FOCUS_GROUP = {
    "es-mx": "Estos hallazgos son el resultado alcanzado durante un ejercicio de reflexión",
    "en": "These findings are the outcome of a reflection exercise",
}


def _words(element):
    return " ".join(element.text_content().replace("↩", "").split())


@pytest.fixture(scope="module")
def editions(_demo_rows, demo_report_pdfs, django_db_blocker, tmp_path_factory):
    """Each edition of the demo report, in each language: ``{language: (web page, Word document, PDF pages)}``.

    The PDF is the demo's, rendered once for the session (tests/reports/conftest.py).
    """
    start, end = datetime.date.fromisoformat(START_ISO), datetime.date.fromisoformat(END_ISO)
    built = {}
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with media, django_db_blocker.unblock(), transaction.atomic():
        demo_snapshot.restore(_demo_rows)
        for language in ("es-mx", "en"):
            with translation.override(language):
                html = edition_html(start, end)
                docx = WordDocument(io.BytesIO(edition_docx(start, end, "AxS")))
            pdf = demo_report_pdfs[language]
            assert pdf.status == Document.Status.READY, pdf.error
            built[language] = (lxml_html.fragment_fromstring(html, create_parent="div"), docx, pdf.pages)
        transaction.set_rollback(True)
    ContentType.objects.clear_cache()
    return built


def _notes(page):
    """Return ``{number: words}`` of the web edition's notes, checking that no number is listed twice."""
    numbers = []
    words = {}
    for item in page.xpath("//section[contains(@class, 'footnotes')]//li[@id]"):
        number = int(re.search(r"(\d+)$", item.get("id")).group(1))
        numbers.append(number)
        words[number] = re.sub(r"^\d+\. ", "", _words(item))
    assert [number for number, count in Counter(numbers).items() if count > 1] == []
    return words


@pytest.mark.parametrize("language", ["es-mx", "en"])
def test_the_web_edition_numbers_its_notes_once_in_reading_order_with_unique_ids(editions, language):
    page, _docx, _pages = editions[language]
    ids = [element.get("id") for element in page.xpath("//*[@id]")]
    assert [name for name, count in Counter(ids).items() if count > 1] == []
    notes = _notes(page)
    assert sorted(notes) == list(range(1, len(notes) + 1)) and len(notes) > 30
    calls = []
    for call in page.xpath("//sup[@class='footnote-ref']/a"):
        target = call.get("href")[1:]
        assert page.xpath(f"//li[@id='{target}']"), target
        number = int(re.search(r"(\d+)$", target).group(1))
        # Every call, a text's or a figure's, is its bare number, named "Nota 40" / "Note 40" for a screen reader.
        assert call.text_content() == str(number) and call.get("aria-label") == f"{NOTE[language]} {number}"
        if number not in calls:
            calls.append(number)
    assert calls == sorted(notes)  # the first call of each note comes in the order of the numbers
    for item in page.xpath("//section[contains(@class, 'footnotes')]//li[@id]"):
        for back in item.xpath(".//a[starts-with(@href, '#')]"):
            assert page.xpath(f"//a[@id='{back.get('href')[1:]}']"), back.get("href")


@pytest.mark.parametrize("language", ["es-mx", "en"])
def test_the_demo_carries_the_seed_s_notes_37_in_a_recommendation_s_title_34_and_35_in_bodies(editions, language):
    page, _docx, _pages = editions[language]
    notes = _notes(page)
    number = next(n for n, words in notes.items() if words.startswith(DUE_DILIGENCE[language]))
    title = page.xpath(f"//ol[@class='findings']/li/strong[.//a[@href='#finding-{_pk(page, number)}-fn{number}']]")
    assert "diligence" in _words(title[0]).split(str(number))[0]
    vision = next(n for n, words in notes.items() if "gob.mx/cms/uploads/attachment/file/273197" in words)
    assert page.xpath(
        f"//ol[@class='alliance-objectives']/li/div//sup/a[@href='#objective-{_pk(page, vision)}-fn{vision}']"
    )
    success = next(n for n, words in notes.items() if words.startswith(FOCUS_GROUP[language]))
    assert page.xpath(f"//ol[@class='findings']/li/div//a[@href='#finding-{_pk(page, success)}-fn{success}']")


def _pk(page, number):
    """Return the pk of the finding or objective whose body lists note ``number``."""
    item = next(li for li in page.xpath("//li[@id]") if li.get("id").endswith(f"-fn{number}"))
    return item.get("id").split("-")[1]


@pytest.mark.parametrize("language", ["es-mx", "en"])
def test_the_word_edition_prints_each_note_as_a_footnote_with_its_number_in_the_one_numbering(editions, language):
    page, docx, _pages = editions[language]
    notes = _notes(page)
    footnotes, calls, again = word_notes(docx)
    assert sorted(footnotes) == sorted(notes)
    for number, words in notes.items():
        assert footnotes[number].startswith(words[:60]), (number, footnotes[number][:60], words[:60])
    # Each call where the web calls it, with the same number; a note called again is cited, not printed again.
    hrefs = page.xpath("//sup[@class='footnote-ref']/a/@href")
    web_calls = [int(re.search(r"(\d+)$", href).group(1)) for href in hrefs]
    assert calls == web_calls and again == {number for number, count in Counter(web_calls).items() if count > 1}
    assert not [p.text for p in docx.paragraphs if p.style.name == "footnote text"]  # no note left uncalled


@pytest.mark.parametrize("language", ["es-mx", "en"])
def test_the_pdf_prints_each_note_once_at_a_page_foot_with_its_number(editions, language):
    page, _docx, pages = editions[language]
    text = " ".join(pages)
    notes = _notes(page)
    for number, words in notes.items():
        assert text.count(f"{number}. {words[:40]}") == 1, (number, words[:40])
    due_diligence = next(n for n, words in notes.items() if words.startswith(DUE_DILIGENCE[language]))
    foot = next(p for p in pages if DUE_DILIGENCE[language] in p)
    assert "diligence" in foot.split(f"{due_diligence}. {DUE_DILIGENCE[language]}")[0]


def test_a_finding_s_title_calls_a_note_its_body_defines_and_the_numbering_goes_on():
    rendered = render_notes("Cuerpo[^b].\n\n[^a]: Nota A.\n[^b]: Nota B.", prefix="finding-7", start=12,
                            lead="1. Título con nota[^a] <b>sin HTML</b>")  # fmt: skip
    assert rendered.notes == 2
    assert rendered.lead.startswith('1. Título con nota<sup class="footnote-ref"><a href="#finding-7-fn12"')
    assert "&lt;b&gt;sin HTML&lt;/b&gt;" in rendered.lead
    assert '<ol start="12">' in rendered.html and 'id="finding-7-fn13"' in rendered.html


@pytest.mark.django_db
def test_loading_the_demo_again_gives_an_older_demo_s_findings_their_notes_and_adds_nothing():
    demo._narrative()
    recommendation = Finding.objects.get(kind=FindingKind.RECOMMENDATION, title_es=demo.DUE_DILIGENCE)
    former = demo.FORMER_TEXTS
    Finding.objects.filter(pk=recommendation.pk).update(
        title_es=former[demo.DUE_DILIGENCE], title_en=former[demo.DUE_DILIGENCE_EN], body_es="", body_en=""
    )
    count = Finding.objects.count()
    assert demo._narrative() == 0 and Finding.objects.count() == count
    recommendation.refresh_from_db()
    assert recommendation.title_es == demo.DUE_DILIGENCE and recommendation.body_es == demo.DUE_DILIGENCE_NOTE
    Finding.objects.filter(pk=recommendation.pk).update(body_es="Texto del personal.")
    demo._narrative()
    recommendation.refresh_from_db()
    assert recommendation.body_es == "Texto del personal."


@pytest.mark.django_db
def test_loading_the_demo_again_gives_an_older_demo_s_objective_its_note():
    demo._alliance_objectives({"onepager": None})
    title_es, _title_en, body_es, _body_en = demo.ALLIANCE_OBJECTIVES[5]
    former = demo.FORMER_TEXTS[body_es]
    assert former.endswith("documento de sistematización de la AxS).") and "[^" not in former
    AllianceObjective.objects.filter(title_es=title_es).update(body_es=demo.FORMER_TEXTS[body_es])
    demo._alliance_objectives({})
    assert AllianceObjective.objects.get(title_es=title_es).body_es == body_es
    assert AllianceObjective.objects.count() == len(demo.ALLIANCE_OBJECTIVES)


@pytest.mark.django_db
def test_the_body_prints_every_written_part_in_the_reading_order_that_numbers_the_notes():
    """The body template and ``reports.publication.READING_ORDER`` keep one order: the parts' notes come in turn."""
    staff = make_staff()
    for part in NarrativePart.values:
        narrative_text_save(actor=staff, part=part, body_es=f"Parte {part}.[^n]\n\n[^n]: Nota de {part}.")
    note = "Texto.[^n]\n\n[^n]: Nota."
    ObjectiveContribution.objects.create(reference="1.1.2", title_es="Contribución", body_es=note)
    AllianceObjective.objects.create(title_es="Objetivo", body_es=note)
    for kind in FindingKind.values:
        Finding.objects.create(kind=kind, title_es="Hallazgo[^t]", body_es=f"{note}\n[^t]: Nota del título.")
    source = BibliographyEntry.objects.create(authors="AMEXCID", year=2016, title="Comunicado")
    RecordedFigure.objects.create(label_es="Asistentes", value=90, as_of=datetime.date(2016, 7, 6), source=source)
    with translation.override("es-mx"):
        html = edition_html(datetime.date(2016, 5, 1), datetime.date(2018, 3, 31))
    page = lxml_html.fragment_fromstring(html, create_parent="div")
    calls = []
    for call in page.xpath("//sup[@class='footnote-ref']/a"):
        number = int(re.search(r"(\d+)$", call.get("href")).group(1))
        if number not in calls:
            calls.append(number)
    # Each text, the contribution, the objective, each finding's title and body, the figure: one note each.
    assert calls == list(range(1, len(NarrativePart.values) + 2 + 2 * len(FindingKind.values) + 2))
