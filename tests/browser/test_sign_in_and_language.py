"""A person signs in and switches the language in a real browser."""

import re

from playwright.sync_api import expect

from tests.factories import PASSWORD, make_representative


def test_a_person_signs_in_switches_to_english_and_signs_out(page, live_server, transactional_db):
    make_representative(email="mariana@bimbo.example", full_name="Mariana Torres")
    page.goto(live_server.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "es-mx")
    page.get_by_role("link", name="Iniciar sesión").first.click()

    page.get_by_label("Correo electrónico").fill("mariana@bimbo.example")
    page.get_by_label("Contraseña").fill("wrong-password")
    page.get_by_role("button", name="Iniciar sesión").click()
    expect(page.get_by_text("El correo electrónico o la contraseña no son correctos")).to_be_visible()
    expect(page.get_by_label("Correo electrónico")).to_have_value("mariana@bimbo.example")

    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()
    expect(page.get_by_role("heading", name="Bienvenido(a), Mariana")).to_be_visible()

    page.get_by_label("Idioma").select_option("en")
    page.get_by_role("button", name="Cambiar").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Welcome, Mariana")).to_be_visible()

    page.goto(live_server.url + "/ods/7/")
    expect(page.get_by_role("heading", name="Affordable and clean energy")).to_be_visible()

    page.get_by_role("button", name="Mariana").click()
    page.get_by_role("button", name="Sign out").first.click()
    expect(page.get_by_role("link", name=re.compile("Sign in")).first).to_be_visible()
