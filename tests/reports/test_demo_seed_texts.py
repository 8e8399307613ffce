"""The demo report carries the seed's written parts in every edition and language, its notes citing recorded works."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from docx import Document as WordDocument
from lxml import html as lxml_html

from documents.models import Document
from reports import demo as demo_narrative
from reports.editions import edition_docx, edition_html
from reports.models import BibliographyEntry, NarrativeText
from tests.reports.test_publication import END, START
from tests.reports.word_notes import word_notes

pytestmark = pytest.mark.django_db

# (seed lines, where the report prints it, a Spanish phrase, its English twin)
PIECES = [
    ("152-159", "summary", "la identificación de tres etapas:",
     "an exercise of analysis that identified three stages:"),
    ("161-166", "summary", "Posicionar a la AxS como un referente innovador de la cooperación mexicana.",
     "Positioning the AxS as an innovative reference of Mexican cooperation."),
    ("192", "agency", "la AMEXCID fue designada como la Unidad del Estado coordinadora del ODS 17",
     "AMEXCID was designated as the State unit coordinating SDG 17"),
    ("207", "agency", "como una estrategia de supervivencia del propio negocio",
     "as a survival strategy for the business itself"),
    ("213-230", "agency", "Se facilita la inclusión de actores no estatales que no son sujetos de la LCID.",
     "It facilitates the inclusion of non-state actors that are not subject to the LCID."),
    ("232", "agency", "destaca la iniciativa para elaborar un Marco de Colaboración con el Sector Privado",
     "the initiative to draw up a Framework for Collaboration with the Private Sector stands out"),
    ("244-258", "agency", "Luz en Casa Oaxaca", "Light at Home Oaxaca"),
    ("252-258", "agency", "Componente Ambiental", "Environmental Component"),
    ("260-344", "agency", "Inicia operaciones el FONCID, pilar financiero", "FONCID, the financial pillar"),
    ("357", "stages", "La AxS es un vínculo entre la AMEXCID y el sector privado",
     "The AxS is a link between AMEXCID and the private sector"),
    ("395", "stages", "Muchos de los esfuerzos del sector privado en temas de sostenibilidad son fragmentados",
     "Many of the private sector's efforts on sustainability are fragmented"),
    ("417", "stages", "se presentó el Proyecto de Integración y Desarrollo Mesoamérica",
     "the Mesoamerica Integration and Development Project was presented"),
    ("438-441", "stages", "Conocer las acciones de sostenibilidad de los participantes de la AxS",
     "To learn about the sustainability actions of the AxS participants"),
    ("551", "stages", "avanzó en crear una vinculación sólida e institucional con el sector privado",
     "made progress in creating a solid, institutional link with the private sector"),
    ("573-577", "stages", "con base en la metodología Metaplan", "using the Metaplan method"),
    ("578-583", "stages", "Identificación de medios de verificación.", "Identification of means of verification."),
    ("619-639", "stages", "Alinear el impacto del proyecto a alguno de los 232 indicadores",
     "Aligning the project's impact with one of the 232 indicators"),
    ("621-629", "stages", "Diseñar colectivamente la solución.", "Design the solution collectively."),
    ("923", "future", "En 2018 la Universidad de Sussex se posicionó como la mejor en estudios para el desarrollo",
     "In 2018 the University of Sussex was ranked the best for development studies"),
    ("651", "stages", "Sostenibilidad para la AxS, implica cooperar en la promoción de un sistema económico",
     "Sustainability for the AxS means cooperating to promote a supportive and open international economic system"),
    ("661", "contributions", "La intención central es realizar un análisis que dé cuenta del valor",
     "Its central aim is an analysis of the value"),
    ("679", "contributions", "posicionando a la AMEXCID como una entidad coordinadora de la CID ante el sector privado",
     "positioning AMEXCID as an entity that coordinates IDC before the private sector"),
    ("714", "contributions", "ha sido utilizada como un referente de este tipo de cooperación para el desarrollo",
     "has been used as a reference for this kind of development cooperation"),
    ("728-742", "contributions", "La AxS brinda a las empresas posicionamiento y capital relacional",
     "The AxS gives the companies positioning and relational capital"),
    ("748-753", "contributions", "Garante de un espacio neutral y de intercambio",
     "Guarantor of a neutral space for exchange"),
    ("833-837", "findings", "Colaboración horizontal. Se abrió un espacio de diálogo y co-creación",
     "Horizontal collaboration. A space for dialogue and co-creation was opened"),
    ("863", "findings", "cambio climático, vivienda sustentable", "climate change, sustainable housing"),
    ("815-819", "findings", "El costo-beneficio de la colaboración multiactoral.",
     "The cost-benefit of multi-stakeholder collaboration."),
    ("883", "findings", "Este es el potencial que se ha descubierto y entendido a través de la AxS.",
     "This is the potential that has been discovered and understood through the AxS."),
    ("825", "findings", "Esta sección sintetiza las buenas prácticas de la AxS identificadas",
     "This section brings together the good practices of the AxS identified"),
    ("867", "findings", "una serie de desafíos a los que la AxS tendrá que hacer frente en el corto y mediano plazo",
     "a series of challenges that the AxS will have to face in the short and medium term"),
    ("889", "findings", "En esta sección se enlistan las recomendaciones derivadas del análisis",
     "This section lists the recommendations that came out of the analysis"),
    ("50-58", "credits", "Av. Insurgentes Sur No. 826", "Av. Insurgentes Sur No. 826"),
]  # fmt: skip
NOTES = [  # a note of each kind the seed cites: an interview, a press release, the focus group, an explanation
    ("Entrevista con el Mtro. Noel González Segura", "Interview with Noel González Segura"),
    ("AMEXCID, 2016c. Se celebra la tercera reunión", "AMEXCID, 2016c. Se celebra la tercera reunión"),
    ("focus group de “recuperación anecdótica” llevado a cabo el 13 de febrero del 2018",
     "“anecdotal recovery” focus group held on February 13, 2018"),
    ("Se contó con la participación de Francisco Padrón, consultor independiente.",
     "Francisco Padrón, an independent consultant, took part."),
]  # fmt: skip


def _chapters(language):
    """Return ``{chapter id: its words}`` of the web edition in ``language``."""
    with translation.override(language):
        root = lxml_html.fragment_fromstring(edition_html(START, END), create_parent="div")
    return {section.get("id"): " ".join(section.text_content().split()) for section in root.xpath("./section[@id]")}


@pytest.mark.parametrize("language, column", [("es-mx", 2), ("en", 3)])
def test_the_web_edition_prints_each_seed_piece_in_its_chapter(demo, language, column):
    chapters = _chapters(language)
    for piece in PIECES:
        assert piece[column] in chapters[piece[1]], piece[0]
    notes = " ".join(chapters.values())
    for note in NOTES:
        assert note[column - 2] in notes


def test_the_english_edition_prints_the_written_parts_in_english(demo):
    chapters = _chapters("en")
    assert "Conocer las acciones de sostenibilidad" not in chapters["stages"]
    assert "Sostenibilidad para la AxS" not in chapters["stages"]
    assert "Garante de un espacio neutral" not in chapters["contributions"]


def test_the_word_edition_has_the_seed_pieces_as_paragraphs_or_footnotes_in_both_languages(demo):
    for language, column in (("es-mx", 2), ("en", 3)):
        with translation.override(language):
            word = WordDocument(io.BytesIO(edition_docx(START, END, "Sistematización")))
        paragraphs = " ".join(" ".join(paragraph.text.split()) for paragraph in word.paragraphs)
        paragraphs += " " + " ".join(word_notes(word)[0].values())  # the pieces that are notes are footnotes
        for piece in PIECES:
            assert piece[column] in paragraphs, (language, piece[0])


def test_the_pdf_prints_the_seed_pieces_and_their_notes_in_both_languages(demo_report_pdfs):
    for document, column in ((demo_report_pdfs["es-mx"], 2), (demo_report_pdfs["en"], 3)):
        assert document.status == Document.Status.READY, document.error
        text = " ".join(document.text.split())
        for piece in PIECES:
            assert piece[column] in text, (document.language, piece[0])
        for note in NOTES:
            assert note[column - 2] in text, document.language


def test_the_works_the_notes_cite_are_bibliography_records(demo):
    with translation.override("es-mx"):
        bibliography = _chapters("es-mx")["bibliography"]
    for expected in (
        "Studer, I. (2018). Entrevista con la Dra. Isabel Studer",
        "Morales, M. (2018). Entrevista con el Mtro. Mario Morales",
        "González Segura, N. (2018). Entrevista con el Mtro. Noel González Segura",
        "Focus group de “recuperación anecdótica”",
        "AMEXCID. (2017b). El papel de la AMEXCID",
        "AMEXCID. (2018). Manual para la alineación de proyectos de la AxS a los ODS",
        "Smith, A. (2018). Bifurcando los ODS",
        "GIZ. (s. f.). Fortalecimiento institucional de la Agencia Mexicana",
        "Cámara de Diputados. (2014).",
        "AMEXCID. (2016e). Sistema Mexicano de Cooperación Internacional",
        "Recuperado el 8 de marzo de 2018 de https://www.gob.mx/amexcid/prensa/se-celebra-la-tercera-reunion-de-la-",
    ):
        assert expected in bibliography, expected


def test_loading_the_texts_and_works_again_adds_nothing(demo):
    staff = get_user_model().objects.get(email="staff@amexcid.example")
    texts, works = NarrativeText.objects.count(), BibliographyEntry.objects.count()
    assert NarrativeText.objects.filter(part__in=["summary", "structuring", "challenges"]).count() == 3
    assert demo_narrative._seed_texts(staff) == 0
    demo_narrative._works()
    assert (NarrativeText.objects.count(), BibliographyEntry.objects.count()) == (texts, works)


def test_an_older_demo_gets_a_part_it_has_no_text_for_once_and_keeps_the_others(demo):
    staff = get_user_model().objects.get(email="staff@amexcid.example")
    NarrativeText.objects.filter(part__in=["summary", "challenges"]).delete()
    agency = NarrativeText.objects.get(part="agency")
    NarrativeText.objects.filter(pk=agency.pk).update(body_es="Texto de la agencia editado por el personal.")
    assert demo_narrative._seed_texts(staff) == 2
    assert demo_narrative._seed_texts(staff) == 0
    assert NarrativeText.objects.get(part="summary").body_es.startswith("La Alianza por la Sostenibilidad (AxS) es")
    assert NarrativeText.objects.get(part="agency").body_es == "Texto de la agencia editado por el personal."


@pytest.mark.parametrize("language, figure", [("es-mx", "Figura"), ("en", "Figure")])
def test_chapters_1_and_2_refer_to_their_figures_and_leave_the_milestones_and_stages_to_them(demo, language, figure):
    with translation.override(language):
        root = lxml_html.fragment_fromstring(edition_html(START, END), create_parent="div")

    def words(xpath):
        return " ".join(" ".join(element.text_content().split()) for element in root.xpath(xpath))

    agency, alliance = words("//section[@id='agency']/div[@lang]"), words("//section[@id='stages']/div[@lang][1]")
    assert words("//figure[@id='figure-system']/figcaption").startswith(f"{figure} 1.")
    assert words("//figure[@id='figure-model']/figcaption").startswith(f"{figure} 2.")
    assert f"{figure} 1" in agency and f"{figure} 2" in alliance
    # The milestones' texts and the stages are printed once, beside their figure, not in the prose before it.
    foncid = PIECES[8][2 if language == "es-mx" else 3]
    assert foncid not in agency and foncid in words("//ol[contains(@class, 'system-milestones')]")
    stage = "Acercamiento y diálogo" if language == "es-mx" else "Approach and dialogue"
    assert stage not in alliance and stage in words("//ol[contains(@class, 'model-stages')]")


def test_an_older_demo_s_chapters_1_and_2_get_the_wording_that_refers_to_the_figures_unless_staff_changed_it(demo):
    staff = get_user_model().objects.get(email="staff@amexcid.example")
    former = demo_narrative.FORMER_TEXTS
    agency, alliance = (NarrativeText.objects.filter(part=part).latest("version") for part in ("agency", "alliance"))
    NarrativeText.objects.filter(pk=agency.pk).update(body_es=former[agency.body_es], body_en=former[agency.body_en])
    NarrativeText.objects.filter(pk=alliance.pk).update(body_es=former[alliance.body_es], body_en="Staff's English.")
    assert "- **6 de abril de 2011. Ley de Cooperación" in former[agency.body_es]
    assert demo_narrative._seed_texts(staff) == 1
    assert demo_narrative._seed_texts(staff) == 0
    upgraded = NarrativeText.objects.filter(part="agency").latest("version")
    assert upgraded.version == agency.version + 1
    assert (upgraded.body_es, upgraded.body_en) == (agency.body_es, agency.body_en)
    assert NarrativeText.objects.get(pk=agency.pk).body_es == former[agency.body_es]  # the former version is kept
    assert NarrativeText.objects.filter(part="alliance").latest("version").body_en == "Staff's English."
