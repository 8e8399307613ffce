"""The project fact sheet (ficha de proyecto): what it shows, in which language, and who may have it."""

import io
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image

from documents.models import Document
from documents.permissions import can_request_document, can_view_document
from documents.services import document_request
from projects import services
from projects.documents import FACT_SHEET
from sdg.models import Indicator
from tests.factories import make_representative
from tests.pdf_text import pdf_pages, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def render(django_capture_on_commit_callbacks):
    def _render(user, proposal, language="es-mx"):
        with django_capture_on_commit_callbacks(execute=True):
            document = document_request(actor=user, kind=FACT_SHEET, language=language, target=proposal)
        document.refresh_from_db()
        assert document.status == Document.Status.READY, document.error
        return document

    return _render


def test_the_fact_sheet_shows_the_project_its_consortium_matrix_criteria_and_budget(cast, submitted, render):
    document = render(cast.staff, submitted)
    text = pdf_text(document)
    assert "Alimentos sin desperdicio" in text
    assert "FICHA DE PROYECTO" in text  # the running header, in small capitals
    assert "Producción y consumo responsables" in text  # the committee's SDG, in the goal's band
    assert cast.lead_org.legal_name in text and cast.partner_org.legal_name in text
    assert "ORGANIZACIÓN LÍDER" in text
    assert "Asesoría en logística" in text
    assert "Se desperdician alimentos aptos para consumo." in text
    assert "Recuperar 1,000 toneladas de alimentos al año." in text
    assert "Logística inversa" in text
    assert "Toneladas recuperadas" in text and "Reportes de los bancos de alimentos" in text
    assert "12.3" in text
    assert "Sostenibilidad económica y financiera" in text and "Sostenibilidad política" in text
    assert "Replicabilidad en Centroamérica y el Caribe" in text and "Vinculable a fondos económicos" in text
    assert "Guatemala" in text and "Honduras" in text
    assert "$500,000.00" in text
    assert "Enviada:" in text and "Estado" in text
    assert "Página 1 de" in text and "Generado el" in text
    assert 1 <= document.page_count <= 3
    assert document.filename.startswith(f"ficha-{submitted.pk}-alimentos-sin-desperdicio")


def test_the_fact_sheet_in_english_has_english_headings(cast, submitted, render):
    text = pdf_text(render(cast.staff, submitted, language="en"))
    assert "PROJECT FACT SHEET" in text
    assert "Results matrix" in text and "Means of verification" in text
    assert "Economic and financial sustainability" in text
    assert "Page 1 of" in text


def test_a_long_results_matrix_continues_on_the_next_page_with_its_header_repeated(cast, draft, render):
    indicator = Indicator.objects.filter(target__code="12.3").first()
    for number in range(45):
        services.indicator_add(
            actor=cast.lead,
            proposal=draft,
            component=None,
            name=f"Indicador número {number} con un nombre largo para ocupar espacio en la página",
            unit="t",
            baseline_value=Decimal("0"),
            baseline_year=2026,
            target_value=Decimal("10"),
            target_year=2028,
            means_of_verification="Reportes trimestrales del consorcio",
            sdg_indicator=indicator,
        )
    pages, _reader = pdf_pages(render(cast.lead, draft))
    with_matrix = [page for page in pages if "Indicador número" in page]
    assert len(with_matrix) >= 2
    assert all("Medios de" in page for page in with_matrix)  # the table's header, on every page it spans


def test_the_lead_organizations_logo_from_media_is_drawn(cast, submitted, render):
    buffer = io.BytesIO()
    Image.new("RGB", (120, 60), "#691c32").save(buffer, format="PNG")
    cast.lead_org.logo.save("logo.png", ContentFile(buffer.getvalue()), save=True)
    _pages, reader = pdf_pages(render(cast.staff, submitted))
    assert sum(len(page.images) for page in reader.pages) >= 1


