"""The minutes (minuta) of a session as a PDF: only approved versions, for those who may see the session."""

import pytest
from django.urls import reverse

from committees import services
from committees.documents import MINUTES, minutes_context
from documents.models import Document
from documents.permissions import can_request_document
from documents.services import DocumentError, document_request
from tests.factories import make_committee, make_committee_member, make_representative, make_session, make_staff
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def session():
    committee = make_committee(4)
    return make_session(committee, days_from_now=-3, title="Sesión ordinaria de junio: educación técnica")


@pytest.fixture
def approved(session):
    staff = make_staff()
    draft = services.minutes_save_draft(
        actor=staff, session=session, body="Se acordó la ruta de diseño participativo con niñas y niños."
    )
    return services.minutes_approve(actor=staff, minutes=draft)


def test_the_minutes_pdf_prints_the_approved_version_with_accents(
    session, approved, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(actor=make_staff(), kind=MINUTES, language="es-mx", target=session)
    document.refresh_from_db()
    assert document.status == Document.Status.READY, document.error
    text = pdf_text(document)
    assert "Sesión ordinaria de junio: educación técnica" in text
    assert "Se acordó la ruta de diseño participativo con niñas y niños." in text
    assert "MINUTA" in text and "Versión 1" in text
    assert "Educación de calidad" in text
    assert "No se registraron acuerdos." in text
    assert document.page_count == 1


def test_draft_minutes_are_never_printed(session):
    services.minutes_save_draft(actor=make_staff(), session=session, body="Borrador")
    assert not can_request_document(make_committee_member(session.committee), MINUTES, session, {})
    with pytest.raises(DocumentError):
        minutes_context(session)


def test_who_may_ask_for_the_minutes(session, approved):
    member = make_committee_member(session.committee)
    other = make_committee_member(make_committee(7))
    assert can_request_document(member, MINUTES, session, {})
    assert can_request_document(make_staff(), MINUTES, session, {})
    assert not can_request_document(other, MINUTES, session, {})
    assert not can_request_document(make_representative(), MINUTES, session, {})


def test_the_session_page_offers_the_pdf_and_asking_works_for_each_role(client, session, approved):
    url = reverse("documents:document-request")
    data = {"kind": MINUTES, "object_id": session.pk, "language": "es-mx"}
    response = client.post(url, data)
    assert response.status_code == 302 and "/cuenta/" in response.url
    client.force_login(make_committee_member(make_committee(7)))
    assert client.post(url, data).status_code == 403
    member = make_committee_member(session.committee)
    client.force_login(member)
    assert "Minuta (PDF)" in client.get(session.get_absolute_url()).content.decode()
    response = client.post(url, data)
    document = Document.objects.get()
    assert response.url == document.get_absolute_url()
    assert document.requested_by == member
