"""In Chromium: a visitor without an account walks the public pages, in Spanish, in English and on a phone."""

import re

from playwright.sync_api import expect

from projects.models import Proposal


def test_a_visitor_reads_committees_projects_goals_in_spanish_english_and_on_a_phone(demo, journey, transactional_db):
    page = journey.page
    project = Proposal.objects.filter(status="in_implementation").order_by("title").first()

    journey.visit("/", validate_as="public-home")
    expect(page.get_by_role("heading", name="Alianza por la Sostenibilidad", level=1)).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 900})  # the brand keeps a name where its long text hides
    expect(page.get_by_role("link", name=re.compile("^AxS"))).to_be_visible()

    journey.follow("Comités")
    expect(page.get_by_role("heading", name="Los comités de trabajo")).to_be_visible()
    journey.follow("Inclusión social", validate_as="public-committee")
    expect(page.get_by_role("heading", name="Inclusión social", level=1)).to_be_visible()

    journey.follow("Proyectos", exact=True)
    expect(page.get_by_role("heading", name="Proyectos de la alianza")).to_be_visible()
    journey.follow(project.title, validate_as="public-project")
    expect(page.get_by_role("heading", name=project.title, level=1)).to_be_visible()

    journey.follow("ODS", exact=True, validate_as="public-goals")
    tile = page.get_by_role("link", name=re.compile(r"^10 Reducción de las desigualdades"))
    expect(tile).to_be_visible()
    journey.press(re.compile(r"^10 Reducción de las desigualdades"), role="link")
    expect(page.get_by_role("heading", name="Reducción de las desigualdades", level=1)).to_be_visible()

    journey.follow("Iniciar sesión")
    page.get_by_label("Correo electrónico").fill("staff@amexcid.example")
    page.get_by_label("Contraseña").fill("not-the-password")
    journey.press("Iniciar sesión", validate_as="public-sign-in-refused")
    error = page.get_by_role("alert")
    expect(error).to_contain_text("El correo electrónico o la contraseña no son correctos")
    error_id = error.get_attribute("id")
    for field in ("Correo electrónico", "Contraseña"):
        expect(page.get_by_label(field)).to_have_attribute("aria-describedby", error_id)
        expect(page.get_by_label(field)).to_have_attribute("aria-invalid", "true")

    journey.follow("¿Olvidó su contraseña?")

    # In English, what people wrote in Spanish is marked as Spanish; on a phone, tables and the brand fit.
    journey.visit("/comites/")
    page.get_by_label("Idioma").select_option("en")
    journey.press("Cambiar")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="The working committees")).to_be_visible()
    # The demo's committees have English names: shown in English, not marked Spanish.
    english = page.get_by_role("link", name="Social Inclusion")
    expect(english).not_to_have_attribute("lang", "es")
    journey.follow("Social Inclusion", validate_as="public-committee-en")
    heading = page.get_by_role("heading", name="Social Inclusion", level=1)
    expect(heading).not_to_have_attribute("lang", "es")

    page.set_viewport_size({"width": 390, "height": 844})
    journey.visit("/organizaciones/")
    table = page.get_by_role("table", name="Member organizations")
    expect(table).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the page scrolls sideways at 390 px"
    first = table.locator("tbody tr").first
    for column in ("Name", "Type", "Priority SDGs", "Participation"):
        expect(first.locator(f"td[data-label='{column}']")).to_be_visible()
    journey.visit("/")
    expect(page.get_by_role("link", name=re.compile("^AxS"))).to_be_visible()
