"""In Chromium: a visitor finds open data from the footer, opens a dataset, downloads its CSV; Spanish and English."""

import re

from playwright.sync_api import expect


def test_a_visitor_opens_a_dataset_and_downloads_its_csv_in_spanish_and_english(demo, journey, transactional_db):
    page = journey.page
    journey.visit("/")
    journey.follow("Datos abiertos", exact=True, validate_as="opendata-index")
    expect(page.get_by_role("heading", name="Datos abiertos", level=1)).to_be_visible()
    page.screenshot(path="/tmp/opendata-index-es.png", full_page=True)

    journey.follow("Organizaciones miembro", exact=True, validate_as="opendata-dataset")
    expect(page.get_by_role("heading", name="Organizaciones miembro", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Diccionario de datos")).to_be_visible()
    page.screenshot(path="/tmp/opendata-dataset-es.png", full_page=True)
    with page.expect_download() as waiting:
        page.get_by_role("link", name=re.compile(r"^Descargar CSV")).click()
    download = waiting.value
    assert download.suggested_filename == "organizaciones.csv"
    with open(download.path(), "rb") as downloaded:
        content = downloaded.read()
    assert content.startswith("\ufeff".encode())
    lines = content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("organization_id,legal_name,short_name")
    assert any("AMEXCID" in line for line in lines[1:])

    page.get_by_label("Idioma").select_option("en")
    journey.press("Cambiar")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Member organizations", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Data dictionary")).to_be_visible()
    page.screenshot(path="/tmp/opendata-dataset-en.png", full_page=True)
    journey.visit("/open-data/", validate_as="opendata-index-en")
    expect(page.get_by_role("heading", name="Open data", level=1)).to_be_visible()
    page.screenshot(path="/tmp/opendata-index-en.png", full_page=True)
    journey.follow("Approved progress of projects", exact=True)
    with page.expect_download() as waiting:
        page.get_by_role("link", name=re.compile(r"^Download JSON")).click()
    assert waiting.value.suggested_filename == "avances.json"
    journey.assert_every_page_checked()
