"""The cover's logos and images, the alliance's stated objectives and the notes citing recorded figures."""

import datetime
import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from docx import Document as WordDocument
from PIL import Image

from audit.models import AuditEvent
from documents.models import Document
from documents.services import document_request
from reports.documents import SYSTEMATIZATION
from reports.editions import edition_html
from reports.models import AllianceObjective, BibliographyEntry, CoverImage, RecordedFigure
from tests.factories import make_representative, make_staff
from tests.pdf_text import pdf_pages

pytestmark = pytest.mark.django_db

START, END = datetime.date(2016, 5, 1), datetime.date(2018, 3, 31)
PERIOD = {"start": START.isoformat(), "end": END.isoformat()}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def png(name="logo.png", colour=(105, 28, 50)):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), colour).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def upload(client, **fields):
    data = {"file": png(), "kind": "logo", "position": 1, "alt_es": "Logotipo de la AMEXCID",
            "alt_en": "AMEXCID logo", **fields}  # fmt: skip
    return client.post(reverse("reports:cover-images"), data)


def test_staff_upload_a_logo_that_every_edition_shows_on_the_cover_with_its_alternative_text(client):
    client.force_login(make_staff())
    assert upload(client).status_code == 302
    image = CoverImage.objects.get()
    assert image.file.name.startswith("reports/cover/") and image.file.name.endswith(".png")
    with translation.override("es-mx"):
        html = edition_html(START, END)
    assert 'alt="Logotipo de la AMEXCID"' in html and 'src="data:image/png;base64,' in html
    with translation.override("en"):
        assert 'alt="AMEXCID logo"' in edition_html(START, END)
    word = WordDocument(io.BytesIO(client.get(reverse("reports:edition-docx"), PERIOD).content))
    # The cover's logo is the first picture; the alliance's model (a diagram) follows it as a picture of its own.
    pictures = [shape._inline.docPr.get("descr") for shape in word.inline_shapes]
    assert pictures[0] == "Logotipo de la AMEXCID"
    assert all(picture.startswith("Modelo general de la AxS") for picture in pictures[1:])


def test_a_file_that_is_no_image_is_refused_and_the_form_keeps_what_was_typed(client):
    client.force_login(make_staff())
    fake = SimpleUploadedFile("logo.png", b"<html>not an image</html>", content_type="image/png")
    response = upload(client, file=fake, alt_es="Logotipo de la GIZ")
    assert response.status_code == 200 and not CoverImage.objects.exists()
    page = response.content.decode()
    assert "no es un archivo PNG" in page and 'value="Logotipo de la GIZ"' in page


def test_alternative_text_is_required_in_both_languages(client):
    client.force_login(make_staff())
    response = upload(client, alt_en="")
    assert response.status_code == 200 and not CoverImage.objects.exists()
    assert "Este campo es obligatorio." in response.content.decode()


def test_an_image_over_the_size_limit_is_refused(client):
    client.force_login(make_staff())
    big = io.BytesIO()
    Image.frombytes("RGB", (700, 700), os.urandom(700 * 700 * 3)).save(big, format="PNG")
    assert big.tell() > 1024 * 1024
    response = upload(client, file=SimpleUploadedFile("big.png", big.getvalue()))
    assert response.status_code == 200 and not CoverImage.objects.exists()
    assert "el límite es 1.0" in response.content.decode()


def test_a_small_file_that_decodes_to_a_huge_picture_is_refused(client):
    client.force_login(make_staff())
    huge = io.BytesIO()
    Image.new("1", (5000, 10)).save(huge, format="PNG")  # a few hundred bytes, 5,000 pixels wide
    assert huge.tell() < 10_000
    response = upload(client, file=SimpleUploadedFile("ancha.png", huge.getvalue()))
    assert response.status_code == 200 and not CoverImage.objects.exists()
    assert "La imagen puede medir a lo más 4000 píxeles por lado." in response.content.decode()


def test_replacing_and_removing_keep_the_old_image_and_its_file(client):
    client.force_login(make_staff())
    upload(client)
    old = CoverImage.objects.get()
    response = client.post(
        reverse("reports:cover-image-replace", args=[old.pk]),
        {"file": png("nuevo.png", (0, 0, 0)), "alt_es": "Logotipo nuevo", "alt_en": "New logo"},
    )
    assert response.status_code == 302
    old.refresh_from_db()
    new = CoverImage.objects.current().get()
    assert old.archived_at is not None and new.replaces == old and old.file.storage.exists(old.file.name)
    with translation.override("es-mx"):
        html = edition_html(START, END)
    assert "Logotipo nuevo" in html and "Logotipo de la AMEXCID" not in html
    client.post(reverse("reports:cover-image-remove", args=[new.pk]))
    assert CoverImage.objects.count() == 2 and not CoverImage.objects.current().exists()
    assert client.get(reverse("reports:cover-image-replace", args=[new.pk])).status_code == 404


def test_only_staff_change_the_cover(client):
    client.force_login(make_representative())
    assert upload(client).status_code == 403
    assert not CoverImage.objects.exists()


def test_the_cover_page_lists_images_in_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    client.force_login(make_staff())
    for _ in range(3):
        upload(client)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("reports:cover-images")).status_code == 200


