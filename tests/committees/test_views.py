"""Every committee and session page: who gets in (anonymous, wrong role, right role), forms, query counts."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from committees.models import Agreement, Attendance, CalendarFeed, Minutes, Post, PostKind, Session
from tests.factories import (
    make_committee,
    make_committee_member,
    make_evaluator,
    make_member_person,
    make_post_holder,
    make_session,
    make_staff,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene():
    committee = make_committee(4, name="Educación")
    other = make_committee(7, name="Energía asequible y no contaminante")
    people = {
        "staff": make_staff(),
        "chair": make_post_holder(committee, PostKind.CHAIR, full_name="Gabriela Núñez"),
        "secretary": make_post_holder(committee, PostKind.SECRETARY, full_name="Tomás Beltrán"),
        "member": make_committee_member(committee, full_name="Mariana Torres"),
        "other_chair": make_post_holder(other, PostKind.CHAIR),
        "other_secretary": make_post_holder(other, PostKind.SECRETARY),
        "outsider": make_member_person(),
        "evaluator": make_evaluator(),
    }
    past = make_session(committee, days_from_now=-5, title="Sesión de octubre")
    upcoming = make_session(committee, days_from_now=5, title="Sesión de diciembre")
    minutes = Minutes.objects.create(session=past, version=1, body="Borrador", drafted_by=people["secretary"])
    agreement = Agreement.objects.create(
        session=past,
        committee=committee,
        description="Enviar el mapeo",
        responsible_person=people["member"],
        due_on=timezone.localdate() - datetime.timedelta(days=1),
        created_by=people["secretary"],
    )
    activity_area = committee.priority_areas.create(name="Educación dual")
    return {
        "committee": committee,
        "other": other,
        "past": past,
        "upcoming": upcoming,
        "minutes": minutes,
        "agreement": agreement,
        "area": activity_area,
        **people,
    }


def url(scene, name, key):
    return reverse(f"committees:{name}", args=[scene[key].pk] if key else [])


# (url name, object key, anonymous gets, refused roles, allowed role, allowed status)
PAGES = [
    ("committee-list", None, 200, [], "outsider", 200),
    ("committee-detail", "committee", 200, [], "outsider", 200),
    ("committee-members", "committee", 200, [], "outsider", 200),
    ("committee-sessions", "committee", 200, [], "member", 200),
    ("session-list", None, 200, [], "member", 200),
    ("calendar", None, 200, [], "member", 200),
    ("my-committees", None, 302, [], "staff", 200),
    ("committee-create", None, 302, ["chair", "secretary", "member", "evaluator"], "staff", 200),
    ("committee-update", "committee", 302, ["chair", "secretary", "member"], "staff", 200),
    ("committee-close", "committee", 302, ["chair", "secretary"], "staff", 200),
    ("membership-add", "committee", 302, ["chair", "secretary", "member"], "staff", 200),
    ("membership-request", "committee", 302, ["member", "staff", "evaluator"], "outsider", 200),
    ("post-appoint", "committee", 302, ["chair", "secretary"], "staff", 200),
    ("priority-area-create", "committee", 302, ["secretary", "member", "other_chair"], "chair", 200),
    ("activity-create", "committee", 302, ["secretary", "member", "other_chair"], "chair", 200),
    ("committee-agreements", "committee", 302, ["outsider", "evaluator", "other_chair"], "member", 200),
    ("session-create", "committee", 302, ["secretary", "member", "other_chair"], "chair", 200),
    ("session-record", "committee", 302, ["member", "other_secretary"], "secretary", 200),
    ("plenary-record", None, 302, ["chair", "secretary", "member"], "staff", 200),
    ("plenary-create", None, 302, ["chair", "secretary", "member"], "staff", 200),
    ("session-detail", "past", 302, ["outsider", "evaluator", "other_chair"], "member", 200),
    ("session-update", "upcoming", 302, ["secretary", "member", "other_chair"], "chair", 200),
    ("session-cancel", "upcoming", 302, ["secretary", "member", "other_chair"], "chair", 200),
    ("agenda-item-add", "upcoming", 302, ["secretary", "member", "other_chair"], "chair", 200),
    ("document-add", "past", 302, ["member", "other_chair", "other_secretary"], "secretary", 200),
    ("attendance-record", "past", 302, ["chair", "member", "other_secretary"], "secretary", 200),
    ("attendance-correct", "past", 302, ["chair", "member", "other_secretary"], "secretary", 200),
    ("minutes-edit", "past", 302, ["chair", "member", "other_secretary"], "secretary", 200),
    ("minutes-approve", "past", 302, ["secretary", "member", "other_chair"], "chair", 200),
    ("agreement-create", "past", 302, ["chair", "member", "other_secretary"], "secretary", 200),
    ("agreement-update", "agreement", 302, ["chair", "member", "other_secretary"], "secretary", 200),
    ("agreement-list", None, 302, ["chair", "secretary", "member"], "staff", 200),
    ("session-ics", "upcoming", 302, ["outsider", "other_chair"], "member", 200),
]


@pytest.mark.parametrize(("name", "key", "anonymous", "refused", "allowed", "status"), PAGES)
def test_who_may_open_each_page(client, scene, name, key, anonymous, refused, allowed, status):
    target = url(scene, name, key)
    response = client.get(target)
    assert response.status_code == anonymous
    if anonymous == 302:
        assert response.url.startswith(reverse("accounts:login"))
    for role in refused:
        client.force_login(scene[role])
        assert client.get(target).status_code == 403, role
    client.force_login(scene[allowed])
    assert client.get(target).status_code == status
    client.force_login(scene["staff"])
    assert client.get(target).status_code in (200, 403 if name == "membership-request" else 200)


def test_a_published_session_is_open_to_the_public_but_its_internals_are_not(client, scene):
    scene["past"].is_public = True
    scene["past"].save()
    response = client.get(url(scene, "session-detail", "past"))
    assert response.status_code == 200
    assert "Sesión de octubre" in response.content.decode()
    assert "Borrador" not in response.content.decode()
    assert client.get(url(scene, "session-ics", "past")).status_code == 200


def test_the_committee_page_shows_posts_members_and_only_members_see_sessions(client, scene):
    public = client.get(url(scene, "committee-detail", "committee")).content.decode()
    assert "Gabriela Núñez" in public and "Presidencia" in public
    assert "Sesión de diciembre" not in public
    client.force_login(scene["member"])
    inside = client.get(url(scene, "committee-detail", "committee")).content.decode()
    assert "Sesión de diciembre" in inside and "Plan de trabajo" in inside


def test_the_chair_schedules_a_session_through_the_form_and_members_are_emailed(
    client, scene, django_capture_on_commit_callbacks
):
    client.force_login(scene["chair"])
    start = timezone.localtime() + datetime.timedelta(days=9)
    data = {
        "title": "Sesión extraordinaria",
        "starts_on": start.strftime("%Y-%m-%d"),
        "date_precision": "day",
        "starts_time": "10:00",
        "ends_time": "12:00",
        "place": "Torre BBVA",
        "video_url": "",
        "description": "",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(scene, "session-create", "committee"), data)
    session = Session.objects.get(title="Sesión extraordinaria")
    assert response.status_code == 302 and response.url == session.get_absolute_url()
    assert {address for message in mail.outbox for address in message.to} >= {scene["member"].email}


def test_the_secretary_records_a_session_that_took_place_and_is_sent_to_its_page(client, scene):
    client.force_login(scene["secretary"])
    response = client.post(
        url(scene, "session-record", "committee"),
        {
            "title": "Sesión olvidada",
            "starts_on": "2016-10-31",
            "date_precision": "day",
            "starts_time": "10:00",
            "ends_time": "12:00",
            "place": "SRE",
        },
    )
    session = Session.objects.get(title="Sesión olvidada")
    assert response.status_code == 302 and response.url == session.get_absolute_url()
    assert session.status == "held"
    page = client.get(session.get_absolute_url()).content.decode()
    assert "La sesión se registró como celebrada" in page and "Registrar asistencia" in page


def test_the_record_page_refuses_an_upcoming_date_and_keeps_what_was_typed(client, scene):
    client.force_login(scene["chair"])
    start = timezone.localtime() + datetime.timedelta(days=9)
    data = {
        "title": "Sesión futura",
        "starts_on": start.strftime("%Y-%m-%d"),
        "date_precision": "day",
        "starts_time": "10:00",
        "ends_time": "12:00",
        "place": "SRE",
    }
    response = client.post(url(scene, "session-record", "committee"), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Esta página registra sesiones ya celebradas" in content
    assert 'value="Sesión futura"' in content
    assert not Session.objects.filter(title="Sesión futura").exists()


def test_the_secretary_records_attendance_and_a_non_member_by_email_is_refused(client, scene):
    client.force_login(scene["secretary"])
    target = url(scene, "attendance-record", "past")
    data = {
        f"person_{scene['member'].pk}": "present",
        "other_email": scene["outsider"].email,
        "other_status": "present",
    }
    response = client.post(target, data)
    assert response.status_code == 200
    assert "no es integrante de este comité" in response.content.decode()
    assert not Attendance.objects.exists()
    response = client.post(
        target, {f"person_{scene['member'].pk}": "present", f"person_{scene['chair'].pk}": "excused"}
    )
    assert response.status_code == 302
    assert Attendance.objects.get(person=scene["member"]).status == "present"


def test_editing_approved_minutes_opens_a_correction_instead(client, scene):
    minutes = scene["minutes"]
    minutes.status = "approved"
    minutes.approved_by = scene["chair"]
    minutes.approved_at = timezone.now()
    minutes.save()
    client.force_login(scene["secretary"])
    target = url(scene, "minutes-edit", "past")
    page = client.get(target).content.decode()
    assert "Corregir la minuta aprobada" in page
    response = client.post(target, {"body": "Texto corregido", "correction_note": ""})
    assert response.status_code == 200 and "Este campo es obligatorio" in response.content.decode()
    client.post(target, {"body": "Texto corregido", "correction_note": "Se corrige la fecha"})
    assert list(Minutes.objects.filter(session=scene["past"]).values_list("version", "status")) == [
        (2, "draft"),
        (1, "approved"),
    ]
    minutes.refresh_from_db()
    assert minutes.body == "Borrador"


def test_members_comment_on_draft_minutes_and_confirm_attendance(client, scene):
    client.force_login(scene["member"])
    client.post(url(scene, "minutes-comment", "past"), {"body": "Agregar a KidZania"})
    assert scene["minutes"].comments.get().body == "Agregar a KidZania"
    client.post(url(scene, "attendance-confirm", "upcoming"), {"response": "attending"})
    assert Attendance.objects.get(session=scene["upcoming"], person=scene["member"]).response == "attending"


def test_an_outsider_cannot_comment_or_confirm(client, scene):
    client.force_login(scene["outsider"])
    assert client.post(url(scene, "minutes-comment", "past"), {"body": "x"}).status_code == 403
    assert client.post(url(scene, "attendance-confirm", "upcoming"), {"response": "attending"}).status_code == 403


def test_an_agreement_without_responsible_is_refused_in_the_form(client, scene):
    client.force_login(scene["secretary"])
    response = client.post(
        url(scene, "agreement-create", "past"),
        {"description": "Sin responsable", "due_on": "2026-12-15", "status": "pending"},
    )
    assert response.status_code == 200
    assert "Un acuerdo requiere a alguien responsable" in response.content.decode()
    assert "Sin responsable</textarea>" in response.content.decode()


def test_a_second_current_chair_is_refused_in_the_appointment_form_by_ending_the_first(client, scene):
    client.force_login(scene["staff"])
    client.post(url(scene, "post-appoint", "committee"), {"kind": "chair", "holder": scene["member"].pk})
    current = Post.objects.current().get(committee=scene["committee"], kind="chair")
    assert current.holder == scene["member"]
    assert Post.objects.filter(committee=scene["committee"], kind="chair").count() == 2


def test_overdue_agreements_are_flagged_on_the_follow_up_lists(client, scene):
    client.force_login(scene["staff"])
    content = client.get(reverse("committees:agreement-list") + "?overdue=on").content.decode()
    assert "Enviar el mapeo" in content and "Vencido" in content


def test_the_calendar_feed_lists_the_person_s_sessions(client, scene):
    client.force_login(scene["member"])
    client.post(reverse("committees:calendar-subscribe"))
    feed = scene["member"].calendar_feed
    client.logout()
    response = client.get(feed.get_absolute_url())
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert f"UID:{scene['upcoming'].uid}@axs.amexcid" in body
    other_session = make_session(scene["other"])
    assert str(other_session.uid) not in body
    assert client.get(reverse("committees:calendar-feed", args=["no-such-token"])).status_code == 404


def test_a_person_stops_their_calendar_address_and_may_create_a_new_one(client, scene):
    client.force_login(scene["member"])
    client.post(reverse("committees:calendar-subscribe"))
    old_address = CalendarFeed.objects.get(person=scene["member"]).get_absolute_url()
    page = client.get(reverse("committees:calendar")).content.decode()
    assert reverse("committees:calendar-stop") in page and "Dejar de publicar mi calendario" in page
    response = client.post(reverse("committees:calendar-stop"), follow=True)
    assert response.redirect_chain == [(reverse("committees:calendar"), 302)]
    page = response.content.decode()
    assert "La dirección de su calendario ya no funciona." in page
    assert old_address not in page and "Crear la dirección de mi calendario" in page
    assert reverse("committees:calendar-stop") not in page
    client.logout()
    assert client.get(old_address).status_code == 404
    client.force_login(scene["member"])
    client.post(reverse("committees:calendar-subscribe"))
    new_address = CalendarFeed.objects.get(person=scene["member"]).get_absolute_url()
    assert new_address != old_address
    client.logout()
    assert client.get(new_address)["Content-Type"].startswith("text/calendar")
    assert client.get(old_address).status_code == 404


def test_stopping_the_calendar_address_takes_only_a_signed_in_post(client, scene):
    stop = reverse("committees:calendar-stop")
    assert client.post(stop)["Location"].startswith(reverse("accounts:login"))
    client.force_login(scene["member"])
    assert client.get(stop).status_code == 405
    response = client.post(stop, follow=True)
    assert "No tiene una dirección de calendario activa que detener." in response.content.decode()
    assert not CalendarFeed.objects.filter(person=scene["member"]).exists()


def test_pages_work_in_english(client, scene):
    scene["member"].preferred_language = "en"
    scene["member"].save()
    client.force_login(scene["member"])
    content = client.get(url(scene, "committee-detail", "committee")).content.decode()
    assert "Work plan" in content and "Member organizations" in content


def test_the_committee_page_query_count_does_not_grow_with_members_and_sessions(
    client, scene, django_assert_max_num_queries
):
    client.force_login(scene["member"])
    target = url(scene, "committee-detail", "committee")
    with django_assert_max_num_queries(30) as small:
        client.get(target)
    for _ in range(15):
        make_committee_member(scene["committee"])
        make_session(scene["committee"], days_from_now=-20)
        make_session(scene["committee"], days_from_now=20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(target)


def test_the_agreement_list_query_count_does_not_grow_with_rows(client, scene, django_assert_max_num_queries):
    client.force_login(scene["staff"])
    target = reverse("committees:agreement-list")
    with django_assert_max_num_queries(20) as small:
        client.get(target)
    for number in range(30):
        Agreement.objects.create(
            session=scene["past"],
            committee=scene["committee"],
            description=f"Acuerdo {number}",
            responsible_organization=scene["member"].representations.get().organization,
            responsible_person=scene["chair"],
            due_on=timezone.localdate(),
            created_by=scene["secretary"],
        )
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(target)


def test_the_session_page_query_count_is_bounded(client, scene, django_assert_max_num_queries):
    client.force_login(scene["secretary"])
    for _ in range(10):
        Attendance.objects.create(
            session=scene["past"],
            person=make_committee_member(scene["committee"]),
            organization=scene["member"].representations.get().organization,
            status="present",
        )
    with django_assert_max_num_queries(30):
        client.get(url(scene, "session-detail", "past"))
