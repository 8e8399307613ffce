"""The results of a closed ballot as PDF: what they show, in which language, and who may have them."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from documents.models import Document
from documents.permissions import can_request_document
from documents.services import document_request
from projects import services
from projects.documents import BALLOT_RESULTS
from tests.pdf_text import pdf_text

from .ballot_scene import make_ballot

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def render(django_capture_on_commit_callbacks):
    def _render(user, ballot, language="es-mx"):
        with django_capture_on_commit_callbacks(execute=True):
            document = document_request(actor=user, kind=BALLOT_RESULTS, language=language, target=ballot)
        document.refresh_from_db()
        return document

    return _render


def voted_and_closed(scene, **fields):
    ballot = make_ballot(scene, **fields)
    services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[2].pk])
    services.vote_cast(actor=scene.voters[1], ballot=ballot, choices=[scene.candidates[2].pk])
    services.vote_cast(actor=scene.voters[2], ballot=ballot, choices=[scene.candidates[0].pk])
    return services.ballot_close(actor=scene.chair, ballot=ballot)


def test_named_ballot_results_show_counts_turnout_quorum_selection_and_who_voted_what(scene, render):
    ballot = voted_and_closed(scene)
    document = render(scene.voters[0], ballot)
    assert document.status == Document.Status.READY, document.error
    text = " ".join(pdf_text(document).split())  # words across page breaks too
    assert "RESULTADOS DE LA VOTACIÓN" in text  # the running header, in small capitals
    assert "Votación 2026" in text and "Selección 2026" in text and scene.committee.name in text
    assert "3 de 4 (75.0 %)" in text and "Hay quórum" in text
    assert "Candidato 3" in text and "66.7" in text and "33.3" in text
    assert "Seleccionada" in text and "Propuestas seleccionadas Candidato 3" in text
    assert "Candidato 3 2 (66.7 %)" in text  # the bar chart agrees with the table (it truncated to 66.6)
    assert "Quién votó qué" in text and str(scene.member_orgs[0]) in text
    assert document.filename.startswith(f"votacion-{ballot.pk}-votacion-2026")


def test_results_in_english(scene, render):
    text = pdf_text(render(scene.staff, voted_and_closed(scene), language="en"))
    assert "BALLOT RESULTS" in text and "Quorum met" in text and "Who voted what" in text


def test_secret_ballot_results_name_no_voter(scene, render):
    ballot = voted_and_closed(scene, is_secret=True)
    text = pdf_text(render(scene.staff, ballot))
    assert "Candidato 3" in text and "66.7" in text
    assert "Quién votó qué" not in text
    for organization in scene.member_orgs:
        assert str(organization) not in text


def test_open_ballot_results_are_refused_even_to_staff(client, scene, render):
    ballot = make_ballot(scene)
    for person in (scene.voters[0], scene.chair):
        assert not can_request_document(person, BALLOT_RESULTS, ballot, {})
        with pytest.raises(PermissionDenied):
            document_request(actor=person, kind=BALLOT_RESULTS, language="es-mx", target=ballot)
    document = render(scene.staff, ballot)  # staff may ask for anything; the builder still refuses
    assert document.status == Document.Status.FAILED
    client.force_login(scene.voters[0])
    page = client.get(reverse("projects:ballot-detail", args=[ballot.pk])).content.decode()
    assert BALLOT_RESULTS not in page


def test_closed_ballot_page_offers_the_pdf_to_whoever_sees_its_results(client, scene):
    ballot = voted_and_closed(scene)
    assert can_request_document(scene.outsider, BALLOT_RESULTS, ballot, {})
    client.force_login(scene.outsider)
    page = client.get(reverse("projects:ballot-detail", args=[ballot.pk])).content.decode()
    assert f'value="{BALLOT_RESULTS}"' in page
    response = client.post(
        reverse("documents:document-request"),
        {"kind": BALLOT_RESULTS, "object_id": ballot.pk, "language": "es-mx", "next": "/"},
    )
    assert response.status_code == 302
    assert Document.objects.filter(kind=BALLOT_RESULTS, requested_by=scene.outsider).exists()
