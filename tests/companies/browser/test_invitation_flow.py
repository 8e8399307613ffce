"""In Chromium: staff invite a representative, who accepts, signs in and edits the profile."""

import os
import re
from pathlib import Path

import pytest
from django.core import mail

from tests.factories import PASSWORD, make_organization, make_staff

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium is not installed at /usr/bin/chromium"),
]


@pytest.fixture
def page(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="es-MX")
        yield context.new_page()
        context.close()
        browser.close()


def test_invitation_acceptance_and_profile_edit(page, live_server, settings, transactional_db):
    settings.AXS_SITE_URL = live_server.url
    settings.MEDIA_ROOT = os.environ.get("TMPDIR", "/tmp") + "/axs-browser-media"
    staff = make_staff(email="coordinacion@amexcid.example")
    organization = make_organization(actor=staff, legal_name="Omega Reciclaje, S.A. de C.V.", short_name="Omega")

    page.goto(f"{live_server.url}/cuenta/entrar/")
    page.get_by_label("Correo electrónico").fill(staff.email)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/organizaciones/{organization.pk}/personas/")
    page.get_by_label("Nombre completo").fill("Olga Ortega")
    page.get_by_label("Correo electrónico").fill("olga@omega.example")
    page.get_by_role("button", name="Enviar la invitación").click()
    page.get_by_text("Se envió la invitación a olga@omega.example").wait_for()
    assert page.get_by_role("cell", name=re.compile("^Olga Ortega")).count() == 1

    link = re.search(r"https?://\S+/organizaciones/invitacion/\S+/", mail.outbox[-1].body).group(0)
    page.context.clear_cookies()
    page.goto(link)
    page.get_by_role("heading", name="Representar a Omega").wait_for()
    page.get_by_label("Su nombre completo").fill("Olga Ortega Ruiz")
    page.get_by_label("Elija una contraseña").fill("reciclar-es-vivir-2026")
    page.get_by_label("Escriba de nuevo la contraseña").fill("reciclar-es-vivir-2026")
    page.get_by_role("button", name="Aceptar y crear mi acceso").click()

    page.get_by_text("Ahora representa a Omega").wait_for()
    page.get_by_label("Descripción").fill("Acopio y reciclaje de PET en Jalisco.")
    page.get_by_role("button", name="Guardar").click()
    page.get_by_text("Se guardó el perfil.").wait_for()
    assert "Acopio y reciclaje de PET en Jalisco." in page.content()
    organization.refresh_from_db()
    assert organization.description == "Acopio y reciclaje de PET en Jalisco."

    page.goto(link)
    assert "ya fue utilizada" in page.content()
