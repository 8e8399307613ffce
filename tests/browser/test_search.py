"""In Chromium: a visitor searches from the header, narrows by a facet and follows a result; in Spanish,
in English and on a phone. Screenshots go to /tmp/search-*.png."""

import re

from playwright.sync_api import expect


def test_a_search_from_the_header_finds_narrows_and_leads_to_the_page(demo, journey, transactional_db):
    page = journey.page
    page.set_viewport_size({"width": 390, "height": 844})
    journey.visit("/")
    page.get_by_label("Buscar en la plataforma").fill("educacion")
    journey.press("Buscar", validate_as="search-results")
    expect(page.get_by_role("heading", name="Buscar", level=1)).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("resultado")
    expect(page.locator("mark").first).to_have_text(re.compile("^Educaci[oó]n", re.IGNORECASE))
    page.screenshot(path="/tmp/search-es-390.png", full_page=True)

    journey.follow(re.compile(r"^Comités \(\d+\)$|^Comités$"))
    results = page.locator(".axs-search-results li")
    expect(results.first.locator(".badge")).to_have_text("Comité")
    expect(page.locator("a[aria-current='true']")).to_contain_text("Comités")
    with page.expect_navigation():
        results.get_by_role("link", name="Educación", exact=True).first.click()
    journey.check()
    expect(page.get_by_role("heading", name="Educación", level=1)).to_be_visible()

    page.set_viewport_size({"width": 1280, "height": 900})  # the language switch lives in the wide menu
    journey.visit("/buscar/?q=educacion")
    page.get_by_label("Idioma").select_option("en")
    journey.press("Cambiar")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Search", level=1)).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("^SDG 4: Ensure inclusive")).first).to_be_visible()  # in English
    page.set_viewport_size({"width": 390, "height": 844})
    journey.check()
    page.screenshot(path="/tmp/search-en-390.png", full_page=True)

    # A published project under the English title and summary staff gave it; its Spanish title nowhere.
    journey.visit("/buscar/?q=solar+off-grid&kind=project")
    project = page.locator(".axs-search-results li").first
    expect(project.locator(".badge")).to_have_text("Project")
    expect(project.get_by_role("link", name="Solar energy for off-grid communities", exact=True)).to_be_visible()
    expect(project.get_by_role("link")).not_to_have_attribute("lang", "es")
    expect(project.locator("p")).to_contain_text("Standalone solar systems")
    expect(page.locator(".axs-search-results")).not_to_contain_text("Energía solar para comunidades")

    page.get_by_label("Search the platform").fill("   ")
    journey.press("Search", exact=True)
    expect(page.get_by_text("Type one or more words to search for.")).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    journey.visit("/buscar/?q=energia&kind=sdg_target")
    page.screenshot(path="/tmp/search-en-1280.png", full_page=True)
    journey.assert_every_page_checked()
