"""The demo report's PDF, rendered once per test session for the tests that only read it."""

import types

import pytest


@pytest.fixture(scope="session")
def demo_report_pdfs(request, _demo_rows, django_db_blocker, tmp_path_factory):
    """``{language: document}`` of the demo report in Spanish and English, as the worker leaves them.

    Rendering the report takes seconds per language and several modules read the same PDF: it is rendered
    here once, as in a test (Spanish: the edition the demo asks for, rendered as the worker renders it;
    English: asked for by staff), in a transaction that is rolled back. Each document is a plain record of
    the rendered row, with its PDF (``content``) and the PDF's text (``pages``, and ``text`` as ``pdf_text`` reads it).
    """
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.test import override_settings

    from documents.models import Document
    from documents.services import document_render, document_request, params_key
    from reports.demo import PERIOD
    from reports.documents import SYSTEMATIZATION
    from tests import demo_snapshot
    from tests.conftest import clock_ahead
    from tests.pdf_text import pdf_pages

    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    rendered = {}
    with media, django_db_blocker.unblock(), clock_ahead(request.config), transaction.atomic():
        demo_snapshot.restore(_demo_rows)
        asked = Document.objects.get(kind=SYSTEMATIZATION, language="es-mx", params_key=params_key(PERIOD))
        staff = get_user_model().objects.get(email="staff@amexcid.example")
        english = document_request(actor=staff, kind=SYSTEMATIZATION, language="en", params=PERIOD)
        for document in (asked, english):
            document = document_render(document_id=document.pk)
            document.refresh_from_db()
            content = b""
            if document.file:
                with document.file.open("rb") as handle:
                    content = handle.read()
            record = types.SimpleNamespace(
                language=document.language,
                status=document.status,
                error=document.error,
                page_count=document.page_count,
                content=content,
            )
            record.pages = pdf_pages(record)[0] if content else []
            record.text = "\n".join(record.pages)
            rendered[document.language] = record
        transaction.set_rollback(True)
    ContentType.objects.clear_cache()
    return rendered
