"""The web and Word editions carry the same content as the PDF; staff publish the web one to the public site."""

import datetime
import io

import pytest
from django.urls import reverse
from docx import Document as WordDocument

from committees.models import Session
from reports.models import BibliographyEntry, PublishedEdition, RecordedFigure
from reports.services import narrative_text_save
from tests.factories import make_representative, make_session, make_staff

pytestmark = pytest.mark.django_db

PERIOD = {"start": "2016-05-01", "end": "2018-03-31"}


def scene():
    staff = make_staff()
    plenary = make_session(kind="plenary", days_from_now=-30, title="Lanzamiento de prueba")
    launch = datetime.datetime(2016, 5, 19, 16, tzinfo=datetime.UTC)
    Session.objects.filter(pk=plenary.pk).update(starts_at=launch, ends_at=launch + datetime.timedelta(hours=2))
    source = BibliographyEntry.objects.create(title="AMEXCID. (2016c). Comunicado del 23 de agosto de 2016.")
    RecordedFigure.objects.create(
        label_es="Organizaciones en la tercera reunión", label_en="Organizations at the third meeting",
        as_of=datetime.date(2016, 8, 23), source=source,
    )  # fmt: skip
    narrative_text_save(actor=staff, part="future", body_es="La AxS representa un nuevo acercamiento.",
                        body_en="The AxS is a new approach.")  # fmt: skip
    return staff


def test_the_word_edition_has_the_chapters_the_figures_and_sin_dato(client):
    client.force_login(scene())
    response = client.get(reverse("reports:edition-docx"), PERIOD)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.docx"')
    word = WordDocument(io.BytesIO(response.content))
    paragraphs = [p.text for p in word.paragraphs]
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert (
        "1. La Agencia Mexicana de Cooperación Internacional para el Desarrollo y la vinculación con el sector privado"
        in headings
    )
    assert "5. Hacia el futuro" in headings and "Fuentes de las cifras" in headings
    assert "La AxS representa un nuevo acercamiento." in paragraphs
    assert any(p.startswith("Cuadro") and "Cifras tomadas de documentos" in p for p in paragraphs)
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    assert "Organizaciones en la tercera reunión" in cells and "sin dato" in cells
    assert "19 de mayo de 2016" in cells


def test_staff_preview_and_publish_the_web_edition_which_the_public_reads_in_both_languages(client):
    client.force_login(scene())
    preview = client.get(reverse("reports:edition"), PERIOD).content.decode()
    assert "5. Hacia el futuro" in preview and "sin dato" in preview
    response = client.post(reverse("reports:edition-publish"), PERIOD)
    edition = PublishedEdition.objects.get()
    assert response.status_code == 302 and response["Location"] == edition.get_absolute_url()
    client.logout()
    page = client.get(edition.get_absolute_url()).content.decode()
    assert "La AxS representa un nuevo acercamiento." in page
    assert "Cuadro 1." in page
    client.post(reverse("accounts:set-language"), {"language": "en", "next": "/"})
    english = client.get(edition.get_absolute_url()).content.decode()
    assert "The AxS is a new approach." in english and "no data" in english and "May 19, 2016" in english


def test_a_withdrawn_edition_is_gone_and_only_staff_publish(client):
    staff = scene()
    edition = PublishedEdition.objects.create(
        start=datetime.date(2016, 5, 1), end=datetime.date(2018, 3, 31), html_es="<p>x</p>", html_en="<p>x</p>",
        published_by=staff, withdrawn_at=datetime.datetime(2019, 1, 1, tzinfo=datetime.UTC),
    )  # fmt: skip
    assert client.get(edition.get_absolute_url()).status_code == 404
    client.force_login(make_representative())
    assert client.post(reverse("reports:edition-publish"), PERIOD).status_code == 403
    assert PublishedEdition.objects.count() == 1
