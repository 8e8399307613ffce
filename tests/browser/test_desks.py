"""The staff desk as people see it, in Spanish and English, on a desktop and on a 390 px phone."""

import os

import pytest
from playwright.sync_api import expect

from tests.browser.test_document_progress import sign_in
from tests.factories import make_staff

SCREENSHOTS = os.environ.get("AXS_SCREENSHOTS", "")
LANGUAGES = [
    ("es-mx", "Pendientes del personal de AMEXCID", "Acuerdos vencidos"),
    ("en", "Waiting on AMEXCID staff", "Overdue agreements"),
]


@pytest.mark.parametrize(("language", "heading", "card"), LANGUAGES)
@pytest.mark.parametrize("width", [1280, 390])
def test_the_staff_desk_fits_the_screen(browser, live_server, transactional_db, language, heading, card, width):
    staff = make_staff(email="desk@b.example", preferred_language=language)
    context = browser.new_context(locale="es-MX", viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        sign_in(page, live_server.url, staff.email, "/")
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
        expect(page.get_by_role("link", name=card)).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        if SCREENSHOTS:
            page.screenshot(path=os.path.join(SCREENSHOTS, f"desk-{language}-{width}.png"), full_page=False)
    finally:
        context.close()
