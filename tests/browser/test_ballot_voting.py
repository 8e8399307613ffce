"""In Chromium: the Educación chair votes on the open demo ballot, gets a receipt, and after closing checks it."""

import re

from playwright.sync_api import expect

from projects.demo_selection import open_ballot

from .test_survey_answering import sign_in


def test_a_chair_votes_gets_a_receipt_and_checks_it_after_closing(demo, page, live_server):
    ballot = open_ballot()
    candidate = ballot.candidates.select_related("proposal").first().proposal

    sign_in(page, live_server, "presidencia.ods4@axs.example")
    page.goto(f"{live_server.url}/votaciones/")
    page.get_by_role("link", name=ballot.title).first.click()
    page.get_by_role("link", name="Emitir mi voto").click()
    page.get_by_label(candidate.title).check()
    page.get_by_role("button", name="Emitir mi voto").click()
    expect(page.get_by_role("heading", name="Su voto quedó registrado")).to_be_visible()
    code = page.locator("#receipt-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4}(-[A-Z0-9]{4}){4}", code)

    page.goto(f"{live_server.url}/votaciones/{ballot.pk}/")
    expect(page.get_by_text("Su voto quedó registrado.")).to_be_visible()
    page.get_by_role("button", name="Cerrar ahora").click()
    expect(page.get_by_text("La votación está cerrada.")).to_be_visible()

    page.get_by_role("link", name="Verificar mi comprobante").click()
    page.get_by_label("Comprobante").fill(code)
    page.get_by_role("button", name="Verificar").click()
    expect(page.locator("#receipt-result")).to_contain_text("Contado")
    page.get_by_label("Comprobante").fill("AAAA-BBBB-CCCC-DDDD-EEEE")
    page.get_by_role("button", name="Verificar").click()
    expect(page.locator("#receipt-result")).to_contain_text("No encontrado")
