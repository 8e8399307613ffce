"""A representative fills a proposal in steps, leaves, returns, submits; staff returns it for changes."""

import pytest

from projects.models import Proposal
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def _sign_in(page, live_server, email):
    page.goto(f"{live_server.url}/cuenta/entrar/")
    page.get_by_label("Correo electrónico").fill(email)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()
    page.wait_for_url(f"{live_server.url}/")


def test_representative_fills_leaves_returns_submits_and_staff_returns_it(page, live_server):
    from tests.factories import make_member, make_organization, make_staff
    from tests.projects.conftest import fill_proposal, make_call, make_chair, make_committee

    staff = make_staff(email="staff@example.org")
    committee = make_committee(actor=staff)
    make_chair(staff, committee)
    call = make_call(actor=staff, committee=committee)
    lead = make_member(make_organization(actor=staff), email="lider@example.org")

    _sign_in(page, live_server, lead.email)
    page.goto(f"{live_server.url}/convocatorias/{call.pk}/proponer/")
    page.fill("input[name=title]", "Agua para escuelas rurales")
    page.click("main form [type=submit]")
    page.fill("textarea[name=summary]", "Captación de lluvia en escuelas.")
    page.click("main form:has(input[value=texts]) [type=submit]")
    page.goto(page.url.replace("/general/", "/problem/"))
    page.fill("textarea[name=problem]", "Las escuelas no tienen agua.")
    page.click("main form:has(input[value=texts]) [type=submit]")

    page.goto(f"{live_server.url}/")  # leaves
    proposal = Proposal.objects.get(title="Agua para escuelas rurales")
    page.goto(f"{live_server.url}/propuestas/{proposal.pk}/editar/problem/")  # returns
    assert page.input_value("textarea[name=problem]") == "Las escuelas no tienen agua."
    page.goto(f"{live_server.url}/propuestas/{proposal.pk}/enviar/")
    assert page.is_disabled("main form [type=submit]")

    fill_proposal(proposal, lead)
    page.goto(f"{live_server.url}/propuestas/{proposal.pk}/enviar/")
    page.click("main form [type=submit]")
    page.wait_for_url(f"**/propuestas/{proposal.pk}/")
    assert "Enviada" in page.content()

    page.context.clear_cookies()
    _sign_in(page, live_server, staff.email)
    page.goto(f"{live_server.url}/propuestas/{proposal.pk}/estado/return/")
    page.fill("textarea[name=reason]", "Precise la línea base.")
    page.click("main form [type=submit]")
    page.wait_for_url(f"**/propuestas/{proposal.pk}/")
    assert "Devuelta para cambios" in page.content()
    proposal.refresh_from_db()
    assert proposal.status == "returned"
