"""A post to a review decided meanwhile is refused out loud, and what was typed is shown back."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from companies import services
from companies.models import Evidence, Finding, RiskQuestion

pytestmark = pytest.mark.django_db
REFUSAL = "Esta revisión ya fue decidida"


def _decided_review(staff, organization):
    review = services.review_start(actor=staff, organization=organization)
    services.checklist_save(
        actor=staff,
        review=review,
        answers=dict.fromkeys(RiskQuestion.values, (Finding.NO_CONCERN, "Consultado")),
        summary="Sin hallazgos",
    )
    services.review_decide(
        actor=staff,
        review=review,
        decision="approved",
        risk_rating="low",
        expires_on=timezone.localdate() + timedelta(days=365),
    )
    return review


def test_a_second_decision_from_another_tab_is_refused_with_a_message(client, staff, org_a):
    review = _decided_review(staff, org_a)
    client.force_login(staff)
    response = client.post(
        reverse("companies:due-diligence-decide", args=[org_a.pk, review.pk]),
        {
            "risk_rating": "high",
            "decision": "rejected",
            "conditions": "Motivo tecleado en la otra pestaña",
            "expires_on": (timezone.localdate() + timedelta(days=30)).isoformat(),
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert REFUSAL in page
    assert "Motivo tecleado en la otra pestaña" in page and "Rechazada" in page
    review.refresh_from_db()
    assert review.decision == "approved"


def test_checklist_notes_and_a_document_posted_after_the_decision_are_shown_back(client, staff, org_a):
    review = _decided_review(staff, org_a)
    client.force_login(staff)
    page = {
        **{f"{question}_finding": "no_concern" for question in RiskQuestion.values},
        "environment_notes": "Notas escritas tarde sobre permisos.",
        "summary": "Resumen tardío.",
        "title": "Constancia tardía",
        "file": SimpleUploadedFile("tarde.pdf", b"%PDF-1.4 contenido"),
    }
    response = client.post(reverse("companies:due-diligence-checklist", args=[org_a.pk, review.pk]), page)
    assert response.status_code == 400
    content = response.content.decode()
    assert REFUSAL in content
    assert "Notas escritas tarde sobre permisos." in content and "Resumen tardío." in content
    assert "tarde.pdf" in content
    response = client.post(
        reverse("companies:due-diligence-evidence", args=[org_a.pk, review.pk]),
        {"title": "Otra constancia", "file": SimpleUploadedFile("otra.pdf", b"%PDF-1.4 contenido")},
    )
    assert response.status_code == 400
    assert REFUSAL in response.content.decode() and "Otra constancia" in response.content.decode()
    assert not Evidence.objects.filter(review=review).exists()
