"""Sessions and work-plan activities are dated between 2015 and 2100; calendar files always write four-digit years."""

import datetime
import uuid
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from committees import ical, services
from committees.models import PostKind, Session, WorkPlanActivity
from tests.factories import make_committee, make_post_holder

D = datetime.date


def _moment(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_a_calendar_file_writes_a_four_digit_year_whatever_the_date():
    moment = datetime.datetime(1, 1, 1, 12, 0, tzinfo=datetime.UTC)
    assert ical.format_utc(moment) == "00010101T120000Z"
    assert ical.format_utc(datetime.datetime(2026, 12, 3, 16, 5, 9, tzinfo=datetime.UTC)) == "20261203T160509Z"
    session = SimpleNamespace(has_known_hour=False, starts_on=D(1, 1, 1), ends_on=D(1, 1, 1), uid=uuid.uuid4())
    assert ical.when_lines(session) == ["DTSTART;VALUE=DATE:00010101", "DTEND;VALUE=DATE:00010102"]


@pytest.mark.django_db
@pytest.mark.parametrize("day", [D(1, 1, 1), D(2014, 12, 31), D(2101, 1, 1)])
def test_a_session_dated_out_of_range_is_refused(day):
    committee = make_committee()
    chair = make_post_holder(committee, PostKind.CHAIR)
    with pytest.raises(ValidationError) as error:
        services.session_schedule(
            actor=chair,
            committee=committee,
            title="Sesión",
            starts_at=_moment(day),
            ends_at=_moment(day, 12),
            place="SRE",
        )
    assert error.value.error_dict["starts_at"][0].code == "implausible_date"
    assert not Session.objects.filter(committee=committee).exists()


@pytest.mark.django_db
def test_the_record_page_refuses_year_one_and_keeps_what_was_typed(client):
    committee = make_committee()
    client.force_login(make_post_holder(committee, PostKind.SECRETARY))
    data = {"title": "Sesión antigua", "starts_on": "0001-01-01", "date_precision": "day", "place": "SRE"}
    response = client.post(reverse("committees:session-record", args=[committee.pk]), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Revise el año: no se aceptan fechas anteriores a 2015." in content
    assert 'value="Sesión antigua"' in content
    assert not Session.objects.filter(title="Sesión antigua").exists()


@pytest.mark.django_db
def test_the_record_page_refuses_the_last_day_of_year_9999_without_crashing(client):
    committee = make_committee()
    client.force_login(make_post_holder(committee, PostKind.SECRETARY))
    data = {"title": "Sesión lejana", "starts_on": "9999-12-31", "date_precision": "day", "place": "SRE"}
    response = client.post(reverse("committees:session-record", args=[committee.pk]), data)
    assert response.status_code == 200
    assert "Revise el año: no se aceptan fechas posteriores a 2100." in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("starts_on", "ends_on", "field"),
    [(D(1, 1, 1), D(2017, 3, 1), "starts_on"), (D(2017, 1, 1), D(9999, 12, 31), "ends_on")],
)
def test_a_work_plan_activity_dated_out_of_range_is_refused(starts_on, ends_on, field):
    committee = make_committee()
    chair = make_post_holder(committee, PostKind.CHAIR)
    area = services.priority_area_create(actor=chair, committee=committee, name="Educación dual")
    with pytest.raises(ValidationError) as error:
        services.activity_create(
            actor=chair,
            committee=committee,
            priority_area=area,
            title="Diagnóstico",
            responsible_organization=chair.representations.get().organization,
            starts_on=starts_on,
            ends_on=ends_on,
        )
    assert error.value.error_dict[field][0].code == "implausible_date"
    assert not WorkPlanActivity.objects.filter(committee=committee).exists()


@pytest.mark.django_db
def test_the_activity_form_refuses_year_one_with_a_clear_message_and_keeps_what_was_typed(client):
    committee = make_committee()
    chair = make_post_holder(committee, PostKind.CHAIR)
    area = services.priority_area_create(actor=chair, committee=committee, name="Educación dual")
    client.force_login(chair)
    data = {
        "priority_area": area.pk,
        "title": "Diagnóstico inicial",
        "responsible_organization": chair.representations.get().organization.pk,
        "starts_on": "0001-01-01",
        "ends_on": "2017-03-01",
        "status": "planned",
    }
    response = client.post(reverse("committees:activity-create", args=[committee.pk]), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Revise el año: no se aceptan fechas anteriores a 2015." in content
    assert 'value="Diagnóstico inicial"' in content
    assert not WorkPlanActivity.objects.filter(committee=committee).exists()
