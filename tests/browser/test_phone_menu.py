"""The header's menus without JavaScript: on a phone (390 px) the collapsed menu is shown expanded; on a wide
screen the profile menu opens on a click, Tab or the pointer. With JavaScript, their toggles open them."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_staff

from .test_committee_minutes import sign_in

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 800}


def _phone(browser, *, javascript, viewport=PHONE):
    context = browser.new_context(locale="es-MX", viewport=viewport, java_script_enabled=javascript)
    context.set_default_timeout(15_000)
    return context, context.new_page()


def test_with_javascript_the_toggle_opens_the_menu(browser, live_server):
    staff = make_staff(email="coordinacion@amexcid.example", full_name="Laura Gómez")
    context, page = _phone(browser, javascript=True)
    try:
        sign_in(page, live_server, staff.email)
        header = page.locator("header.axs-header")
        menu = page.locator("#main-nav")
        expect(menu).to_be_hidden()
        header.get_by_role("button", name="Mostrar u ocultar el menú").click()
        expect(menu).to_be_visible()
        expect(header.get_by_role("link", name="Organizaciones", exact=True)).to_be_visible()
        expect(header.get_by_label("Idioma")).to_be_visible()
        expect(header.get_by_role("link", name="Mi perfil", exact=True)).to_be_hidden()  # in the profile menu, closed
        header.get_by_role("button", name="Laura").click()
        expect(header.get_by_role("link", name="Mi perfil", exact=True)).to_be_visible()
    finally:
        context.close()


def test_without_javascript_every_menu_entry_is_reachable(browser, live_server):
    staff = make_staff(email="coordinacion@amexcid.example", full_name="Laura Gómez")
    context, page = _phone(browser, javascript=False)
    try:
        sign_in(page, live_server, staff.email)
        header = page.locator("header.axs-header")
        expect(header.get_by_role("button", name="Mostrar u ocultar el menú")).to_be_hidden()
        expect(header.get_by_role("link", name="Organizaciones", exact=True)).to_be_visible()
        expect(header.get_by_role("link", name="Administración", exact=True)).to_be_visible()
        expect(header.get_by_label("Idioma")).to_be_visible()
        expect(header.get_by_role("link", name="Mi perfil", exact=True)).to_be_visible()
        sign_out = header.get_by_role("button", name="Cerrar sesión")
        expect(sign_out.first).to_be_visible()
        assert sum(button.is_visible() for button in sign_out.all()) == 1
        page.get_by_label("Idioma").select_option("en")
        page.get_by_role("button", name="Cambiar").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
        page.get_by_role("button", name="Sign out").click()
        expect(page.get_by_role("link", name="Sign in").first).to_be_visible()
    finally:
        context.close()


def test_without_javascript_on_a_wide_screen_the_profile_menu_opens_and_its_entries_work(browser, live_server):
    staff = make_staff(email="coordinacion@amexcid.example", full_name="Laura Gómez")
    context, page = _phone(browser, javascript=False, viewport=WIDE)
    try:
        sign_in(page, live_server, staff.email)
        header = page.locator("header.axs-header")
        profile = header.get_by_role("link", name="Mi perfil", exact=True)
        expect(profile).to_be_hidden()
        header.get_by_role("button", name="Laura").focus()  # as Tab reaches it
        expect(profile).to_be_visible()
        assert header.get_by_role("button", name="Cerrar sesión").count() == 1  # the menu's own, no second one
        page.keyboard.press("Tab")
        expect(profile).to_be_focused()
        page.mouse.move(0, 700)
        profile.click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("perfil")
        header.get_by_role("button", name="Laura").hover()
        header.get_by_role("button", name="Cerrar sesión").click()
        expect(page.get_by_role("link", name="Iniciar sesión").first).to_be_visible()
    finally:
        context.close()
