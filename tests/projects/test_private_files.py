"""Private files (issue #16): stored under a random name, the original kept for display, sent as private downloads."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from projects import services

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def assert_private_download(response, name):
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"].startswith("attachment") and name in response["Content-Disposition"]


def test_selection_evidence_is_stored_under_a_random_name_and_downloaded_under_its_own(
    client, scene, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    selection_round = services.round_create(
        actor=scene.staff, committee=scene.committee, title="Estudios", method="studies",
        proposals=scene.candidates[:1],
    )  # fmt: skip
    evidence = services.evidence_add(
        actor=scene.staff, selection_round=selection_round, kind="study", title="Estudio",
        file=SimpleUploadedFile("Estudio de mercado 2026.pdf", PDF, content_type="application/pdf"),
    )  # fmt: skip
    second = services.evidence_add(
        actor=scene.staff, selection_round=selection_round, kind="study", title="Otro",
        file=SimpleUploadedFile("Estudio de mercado 2026.pdf", PDF, content_type="application/pdf"),
    )  # fmt: skip
    assert evidence.original_name == "Estudio de mercado 2026.pdf"
    assert "Estudio" not in evidence.file.name and evidence.file.name.endswith(".pdf")
    assert evidence.file.name != second.file.name
    client.force_login(scene.chair)
    response = client.get(reverse("projects:evidence-download", args=[evidence.pk]))
    assert_private_download(response, "Estudio de mercado 2026.pdf")


def test_generated_documents_are_stored_under_a_random_name(settings, tmp_path):
    from documents.models import Document
    from tests.factories import make_staff

    settings.MEDIA_ROOT = tmp_path / "media"
    staff = make_staff()
    from django.utils import timezone

    kwargs = {"kind": "x", "language": "es", "requested_by": staff, "requested_at": timezone.now()}
    first, second = Document(**kwargs), Document(**kwargs)
    first.file.save("ficha-proyecto.pdf", ContentFile(PDF), save=False)
    second.file.save("ficha-proyecto.pdf", ContentFile(PDF), save=False)
    assert "ficha-proyecto" not in first.file.name and first.file.name.endswith(".pdf")
    assert first.file.name != second.file.name
