"""In Chromium: the Educación chair votes on the demo ballot, gets a receipt, checks it once staff close it."""

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
    # Her organization competes in this call: she votes, but staff, not she, close the round's ballot.
    expect(page.get_by_role("link", name="Cerrar ahora")).to_have_count(0)
    sign_in(page, live_server, "staff@amexcid.example")
    page.goto(f"{live_server.url}/votaciones/{ballot.pk}/")
    page.get_by_role("link", name="Cerrar ahora").click()
    # Closing early says who has not voted and that it cannot be undone, and waits for confirmation.
    expect(page.get_by_role("heading", name=re.compile("¿Cerrar"))).to_be_visible()
    expect(page.get_by_text("No se puede deshacer", exact=False)).to_be_visible()
    page.screenshot(path="/tmp/plain/ballot-close-es.png", full_page=True)
    page.get_by_role("button", name="Cerrar la votación ahora").click()
    expect(page.get_by_text("La votación está cerrada.")).to_be_visible()

    sign_in(page, live_server, "presidencia.ods4@axs.example")
    page.goto(f"{live_server.url}/votaciones/{ballot.pk}/")
    page.get_by_role("link", name="Verificar mi comprobante").click()
    page.get_by_label("Comprobante").fill(code)
    page.get_by_role("button", name="Verificar").click()
    expect(page.locator("#receipt-result")).to_contain_text("Contado")
    page.get_by_label("Comprobante").fill("AAAA-BBBB-CCCC-DDDD-EEEE")
    page.get_by_role("button", name="Verificar").click()
    expect(page.locator("#receipt-result")).to_contain_text("No encontrado")


def test_a_secret_vote_is_changed_only_with_its_receipt_and_counted_after_closing(demo, page, live_server):
    """In English, on a 390 px phone: a secret ballot that allows changes, the receipt asked for a change."""
    import datetime

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from projects import services

    named = open_ballot()
    chair = get_user_model().objects.get(email="presidencia.ods4@axs.example")
    get_user_model().objects.filter(pk=chair.pk).update(preferred_language="en")
    staff = get_user_model().objects.get(email="staff@amexcid.example")
    now = timezone.now()
    ballot = services.ballot_create(
        actor=staff, selection_round=named.round, title="Secret ballot of the chair", electorate="chair",
        question="approval", max_choices=1, seats=1, majority="plurality", quorum_percent=50, is_secret=True,
        allow_changes=True, opens_at=now - datetime.timedelta(minutes=1), closes_at=now + datetime.timedelta(days=1),
    )  # fmt: skip
    services.ballot_open(actor=staff, ballot=ballot)
    first, second = [c.proposal for c in ballot.candidates.select_related("proposal").order_by("position")[:2]]

    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, live_server, "presidencia.ods4@axs.example")
    page.goto(f"{live_server.url}/votaciones/{ballot.pk}/votar/")
    expect(page.get_by_text("Secret ballot: nobody will be able to see what you voted.")).to_be_visible()
    page.get_by_label(first.title).check()
    page.get_by_role("button", name="Cast my vote").click()
    expect(page.get_by_role("heading", name="Your vote was recorded")).to_be_visible()
    code = page.locator("#receipt-code").inner_text().strip()
    page.screenshot(path="/tmp/plain/vote-receipt-secret-en-390.png", full_page=True)

    page.goto(f"{live_server.url}/votaciones/{ballot.pk}/votar/")
    page.get_by_label(second.title).check()
    page.get_by_label("Your receipt code").fill("AAAA-BBBB-CCCC-DDDD-EEEE")
    page.get_by_role("button", name="Cast my vote").click()
    expect(
        page.get_by_text("To change a secret vote, give the receipt code you received when you voted.")
    ).to_be_visible()
    expect(page.get_by_label(second.title)).to_be_checked()  # what was chosen is kept
    page.screenshot(path="/tmp/plain/vote-change-refused-en-390.png", full_page=True)
    page.get_by_label("Your receipt code").fill(code)
    page.get_by_role("button", name="Cast my vote").click()
    expect(page.get_by_role("heading", name="Your vote was changed")).to_be_visible()

    ballot = services.ballot_close(actor=staff, ballot=ballot)
    votes = {row["proposal_id"]: row["votes"] for row in ballot.result["rows"]}
    assert votes[second.pk] == 1 and votes[first.pk] == 0
    page.goto(f"{live_server.url}/votaciones/{ballot.pk}/comprobante/")
    page.get_by_label("Receipt code").fill(code.lower())
    page.get_by_role("button", name="Check").click()
    expect(page.locator("#receipt-result")).to_contain_text("Counted")
    page.screenshot(path="/tmp/plain/receipt-counted-en-390.png", full_page=True)
