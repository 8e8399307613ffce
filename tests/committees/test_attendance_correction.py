"""Correcting a past attendance list: who may, the reason it needs, what it records and what it leaves alone."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.loader import render_to_string
from django.urls import reverse

from audit.labels import action_label
from audit.models import AuditEvent
from committees import services
from committees.documents import minutes_context
from committees.models import Agreement, Attendance, Minutes
from committees.services.attendance import ATTENDANCE_CORRECTED, STRUCK
from tests.factories import make_committee_member, make_session, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(committee, secretary, chair):
    """A session held two days ago whose list has the chair present and a member recorded present too."""
    session = make_session(committee, days_from_now=-2)
    member = make_committee_member(committee, full_name="Mariana Torres")
    services.attendance_record(actor=secretary, session=session, entries={chair: "present", member: "present"})
    return session, Attendance.objects.get(session=session, person=chair), Attendance.objects.get(person=member)


def test_staff_strike_a_row_and_correct_another_with_the_reason_recorded(held):
    session, chair_row, member_row = held
    staff = make_staff()
    changed = services.attendance_correct(
        actor=staff, session=session, reason="Mariana no asistió: la lista la confundió con otra persona.",
        statuses={chair_row: "excused"}, struck=[member_row],
    )  # fmt: skip
    assert changed == 2
    assert list(Attendance.objects.filter(session=session).values_list("person__full_name", "status")) == [
        (chair_row.person.full_name, "excused")
    ]
    chair_row.refresh_from_db()
    assert chair_row.recorded_by == staff
    event = AuditEvent.objects.get(action=ATTENDANCE_CORRECTED, target_id=str(session.pk))
    assert event.actor == staff
    assert event.message == "Mariana no asistió: la lista la confundió con otra persona."
    assert event.changes == {
        f"{member_row.person.email} · {member_row.organization}": ["present", STRUCK],
        f"{chair_row.person.email} · {chair_row.organization}": ["present", "excused"],
    }
    assert action_label(ATTENDANCE_CORRECTED) == "Lista de asistencia corregida"


def test_a_correction_needs_a_reason(held):
    session, _chair_row, member_row = held
    with pytest.raises(ValidationError) as error:
        services.attendance_correct(actor=make_staff(), session=session, reason="  ", struck=[member_row])
    assert error.value.error_dict["reason"][0].code == "reason_required"
    assert Attendance.objects.filter(pk=member_row.pk).exists()
    assert not AuditEvent.objects.filter(action=ATTENDANCE_CORRECTED).exists()


def test_members_and_the_chair_cannot_correct_a_list(held, chair, committee):
    session, _chair_row, member_row = held
    for person in (chair, make_committee_member(committee)):
        with pytest.raises(PermissionDenied):
            services.attendance_correct(actor=person, session=session, reason="Error", struck=[member_row])
    assert Attendance.objects.filter(pk=member_row.pk).exists()


def test_the_secretary_corrects_until_the_minutes_are_approved_then_only_staff(held, secretary, chair):
    session, chair_row, member_row = held
    services.attendance_correct(actor=secretary, session=session, reason="Llegó tarde", statuses={chair_row: "absent"})
    draft = services.minutes_save_draft(actor=secretary, session=session, body="Se revisó el plan de trabajo.")
    services.agreement_create(
        actor=secretary, session=session, description="Enviar el plan", responsible_person=member_row.person,
        due_on=session.starts_at.date(),
    )  # fmt: skip
    services.minutes_approve(actor=chair, minutes=draft)
    with pytest.raises(PermissionDenied):
        services.attendance_correct(actor=secretary, session=session, reason="Otra", struck=[member_row])
    services.attendance_correct(actor=make_staff(), session=session, reason="No estuvo", struck=[member_row])
    assert not Attendance.objects.filter(pk=member_row.pk).exists()
    # The approved minutes and the session's agreements are what they were.
    [minutes] = Minutes.objects.filter(session=session)
    assert (minutes.status, minutes.body, minutes.version) == ("approved", "Se revisó el plan de trabajo.", 1)
    assert Agreement.objects.get(session=session).responsible_person == member_row.person
    # The minutes' PDF prints the list as it stands, and says it was corrected after the approval (not before).
    context = minutes_context(session)
    assert [row.person for row in context["present"]] == []
    assert [event.message for event in context["attendance_corrections"]] == ["No estuvo"]
    printed = render_to_string("committees/pdf/minutes.html", context)
    assert "después de aprobada esta minuta. Motivo: No estuvo" in printed and "Llegó tarde" not in printed


def test_rows_of_another_session_and_empty_corrections_are_refused(held, committee, secretary):
    session, chair_row, _member_row = held
    other = make_session(committee, days_from_now=-9)
    services.attendance_record(actor=secretary, session=other, entries={secretary: "present"})
    staff = make_staff()
    with pytest.raises(ValidationError) as error:
        services.attendance_correct(actor=staff, session=session, reason="Error", struck=[other.attendance.get()])
    assert error.value.code == "not_on_list"
    with pytest.raises(ValidationError) as error:
        services.attendance_correct(actor=staff, session=session, reason="Error", statuses={chair_row: "present"})
    assert error.value.code == "nothing_to_correct"
    assert error.value.messages == ["No hay nada que corregir: la lista ya dice eso."]
    assert other.attendance.count() == 1


def test_a_session_to_come_or_cancelled_has_no_list_to_correct(committee, held):
    session, chair_row, _member_row = held
    staff = make_staff()
    upcoming = make_session(committee, days_from_now=3)
    with pytest.raises(PermissionDenied):
        services.attendance_correct(actor=staff, session=upcoming, reason="Error", statuses={})
    session.status = "cancelled"
    session.save()
    with pytest.raises(PermissionDenied):
        services.attendance_correct(actor=staff, session=session, reason="Error", statuses={chair_row: "absent"})
    assert Attendance.objects.get(pk=chair_row.pk).status == "present"


def test_staff_correct_the_list_from_its_page_without_javascript(client, held, secretary, chair):
    session, chair_row, member_row = held
    draft = services.minutes_save_draft(actor=secretary, session=session, body="Se revisó el plan de trabajo.")
    services.minutes_approve(actor=chair, minutes=draft)
    page = reverse("committees:attendance-correct", args=[session.pk])
    client.force_login(secretary)
    assert client.get(page).status_code == 403  # the minutes are approved: staff only
    staff = make_staff(preferred_language="en")
    client.force_login(staff)
    assert "Correct the attendance list" in client.get(session.get_absolute_url()).content.decode()
    form = client.get(page).content.decode()
    assert "Strike off the list" in form and "Mariana Torres" in form
    data = {f"row_{chair_row.pk}": "present", f"row_{member_row.pk}": "strike", "reason": ""}
    refused = client.post(page, data)
    assert refused.status_code == 200 and Attendance.objects.filter(pk=member_row.pk).exists()
    assert "This field is required" in refused.content.decode()
    data["reason"] = "Mariana Torres no asistió."
    response = client.post(page, data)
    assert response.status_code == 302 and response.url == session.get_absolute_url()
    assert list(Attendance.objects.filter(session=session).values_list("person", "status")) == [
        (chair_row.person_id, "present")
    ]
    assert AuditEvent.objects.get(action=ATTENDANCE_CORRECTED).message == "Mariana Torres no asistió."
    detail = client.get(session.get_absolute_url()).content.decode()
    assert "List corrected on" in detail and '<span lang="es">Mariana Torres no asistió.</span>' in detail
    nothing = client.post(page, {f"row_{chair_row.pk}": "present", "reason": "Otra vez"})
    assert "Nothing to correct: the list already says this." in nothing.content.decode()