def test_the_alliance_objectives_and_their_fulfilment_are_listed_from_records_in_both_languages():
    source = BibliographyEntry.objects.create(authors="AMEXCID", year=2017, year_suffix="a", title="One pager")
    AllianceObjective.objects.create(position=2, title_es="Identificar prioridades", title_en="Identify priorities",
                                     body_es="Se realizaron cuatro plenarias.", body_en="Four plenaries were held.",
                                     source=source)  # fmt: skip
    AllianceObjective.objects.create(position=1, title_es="Compartir experiencias", body_es="Se cumple.")
    with translation.override("es-mx"):
        html = edition_html(START, END)
    assert "Cumplimiento de los objetivos propuestos" in html
    assert html.index("Compartir experiencias") < html.index("Identificar prioridades")
    assert "Se realizaron cuatro plenarias." in html and "(AMEXCID, 2017a)" in html
    with translation.override("en"):
        english = edition_html(START, END)
    assert "Identify priorities" in english and "Four plenaries were held." in english
    assert "Compartir experiencias" in english  # no English text: the Spanish one


def test_a_recorded_figure_is_printed_in_its_stage_with_a_note_citing_its_source():
    release = BibliographyEntry.objects.create(
        kind="press_release", authors="AMEXCID", year=2016, year_suffix="b", title="Segunda reunión",
        issued_on=datetime.date(2016, 7, 6), place="México", publisher="AMEXCID",
    )  # fmt: skip
    for label, value, day in (("En la segunda reunión", 90, 6), ("En la tercera reunión", None, 23)):
        RecordedFigure.objects.create(label_es=label, value=value, qualifier="at_least" if value else "exact",
                                      as_of=datetime.date(2016, 7 if day == 6 else 8, day), source=release,
                                      locator="párrafo 1")  # fmt: skip
    with translation.override("es-mx"):
        html = edition_html(START, END)
    stages = html[html.index('id="stages"') : html.index('id="contributions"')]
    assert "En la segunda reunión: más de 90 (6 de julio de 2016)" in stages
    assert "En la tercera reunión: sin dato (23 de agosto de 2016)" in stages
    # One source and locator, one note: both figures call note 1, which gives the whole reference.
    assert stages.count('href="#figure-note-1"') == 2
    assert "1. AMEXCID. (2016b). <em>Segunda reunión</em> [Comunicado de prensa, 6 de julio de 2016]." in stages


def test_editing_an_objective_keeps_its_text_before_and_after_in_the_audit_trail(client):
    objective = AllianceObjective.objects.create(title_es="Compartir experiencias", body_es="Antes.")
    client.force_login(make_staff())
    response = client.post(
        reverse("reports:narrative-update", args=["objetivos-alianza", objective.pk]),
        {"position": 1, "title_es": "Compartir experiencias", "title_en": "", "body_es": "Después.", "body_en": "",
         "source": ""},
    )  # fmt: skip
    assert response.status_code == 302
    event = AuditEvent.objects.filter(target_id=str(objective.pk), action=AuditEvent.Action.UPDATED).get()
    assert event.changes["body_es"] == ["Antes.", "Después."]
    objective.refresh_from_db()
    assert objective.body_es == "Después."


def _alt_texts(node, found):
    """Collect the /Alt of every element of a PDF's structure tree."""
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, dict):
        if "/Alt" in node:
            found.append(str(node["/Alt"]))
        _alt_texts(node.get("/K", []), found)
    elif isinstance(node, list):
        for child in node:
            _alt_texts(child, found)
    return found


def test_the_pdf_shows_the_logo_on_its_cover_tagged_with_its_alternative_text(
    client, django_capture_on_commit_callbacks
):
    staff = make_staff()
    client.force_login(staff)
    upload(client)
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(actor=staff, kind=SYSTEMATIZATION, language="es-mx", params=PERIOD)
    document.refresh_from_db()
    assert document.status == Document.Status.READY, document.error
    _pages, reader = pdf_pages(document)
    cover = reader.pages[0]["/Resources"]
    assert any(x.get_object()["/Subtype"] == "/Image" for x in cover.get("/XObject", {}).values())
    assert "Logotipo de la AMEXCID" in _alt_texts(reader.trailer["/Root"]["/StructTreeRoot"], [])


def test_the_edition_costs_the_same_queries_with_more_images_objectives_and_figures(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(make_staff())
    source = BibliographyEntry.objects.create(authors="AMEXCID", year=2018, title="Sistematización")

    def add(count):
        for index in range(count):
            upload(client)
            AllianceObjective.objects.create(title_es=f"Objetivo {index}", source=source)
            RecordedFigure.objects.create(label_es=f"Cifra {index}", value=index, as_of=START, source=source,
                                          locator=f"p. {index}")  # fmt: skip

    counts = []
    for count in (1, 4):
        add(count)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("reports:edition"), PERIOD).status_code == 200
        counts.append(len(queries))
    # The first page also reads what a later one finds cached (e.g. the session): more rows, no more queries.
    # 29: the chapters count in SQL (members, selections, projects by state and by day) instead of reading
    # rows, and the members with no attendance recorded (figures.py). 30: the cooperation system's milestones
    # (chapter 1's timeline, reports.diagrams). 31: the organizations with no data at the period's end (figures.py).
    assert counts[1] <= counts[0] <= 31, counts
