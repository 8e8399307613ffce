from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from audit.models import AuditEvent
from audit.selectors import events_for
from companies import services
from companies.models import (
    DueDiligenceState,
    Finding,
    Invitation,
    Organization,
    ParticipationChange,
    Representative,
    RiskQuestion,
)
from sdg.models import Goal
from tests.factories import make_member, make_organization, make_representative

pytestmark = pytest.mark.django_db


def new_fields(**overrides):
    fields = {
        "legal_name": "Gamma Circular, S.A. de C.V.",
        "short_name": "Gamma",
        "organization_type": "company",
        "size": "micro",
        "sector": "manufacturing",
        "rfc": "gci150301ab1",
        "country": "MX",
        "state": "NLE",
        "website": "",
        "description": "",
        "contact_email": "",
        "contact_phone": "",
    }
    return {**fields, **overrides}


def error_codes(error):
    return {e.code for errors in error.error_dict.values() for e in errors}


def test_staff_registers_an_organization_as_invited_with_history_and_audit(staff):
    organization = services.organization_create(actor=staff, **new_fields())
    assert organization.rfc == "GCI150301AB1"
    assert organization.participation_status == "invited"
    assert ParticipationChange.objects.get(organization=organization).to_status == "invited"
    event = events_for(organization).get()
    assert event.action == AuditEvent.Action.CREATED and event.changes["legal_name"][1] == organization.legal_name


def test_representative_cannot_register_organizations(rep_a):
    with pytest.raises(PermissionDenied):
        services.organization_create(actor=rep_a, **new_fields())


def test_duplicate_legal_name_is_refused_whatever_the_case(staff, org_a):
    with pytest.raises(ValidationError) as caught:
        services.organization_create(actor=staff, **new_fields(legal_name=org_a.legal_name.upper()))
    assert "duplicate_name" in error_codes(caught.value)
    assert not Organization.objects.filter(short_name="Gamma").exists()


def test_duplicate_rfc_is_refused_naming_the_owner(staff, org_a):
    with pytest.raises(ValidationError) as caught:
        services.organization_create(actor=staff, **new_fields(rfc=org_a.rfc))
    assert org_a.legal_name in str(caught.value.message_dict["rfc"])


def test_mexican_organization_needs_rfc_but_foreign_one_does_not(staff):
    with pytest.raises(ValidationError):
        services.organization_create(actor=staff, **new_fields(rfc=""))
    foreign = services.organization_create(actor=staff, **new_fields(rfc="", country="DE", state="NLE"))
    assert foreign.rfc == "" and foreign.state == ""


def test_invalid_rfc_is_refused(staff):
    with pytest.raises(ValidationError) as caught:
        services.organization_create(actor=staff, **new_fields(rfc="XYZ"))
    assert "rfc" in caught.value.message_dict


def test_representative_updates_own_profile_with_recorded_changes(org_a, rep_a):
    services.organization_update(actor=rep_a, organization=org_a, description="Empaques compostables")
    org_a.refresh_from_db()
    assert org_a.description == "Empaques compostables"
    assert events_for(org_a).filter(actor=rep_a, changes__description__1="Empaques compostables").exists()


def test_representative_cannot_update_another_organization(org_b, rep_a):
    with pytest.raises(PermissionDenied):
        services.organization_update(actor=rep_a, organization=org_b, description="Intruso")


def test_representative_cannot_change_participation(org_a, rep_a):
    with pytest.raises(PermissionDenied):
        services.participation_change(actor=rep_a, organization=org_a, to_status="suspended", reason="x")
    with pytest.raises(TypeError):
        services.organization_update(actor=rep_a, organization=org_a, participation_status="withdrawn")


def test_suspension_needs_a_reason_and_is_kept_in_history(staff, org_a):
    with pytest.raises(ValidationError) as caught:
        services.participation_change(actor=staff, organization=org_a, to_status="suspended", reason=" ")
    assert "reason_required" in error_codes(caught.value)
    assert caught.value.message_dict["reason"] == ["Indique por qué la organización pasa a «suspendida»."]
    services.participation_change(actor=staff, organization=org_a, to_status="suspended", reason="Sin proyecto")
    services.participation_change(actor=staff, organization=org_a, to_status="active")
    steps = list(org_a.participation_changes.order_by("created_at", "id").values_list("to_status", "reason"))
    assert steps[-2:] == [("suspended", "Sin proyecto"), ("active", "")]
    org_a.refresh_from_db()
    assert org_a.participation_status == "active"


