"""In Chromium: the session form hides the end date and the hours while the date is known only to the month or year."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from committees.models import Session
from tests.factories import make_staff

from .test_committee_minutes import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_month_only_date_hides_the_hours_and_sends_none_of_them(page, live_server):
    staff = make_staff(email="coordinacion@amexcid.example")
    sign_in(page, live_server, staff.email)
    page.goto(live_server.url + reverse("committees:plenary-record"))
    hours = [
        page.get_by_label("Fecha de término"),
        page.get_by_label("Hora de inicio"),
        page.get_by_label("Hora de término"),
    ]
    for field in hours:
        expect(field).to_be_visible()
    page.locator("input[name=title]").fill("Segunda sesión plenaria")
    page.locator("input[name=starts_on]").fill("2016-07-06")
    page.get_by_label("Hora de inicio").fill("10:00")  # typed, then the source turns out to give only the month
    page.get_by_label("Solo mes y año").check()
    for field in hours:
        expect(field).to_be_hidden()
    page.get_by_label("Fecha exacta").check()
    expect(page.get_by_label("Hora de inicio")).to_have_value("10:00")
    page.get_by_label("Solo mes y año").check()
    page.locator("input[name=place]").fill("SRE")
    page.get_by_role("button", name="Registrar la sesión").click()
    page.wait_for_url("**/sesiones/*/")
    session = Session.objects.get(title="Segunda sesión plenaria")
    assert (session.date_precision, session.time_known) == ("month", False)
    assert timezone.localdate(session.starts_at) == datetime.date(2016, 7, 6)
