"""What a session's outcome (attendance, minutes, agreements, documents) may be, and when."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from committees import selectors, services
from committees.models import Agreement, Attendance, Minutes, SessionDocument
from tests.factories import make_committee_member, make_session, make_staff

pytestmark = pytest.mark.django_db


def test_an_agreement_recorded_as_done_has_the_day_it_was_done(committee, secretary):
    session = make_session(committee, days_from_now=-3)
    agreement = services.agreement_create(
        actor=secretary,
        session=session,
        description="Enviar el mapeo de programas",
        responsible_organization=secretary.representations.get().organization,
        responsible_person=None,
        due_on=timezone.localdate() - datetime.timedelta(days=1),
        status="done",
    )
    assert Agreement.objects.get(pk=agreement.pk).completed_on == timezone.localdate()
    open_one = services.agreement_create(
        actor=secretary,
        session=session,
        description="Preparar la convocatoria",
        responsible_organization=None,
        responsible_person=secretary,
        due_on=timezone.localdate() + datetime.timedelta(days=3),
    )
    assert Agreement.objects.get(pk=open_one.pk).completed_on is None


def test_once_the_minutes_are_approved_the_list_is_only_corrected_not_recorded_again(
    client, committee, secretary, chair
):
    session = make_session(committee, days_from_now=-2)
    member = make_committee_member(committee, full_name="Mariana Torres")
    services.attendance_record(actor=secretary, session=session, entries={chair: "present", member: "present"})
    draft = services.minutes_save_draft(actor=secretary, session=session, body="Se revisó el plan de trabajo.")
    services.minutes_approve(actor=chair, minutes=draft)
    for actor in (secretary, make_staff()):
        with pytest.raises(ValidationError) as error:
            services.attendance_record(actor=actor, session=session, entries={member: "absent"})
        assert error.value.code == "minutes_approved"
    assert "La minuta de esta sesión está aprobada" in error.value.messages[0]
    assert Attendance.objects.get(person=member).status == "present"

    client.force_login(secretary)
    detail = client.get(session.get_absolute_url()).content.decode()
    page = reverse("committees:attendance-record", args=[session.pk])
    assert page not in detail
    response = client.get(page, follow=True)
    assert response.redirect_chain[-1][0] == session.get_absolute_url()
    assert "La minuta de esta sesión está aprobada" in response.content.decode()
    row = f"person_{member.pk}"
    refused = client.post(page, {row: "absent"})
    assert refused.status_code == 200 and "La minuta de esta sesión está aprobada" in refused.content.decode()
    assert Attendance.objects.get(person=member).status == "present"


def _later_today_or_started(committee, *, minutes):
    """A session starting ``minutes`` from now (negative: it started that long ago), not notified."""
    from committees.models import Session

    starts_at = timezone.now() + datetime.timedelta(minutes=minutes)
    return Session.objects.create(
        committee=committee,
        title=f"Sesión a {minutes} minutos",
        place="AMEXCID",
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
    )


def test_nothing_of_the_outcome_is_recorded_before_the_session_starts_even_the_same_day(committee, secretary, chair):
    session = _later_today_or_started(committee, minutes=30)
    member = make_committee_member(committee)
    refusals = {
        "attendance": lambda: services.attendance_record(actor=secretary, session=session, entries={member: "present"}),
        "minutes": lambda: services.minutes_save_draft(actor=secretary, session=session, body="Acta anticipada"),
        "agreement": lambda: services.agreement_create(
            actor=secretary,
            session=session,
            description="Enviar propuestas",
            responsible_organization=None,
            responsible_person=secretary,
            due_on=timezone.localdate() + datetime.timedelta(days=30),
        ),
    }
    for what, call in refusals.items():
        with pytest.raises(ValidationError) as error:
            call()
        assert error.value.code == "session_not_held", what
    assert "La asistencia se registra cuando la sesión se lleva a cabo" in str(
        pytest.raises(ValidationError, refusals["attendance"]).value
    )
    assert not Attendance.objects.exists() and not Minutes.objects.exists() and not Agreement.objects.exists()

    started = _later_today_or_started(committee, minutes=-30)
    services.attendance_record(actor=secretary, session=started, entries={member: "present"})
    services.minutes_save_draft(actor=secretary, session=started, body="Acta")
    assert Attendance.objects.filter(session=started).exists() and Minutes.objects.filter(session=started).exists()


def test_a_draft_written_before_the_session_started_is_not_approved_until_it_does(committee, secretary, chair):
    session = _later_today_or_started(committee, minutes=30)
    draft = Minutes.objects.create(
        session=session, version=1, body="Acta anticipada", drafted_by=secretary
    )  # as the old rule allowed
    with pytest.raises(ValidationError) as error:
        services.minutes_approve(actor=chair, minutes=draft)
    assert error.value.code == "session_not_held"
    assert Minutes.objects.get().is_draft


def test_a_cancelled_session_has_no_minutes_attendance_agreements_or_new_documents(committee, secretary, chair):
    session = make_session(committee, days_from_now=-3, status="cancelled")
    member = make_committee_member(committee)
    draft = Minutes.objects.create(
        session=session, version=1, body="Acta de una sesión cancelada", drafted_by=secretary
    )  # old data
    refusals = [
        lambda: services.attendance_record(actor=secretary, session=session, entries={member: "present"}),
        lambda: services.minutes_save_draft(actor=secretary, session=session, body="Acta"),
        lambda: services.minutes_approve(actor=chair, minutes=draft),
        lambda: services.agreement_create(
            actor=secretary,
            session=session,
            description="Enviar propuestas",
            responsible_organization=None,
            responsible_person=secretary,
            due_on=timezone.localdate(),
        ),
        lambda: services.document_add(
            actor=secretary, session=session, title="Anexo", file=SimpleUploadedFile("anexo.pdf", b"%PDF-1.4 x")
        ),
    ]
    for call in refusals:
        with pytest.raises(ValidationError) as error:
            call()
        assert error.value.code == "cancelled"
    assert Minutes.objects.get().is_draft and not SessionDocument.objects.exists()


def test_documents_may_be_attached_before_the_session(committee, chair):
    session = make_session(committee, days_from_now=7)
    services.document_add(
        actor=chair, session=session, title="Anexo del orden del día", file=SimpleUploadedFile("a.pdf", b"%PDF-1.4 x")
    )
    assert SessionDocument.objects.filter(session=session).exists()


def test_a_session_whose_minutes_are_approved_cannot_be_cancelled(committee, secretary, chair):
    session = _later_today_or_started(committee, minutes=30)
    draft = Minutes.objects.create(
        session=session, version=1, body="Acta", drafted_by=secretary
    )  # as the old rule allowed
    Minutes.objects.filter(pk=draft.pk).update(status="approved", approved_by=chair, approved_at=timezone.now())
    with pytest.raises(ValidationError) as error:
        services.session_cancel(actor=chair, session=session, reason="Falta de quórum")
    assert error.value.code == "minutes_approved"
    session.refresh_from_db()
    assert not session.is_cancelled


def test_minutes_are_approved_only_at_a_later_session_that_took_place(committee, secretary, chair):
    session = make_session(committee, days_from_now=-40)
    cancelled = make_session(committee, days_from_now=-20, status="cancelled")
    to_come = make_session(committee, days_from_now=5)
    held = make_session(committee, days_from_now=-10)
    assert list(selectors.sessions_that_may_approve_minutes_of(session)) == [held]
    draft = services.minutes_save_draft(actor=secretary, session=session, body="Acta")
    for wrong in (cancelled, to_come):
        with pytest.raises(ValidationError) as error:
            services.minutes_approve(actor=chair, minutes=draft, approved_at_session=wrong)
        assert error.value.error_dict["approved_at_session"][0].code in ("session_not_held", "wrong_session")
    with pytest.raises(ValidationError) as error:
        services.minutes_approve(actor=chair, minutes=draft, approved_at_session=cancelled)
    assert error.value.error_dict["approved_at_session"][0].code == "session_not_held"
    assert "Elija una sesión que se haya llevado a cabo" in error.value.messages[0]
    services.minutes_approve(actor=chair, minutes=draft, approved_at_session=held)
    assert Minutes.objects.get().approved_at_session == held


def test_the_date_of_a_session_that_took_place_is_corrected_to_another_past_moment(committee, chair):
    held = make_session(committee, days_from_now=-30, status="held")
    a_day_later = held.starts_at + datetime.timedelta(days=1)
    for actor in (make_staff(), chair):
        moved = services.session_update(
            actor=actor, session=held, starts_at=a_day_later, ends_at=a_day_later + datetime.timedelta(hours=2)
        )
        a_day_later += datetime.timedelta(days=1)
    moved.refresh_from_db()
    assert moved.starts_at == held.starts_at + datetime.timedelta(days=2)
    future = timezone.now() + datetime.timedelta(days=3)
    with pytest.raises(ValidationError) as error:
        services.session_update(
            actor=chair, session=held, starts_at=future, ends_at=future + datetime.timedelta(hours=2)
        )
    assert error.value.error_dict["starts_at"][0].code == "held_session_to_future"

    upcoming = make_session(committee, days_from_now=7)
    past = timezone.now() - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.session_update(
            actor=chair, session=upcoming, starts_at=past, ends_at=past + datetime.timedelta(hours=2)
        )
    assert error.value.error_dict["starts_at"][0].code == "session_in_past"


def test_the_minutes_and_agreement_pages_say_why_before_the_session_starts_or_once_cancelled(
    client, committee, secretary
):
    upcoming = _later_today_or_started(committee, minutes=30)
    cancelled = make_session(committee, days_from_now=5)
    services.session_cancel(actor=make_staff(), session=cancelled, reason="Sin quórum")
    client.force_login(secretary)
    expected = {
        (upcoming, "committees:minutes-edit"): "La minuta se redacta cuando la sesión se lleva a cabo",
        (upcoming, "committees:agreement-create"): "Los acuerdos se registran cuando la sesión se lleva a cabo",
        (cancelled, "committees:minutes-edit"): "Esta sesión fue cancelada; no tiene minuta",
        (cancelled, "committees:agreement-create"): "Esta sesión fue cancelada; no tiene acuerdos",
    }
    for (session, name), message in expected.items():
        response = client.get(reverse(name, args=[session.pk]), follow=True)
        assert response.redirect_chain[-1][0] == session.get_absolute_url(), name
        assert message in response.content.decode(), name
    held = _later_today_or_started(committee, minutes=-30)
    for name in ("committees:minutes-edit", "committees:agreement-create"):
        assert client.get(reverse(name, args=[held.pk])).status_code == 200
