"""The attendance sheet's line for somebody else by e-mail does not contradict the list above it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from committees import services
from committees.models import Attendance
from tests.factories import make_committee_member, make_session

pytestmark = pytest.mark.django_db


def test_a_listed_person_given_again_apart_from_the_list_is_refused(committee, secretary):
    session = make_session(committee, days_from_now=-2)
    member = make_committee_member(committee, full_name="Mariana Torres")
    with pytest.raises(ValidationError) as error:
        services.attendance_record(
            actor=secretary, session=session, entries={member: "present"}, other=(member, "absent")
        )
    assert error.value.error_dict["other_email"][0].code == "already_listed"
    assert not Attendance.objects.exists()
    services.attendance_record(actor=secretary, session=session, entries={}, other=(member, "absent"))
    assert Attendance.objects.get(person=member).status == "absent"


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("es-mx", "Esta persona ya está en la lista; registre su asistencia en su propio renglón."),
        ("en", "This person is already on the list; record their attendance in their own row."),
    ],
)
def test_the_sheet_refuses_a_listed_person_typed_again_by_email_and_keeps_what_was_typed(
    client, committee, secretary, language, message
):
    session = make_session(committee, days_from_now=-2)
    member = make_committee_member(committee, full_name="Mariana Torres", email="mariana.torres@axs.example")
    secretary.preferred_language = language
    secretary.save(update_fields=["preferred_language"])
    client.force_login(secretary)
    response = client.post(
        reverse("committees:attendance-record", args=[session.pk]),
        {f"person_{member.pk}": "present", "other_email": member.email, "other_status": "absent"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert 'value="mariana.torres@axs.example"' in content
    assert not Attendance.objects.exists()