def test_invited_organization_cannot_be_suspended(staff):
    organization = make_organization(actor=staff, status="invited")
    with pytest.raises(ValidationError) as caught:
        services.participation_change(actor=staff, organization=organization, to_status="suspended", reason="x")
    assert "invalid_transition" in error_codes(caught.value)
    refused = "Una organización con estado «invitada» no puede pasar a «suspendida»."
    assert caught.value.message_dict["to_status"] == [refused]


def test_withdrawn_organization_can_come_back(staff):
    organization = make_organization(actor=staff, status="withdrawn")
    services.participation_change(actor=staff, organization=organization, to_status="active")
    organization.refresh_from_db()
    assert organization.participation_status == "active"


def test_archiving_keeps_the_organization_and_blocks_its_representatives(staff, org_a, rep_a):
    services.organization_archive(actor=staff, organization=org_a, reason="Fusión")
    org_a.refresh_from_db()
    assert org_a.is_archived
    with pytest.raises(PermissionDenied):
        services.organization_update(actor=rep_a, organization=org_a, description="x")
    services.organization_restore(actor=staff, organization=org_a)
    org_a.refresh_from_db()
    assert not org_a.is_archived


def test_invitation_is_emailed_with_a_single_use_link_that_makes_a_representative(
    staff, org_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, token = services.invitation_create(
            actor=staff, organization=org_a, email="Nueva@Example.org", full_name="Nora Nueva"
        )
    assert invitation.email == "nueva@example.org"
    assert len(mail.outbox) == 1 and token in mail.outbox[0].body
    assert token not in invitation.token_hash
    person = services.invitation_accept(token=token, full_name="Nora Nueva", password="una-clave-larga-2026")
    assert person.check_password("una-clave-larga-2026") and person.role == "representative"
    assert Representative.objects.current().get(user=person).organization == org_a
    with pytest.raises(ValidationError) as caught:
        services.invitation_accept(token=token, full_name="Otra", password="una-clave-larga-2026")
    assert caught.value.code == "invitation_used"


def test_expired_invitation_cannot_be_accepted(staff, org_a):
    invitation, token = services.invitation_create(
        actor=staff, organization=org_a, email="e@example.org", full_name="E"
    )
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(ValidationError) as caught:
        services.invitation_accept(token=token, full_name="E", password="una-clave-larga-2026")
    assert caught.value.code == "invitation_expired"
    assert not Representative.objects.filter(organization=org_a, user__email="e@example.org").exists()


def test_resending_replaces_the_link_and_revoking_closes_it(staff, org_a):
    invitation, first = services.invitation_create(
        actor=staff, organization=org_a, email="r@example.org", full_name="R"
    )
    _invitation, second = services.invitation_resend(actor=staff, invitation=invitation)
    with pytest.raises(ValidationError) as caught:
        services.invitation_accept(token=first, full_name="R", password="una-clave-larga-2026")
    assert caught.value.code == "invitation_unknown"
    services.invitation_revoke(actor=staff, invitation=invitation)
    with pytest.raises(ValidationError) as caught:
        services.invitation_accept(token=second, full_name="R", password="una-clave-larga-2026")
    assert caught.value.code == "invitation_revoked"


def test_weak_password_is_refused_and_nothing_is_saved(staff, org_a):
    _invitation, token = services.invitation_create(
        actor=staff, organization=org_a, email="w@example.org", full_name="W"
    )
    with pytest.raises(ValidationError) as caught:
        services.invitation_accept(token=token, full_name="W", password="123")
    assert "password1" in caught.value.message_dict
    assert not Representative.objects.filter(user__email="w@example.org").exists()
    assert services.invitation_for_token(token).accepted_at is None


def test_same_address_cannot_be_invited_twice_while_open(staff, org_a):
    services.invitation_create(actor=staff, organization=org_a, email="d@example.org", full_name="D")
    with pytest.raises(ValidationError) as caught:
        services.invitation_create(actor=staff, organization=org_a, email="D@example.org", full_name="D")
    assert "already_invited" in error_codes(caught.value)


def test_person_representing_another_organization_cannot_be_invited(staff, org_a, rep_b):
    with pytest.raises(ValidationError) as caught:
        services.invitation_create(actor=staff, organization=org_a, email=rep_b.email, full_name="B")
    assert "represents_other" in error_codes(caught.value)


def test_representative_invites_and_removes_a_colleague_of_their_own_organization(org_a, rep_a):
    colleague = make_member(org_a)
    services.invitation_create(actor=rep_a, organization=org_a, email="c@example.org", full_name="C")
    link = Representative.objects.current().get(user=colleague)
    services.representative_remove(actor=rep_a, representative=link, reason="Cambió de empresa")
    link.refresh_from_db()
    assert link.ended_at is not None and link.end_reason == "Cambió de empresa"
    assert Representative.objects.filter(pk=link.pk).exists()


def test_representative_cannot_remove_themself_nor_people_of_another_organization(org_a, rep_a, rep_b):
    with pytest.raises(ValidationError):
        services.representative_remove(actor=rep_a, representative=Representative.objects.get(user=rep_a))
    with pytest.raises(PermissionDenied):
        services.representative_remove(actor=rep_a, representative=Representative.objects.get(user=rep_b))
    with pytest.raises(PermissionDenied):
        services.invitation_create(
            actor=rep_a,
            organization=Representative.objects.get(user=rep_b).organization,
            email="x@x.org",
            full_name="X",
        )


def test_priorities_are_ranked_and_roles_kept(org_a, rep_a):
    goals = [Goal.objects.get(number=n) for n in (12, 4, 7)]
    services.priorities_set(actor=rep_a, organization=org_a, goals=goals, alliance_roles=["fund", "lead_projects"])
    assert list(org_a.sdg_priorities.values_list("goal__number", "rank")) == [(12, 1), (4, 2), (7, 3)]
    org_a.refresh_from_db()
    assert org_a.alliance_roles == ["lead_projects", "fund"]
    with pytest.raises(ValidationError):
        services.priorities_set(actor=rep_a, organization=org_a, goals=goals + goals[:1], alliance_roles=[])


def _complete_checklist(staff, review):
    services.checklist_save(
        actor=staff,
        review=review,
        answers=dict.fromkeys(RiskQuestion.values, (Finding.NO_CONCERN, "Consultado")),
        summary="Sin hallazgos",
    )


def test_due_diligence_decision_needs_a_complete_checklist_and_a_future_expiry(staff, org_a):
    review = services.review_start(actor=staff, organization=org_a)
    org_a.refresh_from_db()
    assert org_a.due_diligence_state == DueDiligenceState.IN_PROGRESS
    future = timezone.localdate() + timedelta(days=365)
    with pytest.raises(ValidationError) as caught:
        services.review_decide(actor=staff, review=review, decision="approved", risk_rating="low", expires_on=future)
    assert "checklist_incomplete" in error_codes(caught.value)
    _complete_checklist(staff, review)
    with pytest.raises(ValidationError) as caught:
        services.review_decide(
            actor=staff,
            review=review,
            decision="approved_with_conditions",
            risk_rating="medium",
            expires_on=timezone.localdate(),
        )
    assert {"conditions_required", "expiry_in_past"} <= error_codes(caught.value)
    services.review_decide(actor=staff, review=review, decision="approved", risk_rating="low", expires_on=future)
    review.refresh_from_db()
    org_a.refresh_from_db()
    assert review.reviewer == staff and org_a.due_diligence_state == "approved"
    assert org_a.due_diligence_expires_on == future


def test_decided_review_cannot_change_and_evaluators_cannot_run_reviews(staff, evaluator, org_a):
    with pytest.raises(PermissionDenied):
        services.review_start(actor=evaluator, organization=org_a)
    review = services.review_start(actor=staff, organization=org_a)
    with pytest.raises(ValidationError):
        services.review_start(actor=staff, organization=org_a)
    _complete_checklist(staff, review)
    services.review_decide(
        actor=staff,
        review=review,
        decision="rejected",
        risk_rating="high",
        expires_on=timezone.localdate() + timedelta(days=30),
    )
    with pytest.raises(ValidationError) as caught:
        services.checklist_save(actor=staff, review=review, answers={}, summary="otro")
    assert caught.value.code == "review_decided"


def test_representative_cannot_run_due_diligence(org_a, rep_a):
    with pytest.raises(PermissionDenied):
        services.review_start(actor=rep_a, organization=org_a)


def test_accepting_for_an_existing_representative_without_organization_links_that_account(staff, org_a):
    person = make_representative(email="libre@example.org")
    _invitation, token = services.invitation_create(actor=staff, organization=org_a, email=person.email, full_name="L")
    accepted = services.invitation_accept(token=token, full_name="Libre", password="una-clave-larga-2026")
    assert accepted.pk == person.pk
