"""Dates of real events printed as the seed gives them: the day, the month only or the year only, in every edition.

The seed (seed/003_37134c8b5504ec0d.txt) dates the invitation to companies "a principios de mayo de 2016", the survey
"en agosto de 2016", GIZ's support "en mayo de 2017", the systematization "desde septiembre de 2017" and the four
structured projects "en marzo de 2018"; the second and third meetings only through press releases, the fourth not at
all, and the committees' installation as a week (31 October – 4 November 2016). The demo needs a day for each: the
report must never print it.
"""

import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import translation
from docx import Document as WordDocument

from axs_platform.dates import DatePrecision, historical_date
from committees.models import Session
from documents.models import Document
from reports.editions import edition_docx, edition_html
from reports.models import Milestone, Stage
from tests.factories import make_staff

pytestmark = pytest.mark.django_db

PERIOD = (datetime.date(2016, 5, 1), datetime.date(2018, 3, 31))
# Days the demo had to choose and the seed does not give (reports.demo, committees.demo, surveys.demo, projects.demo).
INVENTED_DAYS = [
    "2 de mayo de 2016",  # the invitation: "a principios de mayo de 2016"
    "15 de mayo de 2017",  # GIZ's support: "en mayo de 2017"
    "1 de mayo de 2017",
    "6 de julio de 2016",  # the second meeting: a press release of that day
    "23 de agosto de 2016",  # the third meeting: a press release of that day
    "1 de agosto de 2016",  # the survey: "en agosto de 2016"
    "31 de agosto de 2016",
    "4 de octubre de 2016",  # the fourth meeting: no date
    "1 de noviembre de 2016",  # one committee's installation: "entre el 31 de octubre y el 4 de noviembre"
    "15 de marzo de 2018",  # the projects structured: "en marzo de 2018"
]


def _without_press_releases(text):
    """The text less the citations of the press releases, which carry their own (true) day."""
    text = re.sub(r"Comunicado de prensa, [^\]]*\]", "", text)
    return re.sub(r"Comunicado del \d+ de \w+ de \d{4}", "", text)  # the footnotes citing them


def _html(language):
    with translation.override(language):
        return edition_html(*PERIOD)


def test_a_historical_date_is_written_to_the_precision_its_source_gives():
    day = datetime.date(2017, 5, 15)
    with translation.override("es-mx"):
        written = [historical_date(day, precision) for precision in DatePrecision.values]
    assert written == ["15 de mayo de 2017", "mayo de 2017", "2017"]
    with translation.override("en"):
        written = [historical_date(day, precision) for precision in DatePrecision.values]
    assert written == ["May 15, 2017", "May 2017", "2017"]


def test_the_demo_report_prints_the_months_and_years_the_seed_gives_and_no_invented_day(demo):
    html = _html("es-mx")
    assert '<span class="when">mayo de 2017</span><div><strong lang="es">Inicia el acompañamiento de la GIZ' in html
    assert '<span class="when">mayo de 2016</span><div><strong lang="es">Invitación a empresas' in html
    assert '<span class="when">septiembre de 2017</span><div><strong lang="es">Inicia la sistematización' in html
    assert '<span class="when">19 de mayo de 2016</span>' in html  # the launch: the seed gives the day
    assert '<span class="when">7 de junio de 2017</span>' in html  # the cross-committee session: the day
    assert '<span class="when">31 de octubre de 2016</span><div><strong lang="es">Sesiones de instalación' in html
    assert 'Cuarta sesión plenaria: resultados de la encuesta</td><td class="code">2016</td>' in html
    assert 'Segunda sesión plenaria</td><td class="code">julio de 2016</td>' in html
    assert "estructurado en marzo de 2018" in html
    for day in INVENTED_DAYS:
        assert day not in _without_press_releases(html), day


def test_the_english_edition_writes_the_same_precision(demo):
    html = _html("en")
    assert '<span class="when">May 2017</span>' in html and "May 15, 2017" not in html
    assert '<span class="when">August 2016</span>' in html and "August 1, 2016" not in html
    assert "structured in March 2018" in html and "March 15, 2018" not in html


def test_the_word_edition_prints_no_invented_day(demo):
    with translation.override("es-mx"):
        word = WordDocument(io.BytesIO(edition_docx(*PERIOD, title="Sistematización")))
    paragraphs = [p.text for p in word.paragraphs]
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    text = "\n".join(paragraphs + cells)
    assert any(p.startswith("mayo de 2017") and "acompañamiento de la GIZ" in p for p in paragraphs)
    for day in INVENTED_DAYS:
        assert day not in _without_press_releases(text), day


def test_the_report_summary_says_its_session_and_proposal_counts_are_the_platforms_records(demo):
    html = _html("es-mx")
    assert "sesiones de comité registradas en la plataforma" in html
    assert "propuestas de proyecto registradas en la plataforma" in html
    assert "sesiones de comité celebradas" not in html and "propuestas de proyecto enviadas" not in html
    # The seed counts "más de 60" at the installation and "alrededor de 50" active in March 2018; the platform's own
    # counts (the named organizations and the fictitious ones) say whose they are.
    assert "organizaciones en la instalación de los comités, según los registros de la plataforma" in html
    assert "organizaciones activas en los comités al cierre del periodo, según los registros de la plataforma" in html
    assert "Según los registros de la plataforma, 63 organizaciones participaron en la instalación" in html
    assert "Organizaciones en la instalación según los registros de la plataforma: 13." in html
    assert "Participaron 13 organizaciones." not in html


def test_the_pdf_edition_prints_no_invented_day(demo_report_pdfs):
    document = demo_report_pdfs["es-mx"]
    assert document.status == Document.Status.READY, document.error
    text = " ".join(document.text.split())
    assert "mayo de 2017 Inicia el acompañamiento de la GIZ" in text
    for day in INVENTED_DAYS:
        assert day not in _without_press_releases(text), day


def test_staff_record_a_milestone_known_to_the_month_and_the_lists_and_report_print_the_month(client):
    client.force_login(make_staff())
    response = client.post(
        reverse("reports:narrative-create", kwargs={"part": "hitos"}),
        {"happened_on": "2017-05-01", "date_precision": DatePrecision.MONTH, "stage": Stage.STRUCTURING,
         "position": 1, "title_es": "Inicia el acompañamiento", "body_es": "En mayo de 2017."},
    )  # fmt: skip
    assert response.status_code == 302
    assert Milestone.objects.get(title_es="Inicia el acompañamiento").date_precision == DatePrecision.MONTH
    assert "<strong>mayo de 2017</strong>" in client.get(reverse("reports:narrative-list")).content.decode()
    html = _html("es-mx")
    assert '<span class="when">mayo de 2017</span>' in html and "1 de mayo de 2017" not in html


def test_the_public_page_and_the_minutes_of_a_session_known_to_the_year_print_no_invented_day(client, demo):
    fourth = Session.objects.get(title="Cuarta sesión plenaria: resultados de la encuesta")
    page = client.get(reverse("committees:session-detail", args=[fourth.pk])).content.decode()
    assert '<dd class="col-sm-10"><time datetime="2016">2016</time></dd>' in page and "4 de octubre de 2016" not in page
    installation = Session.objects.get(title="Sesión de instalación del Comité de Educación")
    assert (
        installation.minutes.order_by("version")
        .first()
        .body.startswith("Sesión del Comité de Educación celebrada en 2016.")
    )
    launch = Session.objects.get(title="Lanzamiento de la Alianza por la Sostenibilidad")
    assert "19 de mayo de 2016" in client.get(reverse("committees:session-detail", args=[launch.pk])).content.decode()
