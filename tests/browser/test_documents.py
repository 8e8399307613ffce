"""A person asks for a PDF, watches its progress without reloading, and downloads it."""

from playwright.sync_api import expect

from tests.factories import PASSWORD, make_representative


def test_a_person_asks_for_a_goal_sheet_and_downloads_it(page, live_server, transactional_db):
    make_representative(email="sheet@b.example")
    page.goto(live_server.url + "/cuenta/entrar/?next=/ods/7/")
    page.get_by_label("Correo electrónico").fill("sheet@b.example")
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()
    page.get_by_label("Idioma del documento").select_option("en")
    page.get_by_role("button", name="Ficha imprimible").click()
    expect(page.get_by_role("heading", name="SDG 7 goal sheet", exact=False)).to_be_visible()
    download_link = page.get_by_role("link", name="Descargar el PDF")
    expect(download_link).to_be_visible()
    with page.expect_download() as download:
        download_link.click()
    assert download.value.suggested_filename == "ods-7-en.pdf"
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"
