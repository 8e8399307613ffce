"""A proposer asks for their proposal's fact sheet, watches its progress without reloading, and downloads it."""

from playwright.sync_api import expect

from projects import services
from tests.factories import PASSWORD, make_member, make_organization, make_staff
from tests.projects.conftest import fill_proposal, make_call, make_committee


def test_a_proposer_asks_for_the_fact_sheet_and_downloads_it(page, live_server, transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    staff = make_staff()
    committee = make_committee(actor=staff, goal_number=12)
    call = make_call(actor=staff, committee=committee)
    lead = make_member(make_organization(actor=staff), email="ficha@b.example")
    proposal = services.proposal_start(actor=lead, call=call, title="Alimentos sin desperdicio")
    fill_proposal(proposal, lead)
    page.goto(live_server.url + f"/cuenta/entrar/?next=/propuestas/{proposal.pk}/")
    page.get_by_label("Correo electrónico").fill("ficha@b.example")
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()
    page.get_by_role("button", name="Ficha de proyecto (PDF)").click()
    expect(page.get_by_role("heading", name="Ficha de proyecto: Alimentos sin desperdicio")).to_be_visible()
    download_link = page.get_by_role("link", name="Descargar el PDF")
    expect(download_link).to_be_visible()
    with page.expect_download() as download:
        download_link.click()
    assert download.value.suggested_filename.startswith(f"ficha-{proposal.pk}-alimentos-sin-desperdicio")
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"
