"""In Chromium, in Spanish: date fields show their initial value and their forms can be sent."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from companies.models import Organization
from tests.factories import make_organization, make_staff

from .test_committee_minutes import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_report_period_shows_its_dates_and_can_be_sent(page, live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    staff = make_staff(email="coordinacion@amexcid.example")
    sign_in(page, live_server, staff.email)
    page.goto(f"{live_server.url}/informes/")
    start, end = page.get_by_label("Desde"), page.get_by_label("Hasta")
    expect(start).to_have_value("2016-05-01")
    expect(end).to_have_value("2018-03-31")
    assert page.evaluate("() => [...document.querySelectorAll('main form')].every((f) => f.checkValidity())")
    page.get_by_role("button", name="Generar el informe (PDF)").click()
    page.wait_for_url("**/documentos/**")


def test_a_participation_change_shows_today_and_is_recorded(page, live_server):
    staff = make_staff(email="coordinacion@amexcid.example")
    organization = make_organization(actor=staff, short_name="Omega")
    sign_in(page, live_server, staff.email)
    page.goto(f"{live_server.url}/organizaciones/{organization.pk}/participacion/")
    today = timezone.localdate()
    expect(page.get_by_label("Fecha de efecto")).to_have_value(today.isoformat())
    page.get_by_label("Nuevo estado").select_option(index=1)  # the first status: nothing is chosen beforehand
    page.get_by_label("Motivo").fill("Cambio solicitado por la organización.")
    page.get_by_role("button", name="Registrar el cambio").click()
    expect(page.get_by_text("Se registró el cambio de participación.")).to_be_visible()
    change = Organization.objects.get(pk=organization.pk).participation_changes.latest("pk")
    assert change.effective_on == today
