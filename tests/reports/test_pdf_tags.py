"""The systematization PDF is tagged for accessibility (PDF/UA-1): structure tree, language, title."""

import datetime
import subprocess

import pytest

from documents.models import Document
from documents.services import document_request
from reports.documents import SYSTEMATIZATION
from tests.factories import make_session, make_staff
from tests.pdf_text import pdf_pages

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.parametrize(("language", "lang"), [("es-mx", "es"), ("en", "en")])
def test_the_report_pdf_is_tagged_with_its_language(django_capture_on_commit_callbacks, tmp_path, language, lang):
    make_session(kind="plenary", days_from_now=-30, title="Plenaria de prueba")
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(
            actor=make_staff(),
            kind=SYSTEMATIZATION,
            language=language,
            params={"start": "2016-05-01", "end": datetime.date.today().isoformat()},
        )
    document.refresh_from_db()
    assert document.status == Document.Status.READY, document.error
    path = tmp_path / "report.pdf"
    with document.file.open("rb") as handle:
        path.write_bytes(handle.read())
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Tagged:          yes" in info
    _pages, reader = pdf_pages(document)
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert str(catalog["/Lang"]).lower().startswith(lang)
    assert catalog["/MarkInfo"]["/Marked"]
