"""Written parts of the report: a safe Markdown subset with footnotes, versioned, in Spanish and English."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from documents.models import Document
from documents.services import document_request
from reports.documents import SYSTEMATIZATION
from reports.markup import render_markup
from reports.models import NarrativeText
from reports.services import narrative_text_save
from tests.factories import make_representative, make_staff
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_markup_keeps_emphasis_lists_quotes_links_and_footnotes_and_drops_what_could_run():
    html = render_markup(
        "## Título\n\nTexto *con énfasis*[^1] y [enlace](https://www.gob.mx/amexcid).\n\n- uno\n- dos\n\n"
        "> Una cita\n> — Su autor\n\n<script>alert(1)</script> [malo](javascript:alert(1)) <b onclick=x>b</b>\n\n"
        "[^1]: AMEXCID (2016). Comunicado del 6 de julio de 2016.",
        prefix="prologue",
    )
    assert "<h3>Título</h3>" in html  # headings start below the chapter's and skip no level
    assert "<em>con énfasis</em>" in html and "<li>uno</li>" in html and "<blockquote>" in html
    assert 'href="https://www.gob.mx/amexcid"' in html
    assert 'id="prologue-fn1"' in html and "Comunicado del 6 de julio de 2016." in html
    assert "<script" not in html
    assert "<b onclick" not in html and "&lt;b onclick" in html and 'href="javascript' not in html


def test_saving_writes_a_new_version_and_keeps_the_old_one():
    staff = make_staff()
    first = narrative_text_save(actor=staff, part="prologue", body_es="Primera versión.")
    same = narrative_text_save(actor=staff, part="prologue", body_es="Primera versión.")
    second = narrative_text_save(actor=staff, part="prologue", body_es="Segunda versión.", body_en="Second version.")
    assert same == first
    assert [t.version for t in NarrativeText.objects.filter(part="prologue")] == [2, 1]
    assert second.version == 2 and NarrativeText.objects.get(version=1).body_es == "Primera versión."


def test_only_staff_write_and_an_empty_spanish_text_is_refused():
    with pytest.raises(ValidationError) as refused:
        narrative_text_save(actor=make_representative(), part="prologue", body_es="Texto")
    assert refused.value.code == "forbidden"
    with pytest.raises(ValidationError):
        narrative_text_save(actor=make_staff(), part="prologue", body_es="  ")


def test_staff_edit_a_part_on_its_page_and_see_its_versions(client):
    staff = make_staff()
    narrative_text_save(actor=staff, part="future", body_es="Hacia el futuro, primera.")
    client.force_login(staff)
    page = client.get(reverse("reports:text-edit", args=["future"])).content.decode()
    assert "Hacia el futuro, primera." in page and "versión 1" in page
    response = client.post(reverse("reports:text-edit", args=["future"]), {"body_es": "Segunda.", "body_en": ""})
    assert response.status_code == 302
    assert NarrativeText.objects.filter(part="future").count() == 2
    listing = client.get(reverse("reports:texts")).content.decode()
    assert "Hacia el futuro" in listing and "versión 2" in listing
    assert client.get(reverse("reports:text-edit", args=["nothing"])).status_code == 404


def test_the_report_prints_the_written_parts_in_their_chapters(django_capture_on_commit_callbacks):
    staff = make_staff()
    narrative_text_save(
        actor=staff, part="prologue", body_es="El presente estudio forma parte[^1].\n\n[^1]: GIZ, 2015a."
    )
    narrative_text_save(actor=staff, part="future", body_es="La AxS representa un nuevo acercamiento.",
                        body_en="The AxS is a new approach.")  # fmt: skip
    narrative_text_save(actor=staff, part="acknowledgements", body_es="Este documento ha sido posible gracias.")
    texts = {}
    for language in ("es-mx", "en"):
        with django_capture_on_commit_callbacks(execute=True):
            document = document_request(
                actor=staff,
                kind=SYSTEMATIZATION,
                language=language,
                params={"start": "2016-05-01", "end": "2018-03-31"},
            )
        document.refresh_from_db()
        assert document.status == Document.Status.READY, document.error
        texts[language] = " ".join(pdf_text(document).split())
    spanish, english = texts["es-mx"], texts["en"]
    assert "Prólogo" in spanish and "El presente estudio forma parte" in spanish and "GIZ, 2015a." in spanish
    assert "5. Hacia el futuro" in spanish and "La AxS representa un nuevo acercamiento." in spanish
    assert "Agradecimientos" in spanish
    assert "1. La Agencia Mexicana de Cooperación Internacional para el Desarrollo y la vinculación" in spanish
    assert "Criterios de la AxS" in spanish and "Replicabilidad en Centroamérica y el Caribe" in spanish
    assert "5. Towards the future" in english and "The AxS is a new approach." in english
    assert "El presente estudio forma parte" in english  # no English text yet: the Spanish one, marked as Spanish
