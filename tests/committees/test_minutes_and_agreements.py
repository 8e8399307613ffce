"""Minutes (drafted, commented, approved, frozen, corrected) and agreements followed up."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from committees import services
from committees.models import Agreement, Minutes, PostKind
from committees.selectors import agreements
from tests.factories import (
    make_committee,
    make_committee_member,
    make_organization,
    make_post_holder,
    make_session,
)

pytestmark = pytest.mark.django_db


def test_minutes_are_drafted_commented_approved_frozen_and_corrected(
    committee, secretary, chair, django_capture_on_commit_callbacks
):
    member = make_committee_member(committee, full_name="Mariana Torres")
    session = make_session(committee, days_from_now=-2)
    draft = services.minutes_save_draft(actor=secretary, session=session, body="Se instaló el comité.")
    services.minutes_save_draft(actor=secretary, session=session, body="Se instaló el comité con 9 miembros.")
    services.minutes_comment(actor=member, minutes=draft, body="Faltó mencionar a KidZania.")
    with django_capture_on_commit_callbacks(execute=True):
        services.minutes_approve(actor=chair, minutes=draft)
    draft.refresh_from_db()
    assert draft.status == "approved" and draft.approved_by == chair
    published = next(m for m in mail.outbox if m.to == [member.email])
    assert published.subject == f"Minuta aprobada: {session.title}"
    assert "Se instaló el comité con 9 miembros." in published.body

    with pytest.raises(ValidationError) as error:
        services.minutes_save_draft(actor=secretary, session=session, body="Cambio a escondidas")
    assert error.value.code == "minutes_frozen"
    assert "Una minuta aprobada no puede editarse" in error.value.messages[0]
    with pytest.raises(ValidationError) as error:
        services.minutes_comment(actor=member, minutes=draft, body="Tarde")
    assert error.value.code == "minutes_frozen"

    correction = services.minutes_start_correction(
        actor=secretary, session=session, body="Se instaló el comité con 10 miembros.", correction_note="Número"
    )
    assert correction.version == 2 and correction.is_draft
    services.minutes_approve(actor=chair, minutes=correction)
    assert list(Minutes.objects.filter(session=session).values_list("version", "status")) == [
        (2, "approved"),
        (1, "approved"),
    ]
    draft.refresh_from_db()
    assert draft.body == "Se instaló el comité con 9 miembros."


def test_minutes_can_be_approved_at_the_next_session(committee, secretary, chair):
    session = make_session(committee, days_from_now=-40)
    next_session = make_session(committee, days_from_now=-10)
    draft = services.minutes_save_draft(actor=secretary, session=session, body="Acta")
    with pytest.raises(ValidationError):
        services.minutes_approve(actor=chair, minutes=draft, approved_at_session=make_session(make_committee(7)))
    services.minutes_approve(actor=chair, minutes=draft, approved_at_session=next_session)
    assert Minutes.objects.get().approved_at_session == next_session


def test_the_secretary_cannot_approve_and_another_chair_cannot_either(committee, secretary):
    session = make_session(committee, days_from_now=-1)
    draft = services.minutes_save_draft(actor=secretary, session=session, body="Acta")
    with pytest.raises(PermissionDenied):
        services.minutes_approve(actor=secretary, minutes=draft)
    with pytest.raises(PermissionDenied):
        services.minutes_approve(actor=make_post_holder(make_committee(12), PostKind.CHAIR), minutes=draft)


def test_an_agreement_without_a_responsible_is_refused(committee, secretary):
    session = make_session(committee, days_from_now=-1)
    with pytest.raises(ValidationError) as error:
        services.agreement_create(
            actor=secretary,
            session=session,
            description="Enviar propuestas",
            responsible_organization=None,
            responsible_person=None,
            due_on=datetime.date(2026, 12, 1),
        )
    assert error.value.code == "no_responsible"
    assert "Un acuerdo requiere a alguien responsable" in error.value.messages[0]
    assert not Agreement.objects.exists()


def test_agreements_are_followed_up_and_overdue_ones_flagged(committee, secretary):
    session = make_session(committee, days_from_now=-30)
    organization = secretary.representations.get().organization
    late = services.agreement_create(
        actor=secretary,
        session=session,
        description="Enviar el mapeo de programas",
        responsible_organization=organization,
        responsible_person=None,
        due_on=timezone.localdate() - datetime.timedelta(days=3),
    )
    on_time = services.agreement_create(
        actor=secretary,
        session=session,
        description="Preparar la convocatoria",
        responsible_organization=None,
        responsible_person=secretary,
        due_on=timezone.localdate() + datetime.timedelta(days=3),
    )
    assert late.is_overdue and not on_time.is_overdue
    assert list(agreements(committee=committee, overdue=True)) == [late]
    services.agreement_update(actor=secretary, agreement=late, status="done", follow_up="Enviado por correo")
    late.refresh_from_db()
    assert not late.is_overdue and late.completed_on == timezone.localdate()


def test_an_agreement_responsible_organization_must_be_a_member(committee, secretary):
    with pytest.raises(ValidationError) as error:
        services.agreement_create(
            actor=secretary,
            session=make_session(committee, days_from_now=-1),
            description="X",
            responsible_organization=make_organization(),
            responsible_person=None,
            due_on=datetime.date(2027, 1, 1),
        )
    assert error.value.error_dict["responsible_organization"][0].code == "responsible_not_member"
