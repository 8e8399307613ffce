"""The demo's cover carries the platform's own mark, put there through the upload service, in every edition."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import translation
from docx import Document as WordDocument
from PIL import Image
from pypdf import PdfReader

from documents.models import Document
from documents.services import params_key
from reports.demo import COVER_MARK, COVER_MARK_ALT, PERIOD
from reports.documents import SYSTEMATIZATION
from reports.editions import edition_docx, edition_html
from reports.models import CoverImage
from reports.services import cover_image_remove
from tests.reports.test_publication import END, START, _alt_texts

pytestmark = pytest.mark.django_db
ALT_ES, ALT_EN = COVER_MARK_ALT


def test_the_demo_cover_has_the_platforms_wordmark_with_its_alternative_text(demo):
    [logo] = CoverImage.objects.current()
    assert logo.kind == "logo" and (logo.alt_es, logo.alt_en) == COVER_MARK_ALT
    assert logo.uploaded_by.email == "staff@amexcid.example"
    assert logo.file.name.startswith("reports/cover/") and logo.file.name.endswith(".png")
    with logo.file.open("rb") as stream:
        assert stream.read() == COVER_MARK.read_bytes()
    with Image.open(COVER_MARK) as image:
        width, height = image.size
    # The PDF's cover shows a logo 14 mm high and at most 45 mm wide: the mark fits without being squeezed.
    assert image.format == "PNG" and width / height <= 45 / 14


def test_every_edition_of_the_demo_report_shows_the_mark(demo):
    assert ALT_ES in edition_html(START, END) and "data:image/png;base64," in edition_html(START, END)
    with translation.override("en"):
        assert ALT_EN in edition_html(START, END)
        word = WordDocument(io.BytesIO(edition_docx(START, END, "Systematization")))
    descriptions = [shape._inline.docPr.get("descr") for shape in word.inline_shapes]
    assert descriptions[0] == ALT_EN and descriptions.count(ALT_EN) == 1  # then the charts, each with its own


def test_the_demo_reports_pdf_has_the_mark_on_its_cover_tagged_with_its_text(demo_report_pdfs):
    # The demo asks for its report once, in Spanish; rendered as the worker renders it.
    document = demo_report_pdfs["es-mx"]
    assert document.status == Document.Status.READY, document.error
    reader = PdfReader(io.BytesIO(document.content))
    cover = reader.pages[0]["/Resources"]
    assert any(x.get_object()["/Subtype"] == "/Image" for x in cover.get("/XObject", {}).values())
    assert ALT_ES in _alt_texts(reader.trailer["/Root"]["/StructTreeRoot"], [])


def test_loading_the_demo_again_leaves_a_cover_staff_changed_alone(demo):
    staff = get_user_model().objects.get(email="staff@amexcid.example")
    cover_image_remove(actor=staff, image=CoverImage.objects.get())
    call_command("load_demo", stdout=io.StringIO())
    assert CoverImage.objects.count() == 1 and not CoverImage.objects.current().exists()


def test_loading_the_demo_again_asks_once_for_a_report_edition_rendered_before_the_cover_had_its_logo(demo):
    from django.utils import timezone

    from audit.models import AuditEvent

    staff = get_user_model().objects.get(email="staff@amexcid.example")
    # What a demo loaded before the cover's logo left: its report rendered, no cover image.
    editions = Document.objects.filter(kind=SYSTEMATIZATION, params_key=params_key(PERIOD))
    [old] = editions
    rendered = timezone.now() - datetime.timedelta(days=3)
    editions.update(status="ready", file="documents/informe-antiguo.pdf", started_at=rendered, finished_at=rendered)
    CoverImage.objects.all().delete()

    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "cover logo added" in out.getvalue()
    assert "1 report editions rendered before the cover's logo asked for again" in out.getvalue()
    [new, kept] = editions.order_by("-requested_at", "-pk")
    assert kept.pk == old.pk and kept.status == "ready"  # the earlier edition is kept
    assert (new.status, new.language, new.params, new.requested_by) == ("queued", old.language, PERIOD, staff)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATED, target_id=str(new.pk)).exists()

    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "0 report editions rendered before the cover's logo asked for again" in out.getvalue()
    assert editions.count() == 2
    # Rendered since, with the logo: still nothing to ask for.
    editions.filter(pk=new.pk).update(status="ready", file="documents/informe.pdf", started_at=timezone.now())
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "0 report editions rendered before the cover's logo asked for again" in out.getvalue()
    assert editions.count() == 2
