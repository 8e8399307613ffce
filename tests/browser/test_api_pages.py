"""In Chromium: staff issue a personal API token, the key works once copied, a revoke stops it; the API's
documentation page reads without JavaScript and with it (Redoc from our own static files), in both languages.
"""

import datetime
import os

from django.utils import timezone
from playwright.sync_api import expect

from api.models import ApiToken
from tests.factories import PASSWORD, make_representative, make_staff

from .checks import AXE_JS, assert_accessible, assert_fits_a_phone

SHOTS = os.environ.get("AXS_SCREENSHOTS")  # a folder: keep screenshots of the pages for a person to look at


def shoot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"api-{name}.png"), full_page=True)


def test_staff_issue_a_token_its_key_reads_the_api_and_a_revoke_stops_it(journey, live_server, transactional_db):
    staff = make_staff(full_name="Ana Personal")
    person = make_representative(full_name="Rosa Representante")
    page = journey.page
    journey.sign_in(staff.email, password=PASSWORD)
    journey.visit("/api/claves/", validate_as="api-tokens")
    expect(page.get_by_role("heading", name="Claves de la API", level=1)).to_be_visible()
    journey.field("Correo electrónico de la persona").fill(person.email)
    journey.field("Para qué es la clave").fill("Tablero de seguimiento")
    expiry = timezone.localdate() + datetime.timedelta(days=30)
    journey.field("Vigente hasta (inclusive)").fill(expiry.isoformat())
    journey.press("Emitir la clave", validate_as="api-token-issued")
    key = page.get_by_label("Clave", exact=True).input_value()
    assert ApiToken.objects.get(person=person).key_prefix == key[4:12]
    shoot(page, "tokens-issued")

    answer = page.request.get(f"{live_server.url}/api/v1/calls/", headers={"Authorization": f"Bearer {key}"})
    assert answer.status == 200

    journey.press("Revocar Tablero de seguimiento")
    expect(page.get_by_role("status").or_(page.get_by_role("alert")).first).to_contain_text("revocada")
    answer = page.request.get(f"{live_server.url}/api/v1/calls/", headers={"Authorization": f"Bearer {key}"})
    assert answer.status == 401 and "revocada" in answer.json()["detail"]

    journey.sign_in(person.email, password=PASSWORD)
    journey.visit("/cuenta/perfil/")
    expect(page.get_by_text("Tablero de seguimiento")).to_be_visible()
    assert key not in page.content()


def test_the_documentation_page_in_spanish_and_english(browser, live_server, transactional_db):
    for locale, heading, endpoints in (
        ("es-MX", "Documentación de la API", "Recursos"),
        ("en-US", "API documentation", "Endpoints"),
    ):
        context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900}, java_script_enabled=False)
        page = context.new_page()
        page.goto(f"{live_server.url}/api/v1/docs/")
        expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
        expect(page.get_by_role("heading", name=endpoints)).to_be_visible()
        expect(page.get_by_role("cell", name="/api/v1/proposals/", exact=True)).to_be_visible()
        shoot(page, f"docs-nojs-{locale}")
        context.close()

        context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
        context.add_init_script(path=str(AXE_JS))  # axe given by the browser itself: the CSP refuses added scripts
        page = context.new_page()
        errors = []
        page.on(
            "console", lambda message, errors=errors: errors.append(message.text) if message.type == "error" else None
        )
        page.goto(f"{live_server.url}/api/v1/docs/")
        expect(page.locator("redoc").get_by_role("heading", name="AxS API").first).to_be_visible(timeout=30_000)
        expect(page.locator("redoc").get_by_text("/api/v1/proposals/").first).to_be_attached()
        # Redoc's bundle always tries its maker's logo from their CDN; the CSP blocks it and Redoc hides the image.
        blocked = [e for e in errors if "Content Security Policy" in e and "cdn.redoc.ly/redoc/logo-mini.svg" not in e]
        assert not blocked, errors
        assert_fits_a_phone(page)
        # Colour contrast, the slowest rule by far on Redoc's 9,000 elements, is a matter of the styles, the same
        # in both languages: checked in Spanish, every other rule in both.
        assert_accessible(page, but=() if locale == "es-MX" else ("color-contrast",))
        shoot(page, f"docs-{locale}")
        page.set_viewport_size({"width": 390, "height": 900})
        shoot(page, f"docs-phone-{locale}")
        context.close()
