"""In Chromium: a chair who opens a form of a closed selection round lands on the round's page, told it is closed.

Checked with axe in Spanish and English, at 1280 and 390 px; screenshots go to /tmp/access/.
"""

import pytest
from playwright.sync_api import expect

from projects import services
from tests.projects import conftest as projects_scene
from tests.projects.ballot_scene import scene  # noqa: F401 (the selection scene)

from .checks import assert_accessible
from .test_committee_minutes import sign_in

pytestmark = pytest.mark.django_db(transaction=True)
cast = projects_scene.cast

MESSAGES = {
    "es": "Esta ronda ya no está abierta; nada en ella puede cambiar.",
    "en": "This round is no longer open; nothing in it can change.",
}


def test_a_closed_rounds_forms_are_not_offered(page, live_server, scene):  # noqa: F811
    selection_round = services.round_create(
        actor=scene.staff, committee=scene.committee, title="Construcción conjunta", method="co_construction",
        proposals=scene.candidates[:1],
    )  # fmt: skip
    services.evidence_add(actor=scene.staff, selection_round=selection_round, kind="contribution", title="Aporte")
    services.round_close(actor=scene.staff, selection_round=selection_round, selected=scene.candidates[:1])
    sign_in(page, live_server, scene.chair.email)
    for language in ("es", "en"):
        scene.chair.preferred_language = language
        scene.chair.save(update_fields=["preferred_language"])
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"{live_server.url}/selecciones/{selection_round.pk}/evidencia/")
            page.wait_for_url(f"{live_server.url}{selection_round.get_absolute_url()}")
            expect(page.get_by_text(MESSAGES[language])).to_be_visible()
            assert page.locator("main form").count() == 0
            assert_accessible(page)
            page.screenshot(path=f"/tmp/access/closed-round-{language}-{width}.png", full_page=True)
