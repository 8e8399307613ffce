"""Opening a renewal review leaves the approval in force until the renewal is decided."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from companies import selectors, services
from companies.models import DueDiligenceState, Finding, RiskQuestion

pytestmark = pytest.mark.django_db


def _decide(staff, review, decision, expires_on):
    services.checklist_save(
        actor=staff,
        review=review,
        answers=dict.fromkeys(RiskQuestion.values, (Finding.NO_CONCERN, "Consultado")),
        summary="",
    )
    services.review_decide(actor=staff, review=review, decision=decision, risk_rating="low", expires_on=expires_on)


def _listed(client, state):
    # The staff directory's filter, as the directory page and the staff desk read it.
    return list(selectors.directory(private=True, due_diligence=state).values_list("pk", flat=True))


def test_a_renewal_keeps_the_approval_until_its_own_decision(client, staff, org_a):
    valid_until = timezone.localdate() + timedelta(days=30)
    _decide(staff, services.review_start(actor=staff, organization=org_a), "approved", valid_until)
    renewal = services.review_start(actor=staff, organization=org_a)
    org_a.refresh_from_db()
    assert (org_a.due_diligence_state, org_a.due_diligence_expires_on) == (DueDiligenceState.APPROVED, valid_until)
    client.force_login(staff)
    assert org_a.pk in _listed(client, "approved")
    assert org_a.pk in _listed(client, "expiring")
    assert org_a.pk in _listed(client, "in_progress")  # staff still find the open renewal
    page = client.get(reverse("companies:organization-detail", args=[org_a.pk])).content.decode()
    assert "Aprobad" in page and "revisión de renovación en curso" in page
    later = timezone.localdate() + timedelta(days=400)
    _decide(staff, renewal, "rejected", later)
    org_a.refresh_from_db()
    assert (org_a.due_diligence_state, org_a.due_diligence_expires_on) == (DueDiligenceState.REJECTED, later)
    assert org_a.pk not in _listed(client, "in_progress")