def test_who_may_ask_for_a_fact_sheet(cast, draft):
    def may(user, proposal):
        return can_request_document(user, FACT_SHEET, proposal, {})

    # A draft is its lead organization's alone (and staff's): never public, not even to partners or chairs.
    assert may(cast.lead, draft) and may(cast.staff, draft)
    assert not may(cast.partner, draft)
    assert not may(cast.chair, draft)
    assert not may(cast.outsider, draft)
    assert not may(make_representative(), draft)
    submitted = services.proposal_submit(actor=cast.lead, proposal=draft)
    assert may(cast.partner, submitted) and may(cast.chair, submitted) and may(cast.lead, submitted)
    assert not may(cast.other_chair, submitted)
    assert not may(cast.outsider, submitted)
    assert not may(cast.evaluator, submitted)


def test_a_representative_reads_only_the_sheets_they_asked_for_of_their_own_proposals(cast, submitted, render):
    document = render(cast.lead, submitted)
    assert can_view_document(cast.lead, document)
    assert can_view_document(cast.staff, document)
    assert not can_view_document(cast.partner, document)  # somebody else's job: asks for their own
    assert not can_view_document(cast.outsider, document)


def test_asking_for_a_fact_sheet_anonymous_is_sent_to_sign_in(client, cast, submitted):
    data = {"kind": FACT_SHEET, "object_id": submitted.pk, "language": "es-mx"}
    response = client.post(reverse("documents:document-request"), data)
    assert response.status_code == 302 and "/cuenta/" in response.url
    assert not Document.objects.exists()


def test_asking_for_somebody_elses_fact_sheet_is_refused(client, cast, submitted):
    client.force_login(cast.outsider)
    data = {"kind": FACT_SHEET, "object_id": submitted.pk, "language": "es-mx"}
    assert client.post(reverse("documents:document-request"), data).status_code == 403
    assert not Document.objects.exists()


def test_the_lead_asks_from_the_proposal_page_and_downloads_the_sheet(
    client, cast, submitted, django_capture_on_commit_callbacks
):
    client.force_login(cast.lead)
    page = client.get(reverse("projects:proposal-detail", args=[submitted.pk])).content.decode()
    assert "Ficha de proyecto (PDF)" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("documents:document-request"), {"kind": FACT_SHEET, "object_id": submitted.pk, "language": "en"}
        )
    document = Document.objects.get()
    assert response.url == document.get_absolute_url()
    download = client.get(reverse("documents:document-download", args=[document.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    client.force_login(cast.outsider)
    assert client.get(reverse("documents:document-download", args=[document.pk])).status_code == 403


def test_the_public_project_page_offers_the_sheet_to_staff_only(client, cast, submitted):
    submitted.status = "structured"
    submitted.published_at = submitted.updated_at
    submitted.save()
    url = reverse("projects:project-detail", args=[submitted.pk])
    assert "Ficha de proyecto (PDF)" not in client.get(url).content.decode()
    client.force_login(cast.outsider)
    assert "Ficha de proyecto (PDF)" not in client.get(url).content.decode()
    client.force_login(cast.staff)
    assert "Ficha de proyecto (PDF)" in client.get(url).content.decode()


def test_asking_twice_while_it_renders_gives_the_same_job(cast, submitted):
    first = document_request(actor=cast.lead, kind=FACT_SHEET, language="es-mx", target=submitted)
    second = document_request(actor=cast.lead, kind=FACT_SHEET, language="es-mx", target=submitted)
    assert first.pk == second.pk
    assert Document.objects.count() == 1


def test_another_person_asking_while_it_waits_gets_a_job_they_can_open(cast, submitted):
    first = document_request(actor=cast.lead, kind=FACT_SHEET, language="es-mx", target=submitted)
    second = document_request(actor=cast.staff, kind=FACT_SHEET, language="es-mx", target=submitted)
    assert second.pk != first.pk
    assert can_view_document(cast.staff, second) and can_view_document(cast.lead, first)
