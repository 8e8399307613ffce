"""Each role's desk as people see it, in Spanish and English, on a desktop and on a 390 px phone."""

import os

import pytest
from playwright.sync_api import expect

from committees.models import PostKind
from tests.browser.test_document_progress import sign_in
from tests.factories import make_committee, make_evaluator, make_member_person, make_post_holder, make_staff

SCREENSHOTS = os.environ.get("AXS_SCREENSHOTS", "")
# role: (how to make the person, {language: (desk heading, one card)})
ROLES = {
    "staff": (
        lambda **fields: make_staff(**fields),
        {
            "es-mx": ("Pendientes del personal de AMEXCID", "Acuerdos vencidos"),
            "en": ("Waiting on AMEXCID staff", "Overdue agreements"),
        },
    ),
    "chair": (
        lambda **fields: make_post_holder(make_committee(12), PostKind.CHAIR, **fields),
        {
            "es-mx": ("Lo que espera de usted como presidencia", "Minutas por aprobar"),
            "en": ("Waiting on you as chair", "Minutes to approve"),
        },
    ),
    "secretary": (
        lambda **fields: make_post_holder(make_committee(4), PostKind.SECRETARY, **fields),
        {
            "es-mx": ("Lo que espera de usted como secretaría", "Minutas por redactar"),
            "en": ("Waiting on you as secretary", "Minutes to write"),
        },
    ),
    "evaluator": (
        lambda **fields: make_evaluator(**fields),
        {
            "es-mx": ("Lo que espera de usted como evaluador", "Evaluaciones pendientes"),
            "en": ("Waiting on you as evaluator", "Evaluations due"),
        },
    ),
    "representative": (
        lambda **fields: make_member_person(**fields),
        {
            "es-mx": ("Lo que espera de usted", "Votaciones que esperan su voto"),
            "en": ("Waiting on you", "Ballots waiting for your vote"),
        },
    ),
}


HEADER_CUT_JS = """
() => [...document.querySelectorAll('header a, header button, header input, header select')]
  .filter(e => { const b = e.getBoundingClientRect();
                 return b.width > 0 && (b.right > innerWidth + 1 || b.left < -1); })
  .map(e => e.outerHTML.slice(0, 100))
"""


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize("language", ["es-mx", "en"])
@pytest.mark.parametrize("width", [1280, 1200, 390])  # 1200: the narrowest one-row menu
def test_each_desk_fits_the_screen(browser, live_server, transactional_db, role, language, width):
    make_person, texts = ROLES[role]
    heading, card = texts[language]
    person = make_person(email=f"{role}@b.example", preferred_language=language)
    context = browser.new_context(locale="es-MX", viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        sign_in(page, live_server.url, person.email, "/")
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
        expect(page.get_by_role("link", name=card)).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        # The header clips what overflows it, so scrollWidth alone misses a cut-off search button.
        assert page.evaluate(HEADER_CUT_JS) == []
        if SCREENSHOTS:
            page.screenshot(path=os.path.join(SCREENSHOTS, f"desk-{role}-{language}-{width}.png"))
    finally:
        context.close()
