"""The report follows the seed's structure: five chapters, the alliance told through its stages, headings that nest.

The PDF is tagged (PDF/UA) and the contents list and the Word edition's outline come from the headings, so each
heading is at most one level below the one before it.
"""

import datetime
import io
import re

import pytest
from django.utils import translation
from docx import Document as WordDocument
from lxml import html as lxml_html

from committees import services
from committees.models import Committee, Membership
from reports.editions import edition_docx, edition_html
from reports.markup import render_markup
from reports.selectors import report_data
from tests.factories import make_committee, make_organization, make_staff

pytestmark = pytest.mark.django_db

START, END = datetime.date(2016, 5, 1), datetime.date(2018, 3, 31)
HEADING = re.compile(r"^h([1-6])$")


def _root(language="es-mx"):
    with translation.override(language):
        return lxml_html.fragment_fromstring(edition_html(START, END), create_parent="div")


def _words(element):
    return " ".join(element.text_content().split())


def _headings(root):
    """The body's headings in reading order, as (level, id, words); the contents list is left out."""
    return [
        (int(element.tag[1]), element.get("id"), _words(element))
        for element in root.iter()
        if isinstance(element.tag, str) and HEADING.match(element.tag) and not element.xpath("ancestor::nav")
    ]


def _after(headings, anchor):
    """The headings below the one with id ``anchor``, up to the next at its level or above."""
    index = next(i for i, (_level, ident, _words) in enumerate(headings) if ident == anchor)
    level = headings[index][0]
    below = []
    for heading in headings[index + 1 :]:
        if heading[0] <= level:
            break
        below.append(heading)
    return below


def test_the_chapters_follow_the_seed_in_order(demo):
    root = _root()
    chapters = [(section.get("id"), _words(section.find("h2"))) for section in root.xpath("./section[h2]")]
    ids = [ident for ident, _title in chapters]
    assert ids[: ids.index("agency")] == ["credits", "epigraph", "prologue", "acronyms", "summary"]
    assert ids[ids.index("agency") :] == [
        "agency", "stages", "contributions", "findings", "future", "sources", "bibliography", "acknowledgements",
    ]  # fmt: skip
    titles = dict(chapters)
    assert titles["agency"] == (
        "1. La Agencia Mexicana de Cooperación Internacional para el Desarrollo y la vinculación con el sector privado"
    )
    assert titles["stages"] == "2. La Alianza por la Sostenibilidad"
    assert titles["contributions"] == (
        "3. Contribuciones de la Alianza por la Sostenibilidad a la vinculación de la AMEXCID con el sector privado"
    )
    assert titles["findings"] == "4. Hallazgos de la sistematización"
    assert titles["future"] == "5. Hacia el futuro"
    assert titles["sources"] == "Fuentes de las cifras"  # unnumbered after the chapters
    # The contents (in the <nav>, before the executive summary) list the same parts in the same order.
    nav = root.xpath("./nav")[0]
    assert root.index(nav) < root.index(root.xpath("./section[@id='summary']")[0])
    links = [link.get("href")[1:] for link in nav.xpath("./ul[1]/li/a")]
    body_ids = [ident for _level, ident, _words in _headings(root) if ident] + [
        section.get("id") for section in root.xpath("./section[@id]")
    ]
    assert [link for link in links if link not in ("exhibits",)] == sorted(
        (link for link in links if link != "exhibits"), key=_order_in(root)
    )
    assert set(links) - {"exhibits"} <= set(body_ids)
    main = [link.get("href")[1:] for link in nav.xpath("./ul[1]/li[not(@class='sub')]/a")]
    assert main[main.index("agency") : main.index("future") + 1] == [
        "agency", "stages", "contributions", "findings", "future",
    ]  # fmt: skip
    assert [_words(link) for link in nav.xpath("./ul[1]/li[@class='sub']/a")][:4] == [
        "Etapa 1: Acercamiento y diálogo", "Etapa 2: Identificación de prioridades",
        "Etapa 3: Estructuración de proyectos", "Etapa 4: Implementación de proyectos",
    ]  # fmt: skip


def _order_in(root):
    """Sort key: where the element with an id stands in the body."""
    positions = {element.get("id"): index for index, element in enumerate(root.iter()) if element.get("id")}
    return lambda ident: positions[ident]


