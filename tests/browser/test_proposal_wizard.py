"""In Chromium: the wizard's and the evaluator assignment's buttons are legible; moving on saves or warns."""

import pytest
from playwright.sync_api import expect

from projects.models import Proposal
from tests.projects import conftest as projects_scene

from .test_committee_minutes import sign_in

pytestmark = pytest.mark.django_db(transaction=True)
cast, draft = projects_scene.cast, projects_scene.draft

# The contrast ratio of WCAG 2.1 between each visible button's text and what is painted behind it.
BUTTON_CONTRASTS = """() => {
  const rgb = (value) => value.match(/[\\d.]+/g).map(Number);
  const opaque = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const colour = rgb(getComputedStyle(node).backgroundColor);
      if (colour.length < 4 || colour[3] > 0) return colour.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const luminance = ([r, g, b]) => {
    const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  return [...document.querySelectorAll("main .btn")].filter((b) => b.offsetParent !== null).map((button) => {
    const [a, b] = [luminance(rgb(getComputedStyle(button).color)), luminance(opaque(button))];
    return {
      text: (button.innerText || button.value || "").trim(),
      classes: button.className,
      ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
    };
  });
}"""


def assert_buttons_legible(page):
    buttons = page.evaluate(BUTTON_CONTRASTS)
    assert buttons, "the page shows no buttons"
    illegible = [b for b in buttons if b["ratio"] < 4.5]
    assert not illegible, illegible


def test_the_wizards_and_the_assignment_pages_buttons_can_be_read(page, live_server, cast, draft):
    from projects import services

    sign_in(page, live_server, cast.lead.email)
    for step in ("general", "design", "consortium", "budget"):
        page.goto(f"{live_server.url}/propuestas/{draft.pk}/editar/{step}/")
        assert_buttons_legible(page)

    submitted = services.proposal_submit(actor=cast.lead, proposal=draft)

    sign_in(page, live_server, cast.staff.email)
    page.goto(f"{live_server.url}/propuestas/{submitted.pk}/evaluadores/")
    expect(page.get_by_role("button", name="Asignar")).to_be_visible()
    assert_buttons_legible(page)


def test_save_and_continue_saves_the_step_and_opens_the_next(page, live_server, cast):
    from projects import services

    proposal = services.proposal_start(actor=cast.lead, call=cast.call, title="Agua para escuelas rurales")
    sign_in(page, live_server, cast.lead.email)
    page.goto(f"{live_server.url}/propuestas/{proposal.pk}/editar/general/")
    page.get_by_label("Resumen", exact=True).fill("Captación de lluvia en escuelas.")
    page.get_by_role("button", name="Guardar y seguir").click()
    page.wait_for_url(f"**/propuestas/{proposal.pk}/editar/consortium/")
    expect(page.get_by_text("Guardado.")).to_be_visible()
    proposal.refresh_from_db()
    assert proposal.summary == "Captación de lluvia en escuelas."


def test_leaving_a_step_with_unsaved_changes_warns_and_staying_keeps_them(page, live_server, cast):
    from projects import services

    proposal = services.proposal_start(actor=cast.lead, call=cast.call, title="Agua para escuelas rurales")
    sign_in(page, live_server, cast.lead.email)
    page.goto(f"{live_server.url}/propuestas/{proposal.pk}/editar/problem/")
    dialogs = []

    def dismiss(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.get_by_label("Problema", exact=True).click()
    page.keyboard.type("Las escuelas no tienen agua.")
    page.get_by_role("link", name="Paso anterior").click()
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    assert page.url.endswith("/editar/problem/")
    assert page.get_by_label("Problema", exact=True).input_value() == "Las escuelas no tienen agua."

    page.get_by_role("button", name="Guardar y seguir").click()
    page.wait_for_url(f"**/propuestas/{proposal.pk}/editar/design/")
    assert dialogs == ["beforeunload"]
    assert Proposal.objects.get(pk=proposal.pk).problem == "Las escuelas no tienen agua."


def test_at_390_px_the_step_menu_is_folded_and_the_form_shows_on_the_first_screen(browser, live_server, cast, draft):
    context = browser.new_context(locale="es-MX", viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        sign_in(page, live_server, cast.lead.email)
        page.goto(f"{live_server.url}/propuestas/{draft.pk}/editar/problem/")
        expect(page.get_by_text("Paso 3 de 10: Problema")).to_be_visible()
        expect(page.get_by_role("link", name="Presupuesto")).to_be_hidden()
        box = page.get_by_label("Problema", exact=True).bounding_box()
        assert box["y"] < 844, box
        page.screenshot(path="/tmp/wizard-390.png", full_page=False)
        page.get_by_text("Paso 3 de 10: Problema").click()
        expect(page.get_by_role("link", name="Presupuesto")).to_be_visible()
    finally:
        context.close()
