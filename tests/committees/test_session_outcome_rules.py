"""What a session's outcome (attendance, minutes, agreements, documents) may be, and when."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from committees import services
from committees.models import Agreement, Attendance
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