def test_the_alliance_chapter_holds_each_stage_with_what_belongs_to_it(demo):
    root = _root()
    headings = _headings(root)
    stages = [heading for heading in _headings(root.xpath("./section[@id='stages']")[0]) if heading[0] == 3]
    assert [ident for _level, ident, _words in stages] == [
        "stage-approach", "stage-priorities", "stage-structuring", "stage-implementation",
    ]  # fmt: skip
    assert stages[0][2] == "Etapa 1: Acercamiento y diálogo"

    def parts(stage):
        return [ident for level, ident, _words in _after(headings, stage) if level == 4]

    assert parts("stage-approach") == ["participation"]
    assert parts("stage-priorities") == ["survey", "committees"]
    assert parts("stage-structuring") == [
        "installation", "committees-at-work", "axs-criteria", "sustainability-criteria", "projects",
    ]  # fmt: skip
    # No project was in implementation by March 2018: the stage says so (monitoring's h4 when one is).
    assert parts("stage-implementation") == []
    implementation = root.xpath(".//div[@id='monitoring']")[0]
    assert implementation.getparent().xpath("./h3")[0].get("id") == "stage-implementation"
    assert _words(implementation) == "Ningún proyecto estuvo en implementación en este periodo."
    # Each committee and each project is an item of its part (h5), and the SDGs of the survey too.
    committees = [ident for level, ident, _w in _after(headings, "committees-at-work") if level == 5]
    assert committees == [
        f"committee-{pk}" for pk in Committee.objects.order_by("goal__number").values_list("pk", flat=True)
    ]
    assert [level for level, _i, _w in _after(headings, "projects")] == [5] * 4
    assert [ident for _l, ident, _w in _after(headings, "survey")] == ["priority-sdgs"]


def test_the_contributions_text_comes_first_then_its_three_sections(demo):
    root = _root()
    chapter = root.xpath("./section[@id='contributions']")[0]
    first_section = chapter.xpath(".//h3")[0]
    written = chapter.xpath("./div[@class='written']")[0]
    assert chapter.index(written) < chapter.index(first_section.getparent())
    assert "La intención central es realizar un análisis" in _words(written)
    headings = _headings(root)
    assert [(level, ident) for level, ident, _w in _headings(chapter) if level == 3] == [
        (3, "objectives"), (3, "prototype"), (3, "alliance-objectives"),
    ]  # fmt: skip
    titles = [words for level, _i, words in _headings(chapter) if level == 3]
    assert titles == [
        "Aportaciones al Programa de Cooperación Internacional para el Desarrollo",
        "Valor como prototipo para la vinculación con el sector privado",
        "Cumplimiento de los objetivos propuestos",
    ]
    # The prototype's own subheadings ("Para las empresas") sit below its section.
    assert {level for level, _i, _w in _after(headings, "prototype")} == {4}
    findings = root.xpath("./section[@id='findings']")[0]
    assert [ident for level, ident, _w in _headings(findings) if level == 3] == [
        "successes", "challenges", "recommendations",
    ]  # fmt: skip


@pytest.mark.parametrize("language", ["es-mx", "en"])
def test_no_heading_skips_a_level_in_either_language(demo, language):
    headings = _headings(_root(language))
    assert headings[0][0] == 1  # the cover's title
    for (before, _b, words_before), (level, _ident, words) in zip(headings, headings[1:], strict=False):
        assert level <= before + 1, (words_before, words)


def test_the_word_edition_outline_follows_the_headings(demo):
    with translation.override("es-mx"):
        word = WordDocument(io.BytesIO(edition_docx(START, END, "Sistematización")))
    outline = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Heading")]
    levels = [int(style.rsplit(" ", 1)[1]) for style, _text in outline]
    for before, level in zip(levels, levels[1:], strict=False):
        assert level <= before + 1
    chapters = [text for style, text in outline if style == "Heading 1" and text[:2] in ("1.", "2.", "3.", "4.", "5.")]
    assert [text.split(" ", 1)[0] for text in chapters] == ["1.", "2.", "3.", "4.", "5."]
    assert ("Heading 2", "Etapa 3: Estructuración de proyectos") in outline
    assert ("Heading 3", "Instalación de los comités") in outline


