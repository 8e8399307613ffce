"""Editing a session: one that took place is a record, corrected only to another past moment."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from committees import services
from committees.models import Session
from tests.factories import make_committee_member, make_session

pytestmark = pytest.mark.django_db


def on_the_hour(days, hour=10):
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def session_on(committee, days, **fields):
    """A session scheduled (never recorded as held) on the hour, ``days`` from now."""
    session = make_session(committee, **fields)
    Session.objects.filter(pk=session.pk).update(starts_at=on_the_hour(days), ends_at=on_the_hour(days, hour=12))
    session.refresh_from_db()
    return session


def form_data(session, **changes):
    """What the edit form sends back when nothing is touched, with ``changes`` on top."""
    starts, ends = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
    data = {
        "title": session.title,
        "title_en": session.title_en,
        "starts_on": starts.date().isoformat(),
        "date_precision": session.date_precision,
        "ends_on": "",
        "starts_time": starts.strftime("%H:%M"),
        "ends_time": ends.strftime("%H:%M"),
        "place": session.place,
        "video_url": session.video_url,
        "description": session.description,
    }
    if session.is_public:
        data["is_public"] = "on"
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def took_place_with_minutes(committee, chair, secretary):
    session = session_on(committee, -280, title="Sesión ordinaria de marzo")
    member = make_committee_member(committee, full_name="Mariana Torres")
    services.attendance_record(actor=secretary, session=session, entries={chair: "present", member: "present"})
    draft = services.minutes_save_draft(actor=secretary, session=session, body="Se aprobó el plan de trabajo.")
    services.minutes_approve(actor=chair, minutes=draft)
    session.refresh_from_db()
    assert session.status == "scheduled"  # scheduled beforehand, then held: the status stays "scheduled"
    return session


def test_a_session_scheduled_and_then_held_cannot_move_to_a_date_to_come(committee, chair, secretary):
    session = took_place_with_minutes(committee, chair, secretary)
    future = on_the_hour(60)
    with pytest.raises(ValidationError) as error:
        services.session_update(
            actor=chair, session=session, starts_at=future, ends_at=future + datetime.timedelta(hours=2)
        )
    assert error.value.error_dict["starts_at"][0].code == "held_session_to_future"
    # Another past moment is a correction of the record.
    earlier = session.starts_at - datetime.timedelta(days=1)
    services.session_update(
        actor=chair, session=session, starts_at=earlier, ends_at=earlier + datetime.timedelta(hours=2)
    )
    assert Session.objects.get(pk=session.pk).starts_at == earlier


def test_a_session_that_took_place_cannot_be_cancelled(committee, chair, secretary):
    session = took_place_with_minutes(committee, chair, secretary)
    with pytest.raises(ValidationError) as error:
        services.session_cancel(actor=chair, session=session, reason="Error de captura")
    assert error.value.code == "session_started"
    assert Session.objects.get(pk=session.pk).status == "scheduled"


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("es", "Esta sesión ya se llevó a cabo; su fecha solo puede corregirse a otro momento pasado."),
        ("en", "This session already took place; its date can only be corrected to another past moment."),
    ],
)
def test_the_edit_page_refuses_moving_a_session_that_took_place_into_the_future(
    client, committee, chair, secretary, django_capture_on_commit_callbacks, language, message
):
    session = took_place_with_minutes(committee, chair, secretary)
    mail.outbox.clear()
    chair.preferred_language = language
    chair.save(update_fields=["preferred_language"])
    client.force_login(chair)
    future = on_the_hour(420).date().isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("committees:session-update", args=[session.pk]), form_data(session, starts_on=future)
        )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert f'value="{future}"' in response.content.decode()  # what was typed stays in the form
    unchanged = Session.objects.get(pk=session.pk)
    assert (unchanged.starts_at, unchanged.sequence) == (session.starts_at, session.sequence)
    assert mail.outbox == []
