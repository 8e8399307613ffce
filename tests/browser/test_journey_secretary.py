"""In Chromium: a committee's secretary records attendance (also on a phone), drafts the minutes, records and
follows up an agreement."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from committees.models import Agreement, Attendance, Committee, Minutes
from companies.models import Representative
from tests.factories import make_session


def test_the_secretary_records_attendance_minutes_and_an_agreement(demo, journey, transactional_db):
    page = journey.page
    secretary = get_user_model().objects.get(email="secretaria.ods4@axs.example")
    organization = Representative.objects.current().get(user=secretary).organization
    committee = Committee.objects.get(goal__number=4)
    session = make_session(committee, days_from_now=-1, title="Sesión ordinaria de seguimiento")
    due = timezone.localdate() + datetime.timedelta(days=30)

    journey.sign_in(secretary.email)
    journey.visit(session.get_absolute_url())
    expect(page.get_by_role("heading", name="Sesión ordinaria de seguimiento", level=1)).to_be_visible()

    journey.follow("Registrar asistencia", validate_as="secretary-attendance")
    page.set_viewport_size({"width": 390, "height": 844})
    journey.check()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the attendance sheet scrolls sideways"
    sheet = page.locator("main table select")
    people = sheet.count()
    assert people >= 3
    for index in range(people):
        sheet.nth(index).scroll_into_view_if_needed()
        expect(sheet.nth(index)).to_be_in_viewport()
        sheet.nth(index).select_option(label="Presente" if index % 3 else "Justificada")
    page.set_viewport_size({"width": 1280, "height": 900})
    journey.press("Guardar la asistencia")
    expect(page.get_by_text("Se guardó la asistencia.")).to_be_visible()
    # The real members have no one in the demo (the seed names none of their people): their attendance is unknown.
    expect(page.get_by_text("Quórum: sin dato")).to_be_visible()
    assert Attendance.objects.filter(session=session, status="present").count() == people - len(range(0, people, 3))

    journey.follow("Redactar la minuta", validate_as="secretary-minutes")
    journey.field("Minuta").fill("Se revisó el avance del mapeo de programas de educación dual.")
    journey.press("Guardar el borrador")
    expect(page.get_by_text("La minuta se guardó como borrador.")).to_be_visible()
    assert Minutes.objects.get(session=session).drafted_by == secretary

    journey.follow("Registrar un acuerdo", validate_as="secretary-agreement-new")
    journey.field("Acuerdo").fill("Enviar el mapeo de programas a las organizaciones integrantes.")
    journey.field("Organización responsable").select_option(label=str(organization))
    person = journey.field("Persona responsable")
    person.select_option(person.locator("option", has_text=secretary.full_name).first.get_attribute("value"))
    journey.field("Fecha límite").fill(due.isoformat())
    journey.press("Guardar", exact=True)
    agreement = Agreement.objects.get(session=session)
    expect(page.get_by_role("link", name=agreement.description)).to_be_visible()

    journey.visit(f"/comites/{committee.pk}/acuerdos/")
    expect(page.get_by_role("heading", name=f"Seguimiento de acuerdos · {committee.name}")).to_be_visible()
    journey.follow(agreement.description)
    journey.field("Estado").select_option(label="Concluido")
    journey.field("Notas de seguimiento").fill("Enviado por correo el mismo día.")
    journey.press("Guardar", exact=True)
    agreement.refresh_from_db()
    assert agreement.status == "done" and agreement.follow_up == "Enviado por correo el mismo día."
