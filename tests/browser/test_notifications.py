"""In Chromium: the bell tells how many notifications are unread; the inbox opens, filters and marks them read."""

import os

from playwright.sync_api import expect

from notifications import kinds
from notifications.services import notify
from tests.factories import PASSWORD, make_representative

SHOTS = os.environ.get("AXS_SCREENSHOTS")  # a folder: screenshots of the inbox in both languages go there


def _shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"inbox-{name}.png"), full_page=True)


def test_the_bell_the_inbox_and_marking_read(journey, transactional_db):
    page = journey.page
    page.set_viewport_size({"width": 1280, "height": 900})
    person = make_representative(email="lucia@example.org", full_name="Lucía Torres", preferred_language="es")
    notify(recipient=person, kind=kinds.SESSION, title="Sesión ordinaria del Comité de Educación", link="/comites/")
    notify(recipient=person, kind=kinds.BALLOT, title="La votación «Proyectos 2026» está abierta", body="Vote aquí.")
    notify(recipient=person, kind=kinds.COMMENT, title="Nuevo comentario en «Escuelas solares»", body="Hola, Lucía:")

    journey.sign_in(person.email, PASSWORD)
    bell = page.get_by_role("link", name="Notificaciones, 3 sin leer")
    expect(bell).to_be_visible()
    with page.expect_navigation():
        bell.click()
    journey.check(validate_as="notifications-inbox")
    expect(page.get_by_role("heading", name="Avisos", level=1)).to_be_visible()
    expect(page.get_by_text("Tiene 3 avisos sin leer.")).to_be_visible()
    _shot(page, "es")

    page.get_by_label("Tipo").select_option(kinds.BALLOT)
    journey.press("Filtrar")
    expect(page.get_by_role("heading", name="La votación «Proyectos 2026» está abierta")).to_be_visible()
    expect(page.get_by_text("Sesión ordinaria del Comité de Educación")).to_have_count(0)
    page.get_by_text("Ver el texto completo").click()
    expect(page.get_by_text("Vote aquí.")).to_be_visible()
    journey.press("Marcar como leído: La votación «Proyectos 2026» está abierta")
    assert "kind=ballot" in page.url  # back to the filtered list
    expect(page.get_by_role("link", name="Notificaciones, 2 sin leer")).to_be_visible()

    journey.visit("/avisos/")
    journey.press("Marcar todos como leídos")
    expect(page.get_by_role("link", name="Notificaciones, ninguna sin leer")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("2 avisos marcados como leídos.")

    journey.follow("Cómo me llegan los avisos", validate_as="notifications-preferences")
    ballots = page.get_by_role("group", name="Votaciones de comité: apertura y recordatorios")
    ballots.get_by_label("Resumen diario").check()
    journey.press("Guardar preferencias")
    expect(page.get_by_role("status")).to_contain_text("Se guardaron sus preferencias de avisos.")

    notify(recipient=person, kind=kinds.SESSION, title="Session changed", link="/comites/")
    page.locator("#language-select").select_option("en")
    journey.press("Cambiar")
    journey.visit("/avisos/")
    expect(page.get_by_role("link", name="Notifications, 1 unread")).to_be_visible()
    expect(page.get_by_role("heading", name="Notifications", level=1)).to_be_visible()
    _shot(page, "en")
    page.set_viewport_size({"width": 390, "height": 844})
    journey.visit("/avisos/preferencias/")
    _shot(page, "preferences-en-390")
