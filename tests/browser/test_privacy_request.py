"""In Chromium: a person without an account files a personal data request, confirms it, and staff answer it."""

import re

from django.utils import timezone
from playwright.sync_api import expect

from privacy import services
from privacy.models import NoticeAcknowledgement, RightsRequest
from tests.factories import PASSWORD, make_representative, make_staff


def test_a_request_from_filing_to_answer(journey, transactional_db, mailoutbox):
    page = journey.page
    staff = make_staff(email="transparencia@amexcid.example")
    make_representative(email="ana@example.org", full_name="Ana Pérez")  # the platform holds data about her
    shown = services.notice_publish(actor=staff, kind="simplified", text_es="Aviso al presentar.", text_en="Notice.")

    journey.visit("/aviso-de-privacidad/")
    journey.follow("Ejerza sus derechos sobre sus datos personales", validate_as="privacy-request-form")
    journey.press("Presentar la solicitud")  # empty: refused, nothing lost
    expect(page.locator(".invalid-feedback").first).to_be_visible()
    journey.field("Nombre completo").fill("Ana Pérez")
    journey.field("Correo electrónico").fill("ana@example.org")
    page.get_by_label("Acceso", exact=True).check()
    journey.field("Sobre qué").fill("Todos los datos que tengan de mí.")
    page.get_by_label("Por correo electrónico").check()
    expect(page.get_by_text("Aviso al presentar.")).to_be_visible()
    services.notice_publish(actor=staff, kind="simplified", text_es="Aviso posterior.", text_en="Later notice.")
    journey.press("Presentar la solicitud", validate_as="privacy-request-filed")
    expect(page.get_by_role("heading", name="Solicitud recibida")).to_be_visible()

    link = re.search(r"https?://\S+/privacidad/solicitudes/confirmar/\S+/", mailoutbox[-1].body).group(0)
    page.goto(link)
    journey.check()
    journey.press("Confirmar")
    expect(page.get_by_role("status")).to_contain_text("su identidad quedó confirmada")
    rights_request = RightsRequest.objects.get()
    assert rights_request.status == "identity_verified"
    # The browser posted the version on the page (a field outside the form, joined by its form attribute).
    assert NoticeAcknowledgement.objects.get(rights_request=rights_request).notice == shown

    journey.sign_in(staff.email, PASSWORD)
    journey.visit("/privacidad/solicitudes/", validate_as="privacy-queue")
    journey.follow(rights_request.number, validate_as="privacy-request-detail")
    journey.press("Dar trámite a la solicitud")
    expect(page.locator("#request-status")).to_have_text("En curso")
    # Access is granted by giving the export: build it first, then answer.
    journey.press("Generar la exportación (ZIP: resumen en PDF, JSON y CSV)")
    expect(page.get_by_role("link", name=re.compile("Descargar"))).to_be_visible()
    journey.visit(rights_request.get_absolute_url(), validate_as="privacy-request-detail")
    page.get_by_label("Procedente", exact=True).check()
    journey.field("Respuesta").fill("Le enviamos sus datos en el archivo adjunto.")
    journey.press("Enviar la respuesta")
    expect(page.locator("#request-status")).to_contain_text("Respondida · Procedente")
    expect(page.get_by_text("Solicitud de datos personales respondida")).to_be_visible()
    assert "Le enviamos sus datos" in mailoutbox[-1].body and mailoutbox[-1].to == ["ana@example.org"]

    page.set_viewport_size({"width": 390, "height": 844})
    journey.visit("/privacidad/plazos/", validate_as="privacy-calendar")
    # 12 December, not a statutory rest day (the demo's calendar has those), this year: the page lists it.
    journey.field("Día").fill(f"{timezone.localdate().year}-12-12")
    journey.field("Nombre").fill("Día de la Virgen de Guadalupe")
    journey.press("Agregar el día")
    expect(page.get_by_text("Día de la Virgen de Guadalupe")).to_be_visible()


def test_notices_consent_and_retention_pages(journey, transactional_db):
    from privacy import services
    from tests.factories import make_representative

    page = journey.page
    staff = make_staff(email="avisos@amexcid.example")
    person = make_representative(email="rep@example.org")
    services.notice_publish(
        actor=staff, kind="simplified", text_es="Aviso breve de prueba.", text_en="Short test notice."
    )

    journey.sign_in(person.email, PASSWORD)
    journey.visit("/cuenta/perfil/")
    expect(page.get_by_text("Aviso breve de prueba.")).to_be_visible()
    journey.follow("Consentimiento y oposición por cada uso de mis datos", validate_as="privacy-my-purposes")
    page.get_by_label("Recibir boletines y recordatorios por correo electrónico").uncheck()
    journey.press("Guardar mis elecciones")
    expect(page.get_by_text("se opuso")).to_be_visible()

    journey.sign_in(staff.email, PASSWORD)
    page.set_viewport_size({"width": 390, "height": 844})
    journey.visit("/privacidad/avisos/", validate_as="privacy-notices")
    journey.visit("/privacidad/conservacion/", validate_as="privacy-retention")
    journey.field("Conservar durante (días)").first.fill("90")
    journey.press("Guardar")
    journey.press("Aplicar las reglas ahora")
    expect(page.get_by_role("alert").or_(page.get_by_role("status")).first).to_contain_text("Conservación aplicada")
