"""The public fact sheet: only what the public project page shows, at a stable address that serves the latest one."""

import pytest
from django.urls import reverse

from documents.models import Document
from documents.services import document_render, document_request
from projects import services
from projects.documents import FACT_SHEET, PUBLIC_FACT_SHEET
from projects.models import PartnerStatus, Proposal
from tests.factories import make_representative
from tests.opendata.secrets import seed_secrets
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db


def make_sheet(staff, project, *, kind=PUBLIC_FACT_SHEET, language="es-mx"):
    """Render a fact sheet now (the demo's own requests stay queued in tests: they would be rendered on commit)."""
    document = document_request(actor=staff, kind=kind, language=language, target=project)
    document = document_render(document_id=document.pk)
    assert document.status == Document.Status.READY, document.error
    return document


@pytest.fixture
def staff(demo):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(email="staff@amexcid.example")


@pytest.fixture
def project(demo):
    return Proposal.objects.published().order_by("pk").first()


def test_the_public_sheet_shows_the_public_page_and_none_of_what_the_full_sheet_marks(staff, project):
    secrets = seed_secrets()  # the invited partner, comment and attachment are on this project
    project.refresh_from_db()
    public = pdf_text(make_sheet(staff, project))
    full = pdf_text(make_sheet(staff, project, kind=FACT_SHEET))
    assert project.title in public and "FICHA DE PROYECTO" in public
    for member in project.consortium.filter(status=PartnerStatus.ACCEPTED).select_related("organization"):
        assert member.organization.legal_name in public
    assert project.components.first().title in public
    # The full sheet, for the project's own people and reviewers, shows what the markers mark: the test can fail.
    assert {"MARKER-PROBLEM", "MARKER-CRITERIA", "MARKER-BUDGET", "MARKER-CONTRIBUTION"} <= {
        secret for secret in secrets if secret in full
    }
    assert "MARKER-INVITED-ORGANIZATION" in full
    assert not sorted(secret for secret in secrets if secret and secret in public)
    for hidden in ("Presupuesto", "Criterios de sostenibilidad", "Criterios AxS", "Problema", "Enviada:"):
        assert hidden not in public, hidden


def test_the_address_serves_the_latest_ready_sheet_of_its_language(staff, project, client):
    url = reverse("projects:project-fact-sheet", kwargs={"pk": project.pk, "language": "es"})
    assert client.get(url).status_code == 404  # none made yet
    older = make_sheet(staff, project)
    newer = make_sheet(staff, project)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF")
    with newer.file.open("rb") as stream:
        assert body == stream.read()
    assert older.pk != newer.pk
    english = reverse("projects:project-fact-sheet", kwargs={"pk": project.pk, "language": "en"})
    assert client.get(english).status_code == 404  # only the Spanish one exists
    unknown = reverse("projects:project-fact-sheet", kwargs={"pk": project.pk, "language": "fr"})
    assert client.get(unknown).status_code == 404


def test_an_unpublished_project_has_no_public_sheet_even_if_one_was_made(staff, project, client):
    make_sheet(staff, project)
    url = reverse("projects:project-fact-sheet", kwargs={"pk": project.pk, "language": "es"})
    assert client.get(url).status_code == 200
    services.proposal_publish(actor=staff, proposal=project, publish=False)
    assert client.get(url).status_code == 404
    unpublished = Proposal.objects.exclude(pk__in=Proposal.objects.published()).first()
    missing = reverse("projects:project-fact-sheet", kwargs={"pk": unpublished.pk, "language": "es"})
    assert client.get(missing).status_code == 404


def test_publishing_asks_for_the_public_sheet_in_every_language_once_it_commits(
    staff, project, django_capture_on_commit_callbacks
):
    services.proposal_publish(actor=staff, proposal=project, publish=False)
    Document.objects.filter(kind=PUBLIC_FACT_SHEET).delete()
    with django_capture_on_commit_callbacks() as callbacks:
        services.proposal_publish(actor=staff, proposal=project)
    asked = Document.objects.filter(kind=PUBLIC_FACT_SHEET, target_id=str(project.pk))
    assert not asked.exists()
    for callback in callbacks:  # the jobs stay queued: the test's own transaction never commits
        callback()
    assert sorted(asked.values_list("language", flat=True)) == ["en", "es-mx"]
    assert set(asked.values_list("requested_by", flat=True)) == {None}  # the platform asked, not the person


def test_the_public_page_links_the_sheets_made_and_staff_may_ask_again(staff, project, client):
    page = reverse("projects:project-detail", args=[project.pk])
    url = reverse("projects:project-fact-sheet", kwargs={"pk": project.pk, "language": "es"})
    assert url not in client.get(page).content.decode()
    make_sheet(staff, project)
    assert url in client.get(page).content.decode()

    refresh = reverse("projects:project-fact-sheet-refresh", args=[project.pk])
    assert client.post(refresh).status_code == 302  # to sign in
    client.force_login(make_representative())
    assert client.post(refresh).status_code == 403
    client.force_login(staff)
    Document.objects.filter(kind=PUBLIC_FACT_SHEET, status__in=Document.IN_PROGRESS).delete()
    assert client.post(refresh).status_code == 302
    queued = Document.objects.filter(kind=PUBLIC_FACT_SHEET, target_id=str(project.pk), status="queued")
    assert queued.count() == 2
