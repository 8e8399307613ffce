"""In Chromium: the Educación chair votes on the demo ballot, confirms, gets a receipt, checks it after closing."""

import re

from playwright.sync_api import expect

from projects.demo_selection import open_ballot

from .test_survey_answering import sign_in


def test_a_chair_votes_with_confirmation_gets_a_receipt_and_checks_it_after_closing(demo, page, live_server):
    ballot = open_ballot()
    candidate = ballot.candidates.select_related("proposal").first().proposal

    sign_in(page, live_server, "presidencia.ods4@axs.example")
    page.goto(f"{live_server.url}/votaciones/")
    page.get_by_role("link", name=ballot.title).first.click()
    page.get_by_role("link", name="Emitir mi voto").click()
    expect(page.get_by_text("cambia su voto")).to_have_count(0)
    page.get_by_label(candidate.title).check()
    page.get_by_role("button", name="Emitir mi voto").click()
    # A vote that cannot be changed is shown first, and stored only once confirmed.
    expect(page.get_by_role("heading", name="Confirme su voto")).to_be_visible()
    expect(page.locator("#vote-summary")).to_contain_text(candidate.title)
    page.screenshot(path="/tmp/plain/vote-confirm-es.png", full_page=True)
    assert not ballot.participations.exists()
    page.get_by_role("button", name="Confirmar mi voto").click()
    expect(page.get_by_role("heading", name="Su voto quedó registrado")).to_be_visible()
    code = page.locator("#receipt-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4}(-[A-Z0-9]{4}){4}", code)

    page.goto(f"{live_server.url}/votaciones/{ballot.pk}/")
    expect(page.get_by_text("Su voto quedó registrado.")).to_be_visible()
    page.get_by_role("link", name="Cerrar ahora").click()
    # Closing early says who has not voted and that it cannot be undone, and waits for confirmation.
    expect(page.get_by_role("heading", name=re.compile("¿Cerrar"))).to_be_visible()
    expect(page.get_by_text("No se puede deshacer", exact=False)).to_be_visible()
    page.screenshot(path="/tmp/plain/ballot-close-es.png", full_page=True)
    page.get_by_role("button", name="Cerrar la votación ahora").click()
    expect(page.get_by_text("La votación está cerrada.")).to_be_visible()

    page.get_by_role("link", name="Verificar mi comprobante").click()
    page.get_by_label("Comprobante").fill(code)
    page.get_by_role("button", name="Verificar").click()
    expect(page.locator("#receipt-result")).to_contain_text("Contado")
    page.get_by_label("Comprobante").fill("AAAA-BBBB-CCCC-DDDD-EEEE")
    page.get_by_role("button", name="Verificar").click()
    expect(page.locator("#receipt-result")).to_contain_text("No encontrado")
