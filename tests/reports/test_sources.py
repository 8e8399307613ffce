"""Every figure of the report says where it comes from; a figure the source does not give reads "sin dato"."""

import datetime

import pytest
from django.urls import reverse

from documents.models import Document
from documents.services import document_request
from reports.documents import SYSTEMATIZATION
from reports.models import BibliographyEntry, RecordedFigure
from tests.factories import make_staff
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db

PERIOD = {"start": "2016-05-01", "end": "2018-03-31"}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def report_text(language, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(actor=make_staff(), kind=SYSTEMATIZATION, language=language, params=PERIOD)
    document.refresh_from_db()
    assert document.status == Document.Status.READY, document.error
    return " ".join(pdf_text(document).split())


def record_figures():
    release = BibliographyEntry.objects.create(
        kind="press_release",
        authors="AMEXCID",
        year=2016,
        year_suffix="c",
        title="Se celebra la tercera reunión de la Alianza por la Sostenibilidad",
        issued_on=datetime.date(2016, 8, 23),
        place="México",
        publisher="AMEXCID",
    )
    RecordedFigure.objects.create(
        label_es="Organizaciones en la tercera reunión",
        label_en="Organizations at the third meeting",
        value=None,
        as_of=datetime.date(2016, 8, 23),
        source=release,
    )
    RecordedFigure.objects.create(
        label_es="Organizaciones en la segunda reunión",
        label_en="Organizations at the second meeting",
        value=90,
        qualifier="at_least",
        as_of=datetime.date(2016, 7, 6),
        source=release,
        locator="párrafo 1",
    )
    RecordedFigure.objects.create(
        label_es="Figura fuera del periodo",
        value=3,
        as_of=datetime.date(2019, 1, 1),
        source=release,
    )


def test_a_recorded_figure_prints_its_value_and_source_and_an_unknown_one_says_sin_dato(
    django_capture_on_commit_callbacks,
):
    record_figures()
    text = report_text("es-mx", django_capture_on_commit_callbacks)
    assert "Fuentes de las cifras" in text
    assert "Organizaciones en la tercera reunión sin dato 23 de agosto de 2016 AMEXCID. (2016c)." in text
    assert "Organizaciones en la segunda reunión más de 90 6 de julio de 2016" in text
    assert "(párrafo 1)" in text
    assert "Figura fuera del periodo" not in text


def test_the_english_report_says_no_data_and_writes_dates_the_english_way(django_capture_on_commit_callbacks):
    record_figures()
    text = report_text("en", django_capture_on_commit_callbacks)
    assert "Organizations at the third meeting no data August 23, 2016" in text
    assert "Organizations at the second meeting more than 90 July 6, 2016" in text


def test_a_work_that_is_the_source_of_a_figure_is_not_archived(client):
    record_figures()
    entry = BibliographyEntry.objects.get()
    client.force_login(make_staff())
    response = client.post(reverse("reports:narrative-archive", args=["bibliografia", entry.pk]), follow=True)
    assert BibliographyEntry.objects.current().filter(pk=entry.pk).exists()
    assert "Esta obra es la fuente de cifras registradas" in response.content.decode()


def test_staff_record_a_figure_without_a_value(client):
    entry = BibliographyEntry.objects.create(title="AMEXCID. (2016). Policy Brief.")
    client.force_login(make_staff())
    response = client.post(
        reverse("reports:narrative-create", args=["cifras"]),
        {
            "position": 1,
            "label_es": "Asistentes a la cuarta reunión",
            "label_en": "",
            "value": "",
            "qualifier": "exact",
            "as_of": "2016-10-04",
            "date_precision": "year",  # the seed does not date the fourth meeting
            "source": entry.pk,
            "locator": "",
        },
    )
    assert response.status_code == 302
    figure = RecordedFigure.objects.get()
    assert figure.value is None and figure.source == entry and figure.date_precision == "year"
