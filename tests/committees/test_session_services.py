"""Sessions: scheduling and its e-mails, attendance and quorum."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from audit.models import AuditEvent
from committees import permissions, services
from committees.models import Attendance, PostKind, Session
from committees.selectors import attendance_sheet, quorum
from tests.factories import (
    make_committee,
    make_committee_member,
    make_member_person,
    make_organization,
    make_post_holder,
    make_session,
    make_staff,
    seat,
)

pytestmark = pytest.mark.django_db


def in_days(days, hour=10):
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def schedule(actor, committee, **fields):
    data = {
        "title": "Sesión ordinaria de diciembre",
        "starts_at": in_days(10),
        "ends_at": in_days(10, hour=12),
        "place": "AMEXCID, Plaza Juárez 20",
        "video_url": "",
        "description": "",
        "is_public": False,
    }
    data.update(fields)
    return services.session_schedule(actor=actor, committee=committee, **data)


def test_the_chair_schedules_a_session_and_every_member_gets_an_invitation_with_ics(
    committee, chair, django_capture_on_commit_callbacks
):
    english = make_committee_member(committee, full_name="John Smith", preferred_language="en")
    outsider = make_member_person()
    with django_capture_on_commit_callbacks(execute=True):
        session = schedule(chair, committee)
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([chair.email, english.email])
    assert outsider.email not in recipients
    spanish = next(m for m in mail.outbox if m.to == [chair.email])
    assert spanish.subject == "Invitación: Sesión ordinaria de diciembre"
    assert "Hola, Gabriela:" in spanish.body
    assert "Comité: Educación" in spanish.body
    assert f"/sesiones/{session.pk}/" in spanish.body
    filename, content, mimetype = spanish.attachments[0]
    assert filename == "sesion.ics"
    assert mimetype.startswith("text/calendar")
    assert "method=REQUEST" in mimetype
    assert "METHOD:REQUEST" in content
    assert f"UID:{session.uid}@axs.amexcid" in content
    assert "SEQUENCE:0" in content
    assert f"mailto:{chair.email}" in content
    in_english = next(m for m in mail.outbox if m.to == [english.email])
    assert in_english.subject == "Invitation: Sesión ordinaria de diciembre"
    assert "You are invited to the following session:" in in_english.body
    assert in_english.attachments[0][0] == "session.ics"


def test_changing_the_time_increments_the_sequence_and_sends_the_change(
    committee, chair, django_capture_on_commit_callbacks
):
    session = make_session(committee)
    with django_capture_on_commit_callbacks(execute=True):
        services.session_update(actor=chair, session=session, starts_at=in_days(12), ends_at=in_days(12, hour=13))
    session.refresh_from_db()
    assert session.sequence == 1
    assert mail.outbox[0].subject == f"Cambio: {session.title}"
    assert "SEQUENCE:1" in mail.outbox[0].attachments[0][1]


def test_publishing_a_session_sends_no_calendar_change(committee, chair, django_capture_on_commit_callbacks):
    session = make_session(committee)
    with django_capture_on_commit_callbacks(execute=True):
        services.session_update(actor=chair, session=session, is_public=True)
    session.refresh_from_db()
    assert session.sequence == 0
    assert mail.outbox == []


def test_cancelling_sends_method_cancel(committee, chair, django_capture_on_commit_callbacks):
    session = make_session(committee)
    with django_capture_on_commit_callbacks(execute=True):
        services.session_cancel(actor=chair, session=session, reason="Cambio de agenda de la AMEXCID")
    session.refresh_from_db()
    assert session.is_cancelled and session.sequence == 1
    message = mail.outbox[0]
    assert message.subject == f"Cancelada: {session.title}"
    assert "METHOD:CANCEL" in message.attachments[0][1]
    assert "STATUS:CANCELLED" in message.attachments[0][1]


def test_a_session_in_the_past_is_recorded_as_held_and_nobody_is_notified(
    committee, chair, django_capture_on_commit_callbacks
):
    make_committee_member(committee, full_name="Mariana Torres")
    with django_capture_on_commit_callbacks(execute=True):
        session = schedule(chair, committee, starts_at=in_days(-1), ends_at=in_days(-1, hour=12))
    assert session.status == "held"
    assert mail.outbox == []


def test_the_secretary_records_a_past_session_and_then_its_attendance(committee, secretary):
    member = make_committee_member(committee, full_name="Mariana Torres")
    session = schedule(secretary, committee, starts_at=in_days(-3), ends_at=in_days(-3, hour=12))
    assert session.status == "held" and session.created_by == secretary
    services.attendance_record(actor=secretary, session=session, entries={member: "present"})
    assert Attendance.objects.get(session=session, person=member).status == "present"


def test_a_held_session_cannot_move_to_a_date_to_come(committee, chair):
    session = schedule(chair, committee, starts_at=in_days(-2), ends_at=in_days(-2, hour=12))
    with pytest.raises(ValidationError) as error:
        services.session_update(actor=chair, session=session, starts_at=in_days(5), ends_at=in_days(5, hour=12))
    assert error.value.error_dict["starts_at"][0].code == "held_session_to_future"


def test_the_secretary_cannot_schedule_an_upcoming_session(committee, secretary):
    with pytest.raises(ValidationError) as error:
        schedule(secretary, committee, starts_at=in_days(3), ends_at=in_days(3, hour=12))
    assert error.value.error_dict["starts_at"][0].code == "session_not_held_yet"
    assert not Session.objects.exists()


def test_a_member_without_a_post_cannot_record_a_past_session(committee):
    member = make_committee_member(committee)
    with pytest.raises(PermissionDenied):
        schedule(member, committee, starts_at=in_days(-3), ends_at=in_days(-3, hour=12))


def test_a_session_needs_a_place_or_a_link_and_to_end_after_it_starts(committee, chair):
    with pytest.raises(ValidationError) as error:
        schedule(chair, committee, place="")
    assert error.value.code == "no_place"
    with pytest.raises(ValidationError) as error:
        schedule(chair, committee, ends_at=in_days(10, hour=9))
    assert error.value.error_dict["ends_at"][0].code == "ends_before_start"


def test_a_chair_cannot_schedule_for_another_committee(committee, chair):
    with pytest.raises(PermissionDenied):
        schedule(chair, make_committee(7))


def test_only_staff_schedule_plenaries(chair, django_capture_on_commit_callbacks):
    data = {"title": "Quinta sesión plenaria", "starts_at": in_days(20), "ends_at": in_days(20, 14), "place": "SRE"}
    with pytest.raises(PermissionDenied):
        services.session_schedule(actor=chair, kind="plenary", **data)
    with django_capture_on_commit_callbacks(execute=True):
        plenary = services.session_schedule(actor=make_staff(), kind="plenary", **data)
    assert plenary.committee is None and plenary.is_plenary
    assert chair.email in [address for message in mail.outbox for address in message.to]


def test_the_secretary_records_attendance_and_quorum_counts_current_members(committee, secretary, chair):
    member = make_committee_member(committee)
    make_committee_member(committee)
    make_committee_member(committee)  # five member organizations: chair's, secretary's and three more
    session = make_session(committee, days_from_now=-1)
    services.attendance_record(
        actor=secretary,
        session=session,
        entries={secretary: "present", chair: "present", member: "excused"},
    )
    summary = quorum(session)
    assert summary["expected"] == 5
    assert summary["required"] == 3
    assert summary["organizations_present"] == 2
    assert summary["reached"] is False
    services.attendance_record(actor=secretary, session=session, entries={member: "present"})
    assert quorum(session)["reached"] is True
    assert AuditEvent.objects.filter(target_id=str(session.pk), message="Asistencia registrada.").exists() or (
        AuditEvent.objects.filter(target_id=str(session.pk)).count() == 2
    )


def test_members_nobody_represents_leave_the_quorum_unknown_not_missed(
    committee, secretary, chair, django_assert_num_queries
):
    # Five members: the chair's, the secretary's, one with a representative, two that nobody represents.
    member = make_committee_member(committee)
    unrepresented = [make_organization(), make_organization()]
    for organization in unrepresented:
        seat(committee, organization, joined_on=datetime.date(2020, 1, 1))
    session = make_session(committee, days_from_now=-1)
    with django_assert_num_queries(3):  # no list yet: the same queries as for any outcome
        assert quorum(session)["organizations_counted"] is None
    services.attendance_record(actor=secretary, session=session, entries={secretary: "present", chair: "present"})
    with django_assert_num_queries(3):
        summary = quorum(session)
    assert (summary["expected"], summary["required"], summary["organizations_counted"]) == (5, 3, 2)
    assert summary["reached"] is None and summary["unlisted"] == 2  # they may have come: no data
    services.attendance_record(actor=secretary, session=session, entries={member: "present"})
    with django_assert_num_queries(3):
        assert quorum(session)["reached"] is True
    services.attendance_record(actor=secretary, session=session, entries={member: "absent", chair: "absent"})
    summary = quorum(session)
    assert summary["reached"] is None and summary["unlisted"] == 2  # 1 present + 2 unknown may make 3
    Session.objects.filter(pk=session.pk).update(reported_attendance=2)  # a figure counts every organization
    assert quorum(Session.objects.get(pk=session.pk))["reached"] is False
    Session.objects.filter(pk=session.pk).update(reported_attendance=None)
    services.attendance_record(actor=secretary, session=session, entries={secretary: "excused"})
    assert quorum(session)["reached"] is False  # 0 present + 2 unknown cannot make 3


def test_attendance_for_someone_who_is_not_a_member_is_refused(committee, secretary):
    outsider = make_member_person(full_name="Persona Ajena")
    session = make_session(committee, days_from_now=-1)
    with pytest.raises(ValidationError) as error:
        services.attendance_record(actor=secretary, session=session, entries={outsider: "present"})
    assert error.value.code == "not_a_member"
    assert "Persona Ajena no es integrante de este comité" in error.value.messages[0]
    assert not Attendance.objects.exists()


def test_attendance_is_not_recorded_before_the_session(committee, secretary):
    with pytest.raises(ValidationError) as error:
        services.attendance_record(actor=secretary, session=make_session(committee), entries={secretary: "present"})
    assert error.value.code == "session_not_held"


def test_a_secretary_of_another_committee_cannot_record_attendance(committee, chair):
    other_secretary = make_post_holder(make_committee(10), PostKind.SECRETARY)
    with pytest.raises(PermissionDenied):
        services.attendance_record(
            actor=other_secretary, session=make_session(committee, days_from_now=-1), entries={chair: "present"}
        )


def test_members_confirm_their_attendance_and_outsiders_cannot(committee):
    member = make_committee_member(committee)
    session = make_session(committee)
    services.attendance_confirm(actor=member, session=session, response="attending")
    assert Attendance.objects.get(session=session, person=member).response == "attending"
    with pytest.raises(PermissionDenied):
        services.attendance_confirm(actor=make_member_person(), session=session, response="attending")


def test_plenary_attendance_counts_organizations_and_the_reported_figure():
    staff = make_staff()
    organization = make_organization()
    first = make_member_person(organization)
    second = make_member_person(organization)
    third = make_member_person()
    plenary = make_session(days_from_now=-3, reported_attendance=81)
    services.attendance_record(
        actor=staff, session=plenary, entries={first: "present", second: "present", third: "present"}
    )
    summary = quorum(plenary)
    assert summary["organizations_present"] == 2
    assert summary["people_present"] == 3
    assert summary["organizations_counted"] == 81


def test_a_member_organization_joining_later_is_not_counted_for_earlier_quorum(committee, secretary):
    session = make_session(committee, days_from_now=-100)
    seat(committee, make_organization(), joined_on=timezone.localdate())
    assert quorum(session)["expected"] == 1


def test_quorum_counts_the_members_of_the_sessions_day_by_their_history(committee, secretary):
    from tests.factories import make_staff

    staff = make_staff()
    today = timezone.localdate()
    before, after = make_session(committee, days_from_now=-100), make_session(committee, days_from_now=-10)
    baseline = quorum(before)["expected"]
    assert quorum(after)["expected"] == baseline
    membership = services.membership_add(
        actor=staff, committee=committee, organization=make_organization(), joined_on=today - datetime.timedelta(200)
    )
    services.membership_transition(
        actor=staff, membership=membership, action="suspend", reason="Pausa",
        effective_on=today - datetime.timedelta(50),
    )  # fmt: skip
    assert quorum(before)["expected"] == baseline + 1  # suspended since, but a member on that day
    assert quorum(after)["expected"] == baseline  # suspended on that day


def test_a_past_sessions_sheet_lists_and_accepts_the_members_of_its_day(committee, secretary):
    staff = make_staff()
    session = make_session(committee, days_from_now=-100)
    paused, newcomer = make_organization(), make_organization()
    membership = services.membership_add(
        actor=staff, committee=committee, organization=paused,
        joined_on=timezone.localdate() - datetime.timedelta(days=300),
    )  # fmt: skip
    services.membership_transition(
        actor=staff, membership=membership, action="suspend", reason="Pausa",
        effective_on=timezone.localdate() - datetime.timedelta(days=50),
    )  # fmt: skip
    services.membership_add(
        actor=staff, committee=committee, organization=newcomer,
        joined_on=timezone.localdate() - datetime.timedelta(days=20),
    )  # fmt: skip
    paused_person, newcomer_person = make_member_person(paused), make_member_person(newcomer)
    listed = list(attendance_sheet(session))
    assert paused_person in listed and newcomer_person not in listed
    services.attendance_record(actor=secretary, session=session, entries={paused_person: "present", secretary: ""})
    assert services.attendance_record(actor=secretary, session=session, entries={paused_person: "present"}) == 0
    with pytest.raises(ValidationError) as error:
        services.attendance_record(actor=secretary, session=session, entries={newcomer_person: "present"})
    assert error.value.code == "not_a_member"
    assert not permissions.can_confirm_attendance(paused_person, make_session(committee, days_from_now=5))