def test_the_seed_s_figures_have_its_numbers_and_charts_and_tables_are_numbered_in_reading_order(demo):
    root = _root()
    for kind in ("Figura", "Gráfica", "Cuadro"):
        numbers = [
            int(re.match(rf"{kind} (\d+)\.", _words(label)).group(1))
            for label in root.xpath("./section//*[@class='exhibit-label']")
            if _words(label).startswith(kind)
        ]
        assert numbers == list(range(1, len(numbers) + 1)), kind
    # The seed's Figuras 1-3 (seed lines 346, 381, 432), whatever the report draws between them: the plenaries'
    # chart comes before the convergence and is "Gráfica 1".
    figures = {
        anchor: _words(root.xpath(f".//figure[@id='{anchor}']/figcaption/span")[0])
        for anchor in ("figure-system", "figure-model", "figure-convergence", "figure-participation")
    }
    assert figures == {
        "figure-system": "Figura 1.",
        "figure-model": "Figura 2.",
        "figure-convergence": "Figura 3.",
        "figure-participation": "Gráfica 1.",
    }
    # The priorities stage cites its figure as the seed does (line 430).
    priorities = root.xpath(".//h3[@id='stage-priorities']")[0].getparent()
    assert "entre la AMEXCID y las empresas (Figura 3), y así evitar" in _words(priorities)
    listed = [_words(link) for link in root.xpath("./nav/ul[2]/li/a")]
    captions = [_words(label) for label in root.xpath("./section//*[@class='exhibit-label']")]
    assert [text.split(".", 1)[0] + "." for text in listed] == captions
    stage = root.xpath(".//h4[@id='projects']")[0].getparent()
    assert stage.xpath(".//table[@id='table-projects-committee']/caption/span")[0].text.startswith("Cuadro")


def test_the_demo_lists_who_took_part_in_each_installation(demo):
    root = _root()
    data = report_data(START, END)
    for committee in data["committees"]:
        item = root.xpath(f".//li[@id='installation-{committee.pk}']")[0]
        names = _words(item).split(": ", 1)[1].rstrip(".")
        assert len(committee.installation_organizations) == committee.members_at_installation
        assert names == ", ".join(str(organization) for organization in committee.installation_organizations)
    education = next(c for c in data["committees"] if c.goal.number == 4)
    assert "KidZania" in _words(root.xpath(f".//li[@id='installation-{education.pk}']")[0])
    section = root.xpath(".//h4[@id='installation']")[0].getparent()
    assert section.xpath(".//ul[@class='installation']")  # in the structuring stage


def test_the_installation_lists_the_organizations_seated_on_the_day():
    staff = make_staff()
    installed_on = datetime.date(2016, 11, 1)
    committee = make_committee(4, name="Comité de Educación", installed_on=installed_on)
    other = make_committee(7, installed_on=datetime.date(2016, 11, 3))
    seated = make_organization(short_name="Alfa", legal_name="Alfa Educativa, S.A. de C.V.")
    left_later = make_organization(short_name="Beta", legal_name="Beta Aprende, S.A. de C.V.")
    joined_later = make_organization(short_name="Gamma", legal_name="Gamma Escuelas, S.A. de C.V.")
    left_before = make_organization(short_name="Delta", legal_name="Delta Saberes, S.A. de C.V.")
    elsewhere = make_organization(short_name="Épsilon", legal_name="Épsilon Energía, S.A. de C.V.")
    services.membership_add(actor=staff, committee=committee, organization=seated, joined_on=installed_on)
    later = services.membership_add(actor=staff, committee=committee, organization=left_later, joined_on=installed_on)
    services.membership_transition(
        actor=staff, membership=later, action="end", reason="Cambio de prioridades",
        effective_on=datetime.date(2017, 3, 1),
    )  # fmt: skip
    services.membership_add(
        actor=staff, committee=committee, organization=joined_later, joined_on=datetime.date(2017, 5, 2)
    )
    before = services.membership_add(
        actor=staff, committee=committee, organization=left_before, joined_on=datetime.date(2016, 10, 1)
    )
    Membership.objects.filter(pk=before.pk).update(status="left", ended_on=datetime.date(2016, 10, 20))
    services.membership_add(actor=staff, committee=other, organization=elsewhere, joined_on=datetime.date(2016, 11, 3))
    root = _root()
    item = _words(root.xpath(f".//li[@id='installation-{committee.pk}']")[0])
    assert item == f"Comité de Educación (1 de noviembre de 2016): {seated}, {left_later}."
    assert _words(root.xpath(f".//li[@id='installation-{other.pk}']")[0]).endswith(f": {elsewhere}.")


def test_written_headings_start_below_their_section_and_skip_no_level():
    html = render_markup("# Para las empresas\n\nTexto.\n\n### Detalle\n\nMás.", prefix="prototype", top=4)
    assert "<h4>Para las empresas</h4>" in html and "<h5>Detalle</h5>" in html
    assert "<h3>Sección</h3>" in render_markup("## Sección", prefix="agency")


def test_the_monitoring_section_takes_the_heading_level_of_where_it_is_printed():
    from django.template.loader import render_to_string

    chapter = {"count": 0, "projects": [], "due": 0, "late": 0, "approved": 0}
    assert '<h4 id="implementation">' in render_to_string(
        "monitoring/pdf/chapter.html", {"chapter": chapter, "heading_level": 4}
    )
    assert '<h3 id="implementation">' in render_to_string("monitoring/pdf/chapter.html", {"chapter": chapter})
