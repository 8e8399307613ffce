"""In Chromium: the question form shows only the chosen type's fields; without JavaScript, all, each with its hint."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_staff
from tests.surveys.conftest import build_survey

from .test_committee_minutes import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_choosing_a_type_shows_only_its_fields_and_the_question_saves(page, live_server):
    staff = make_staff(email="coordinacion@amexcid.example")
    survey = build_survey(staff, publish=False)
    section = survey.sections.get()
    sign_in(page, live_server, staff.email)
    page.goto(f"{live_server.url}/encuestas/secciones/{section.pk}/preguntas/nueva/")
    page.locator("select[name=kind]").select_option("single")
    expect(page.get_by_label("Opciones")).to_be_visible()
    expect(page.get_by_label("Etiqueta del 1 (español)")).to_be_hidden()
    page.get_by_label("Opciones").fill("Sí | Yes\nNo | No")

    page.locator("select[name=kind]").select_option("scale")
    expect(page.get_by_label("Opciones")).to_be_hidden()
    expect(page.get_by_label("Cuántas elegir u ordenar")).to_be_hidden()
    page.get_by_label("Etiqueta del 1 (español)").fill("Nada útil")
    page.get_by_label("Pregunta (español)").fill("¿Qué tan útil fue la sesión?")
    page.screenshot(path="/tmp/question-form-scale.png", full_page=True)
    page.get_by_role("button", name="Guardar").click()
    page.wait_for_url(f"**{survey.get_absolute_url()}")
    question = survey.questions.get(text_es="¿Qué tan útil fue la sesión?")
    assert (question.kind, question.options.count(), question.scale_min_label_es) == ("scale", 0, "Nada útil")


def test_without_javascript_every_fieldset_shows_and_says_which_types_use_it(browser, live_server):
    staff = make_staff(email="coordinacion@amexcid.example")
    section = build_survey(staff, publish=False).sections.get()
    context = browser.new_context(locale="es-MX", java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, live_server, staff.email)
        page.goto(f"{live_server.url}/encuestas/secciones/{section.pk}/preguntas/nueva/")
        expect(page.get_by_label("Opciones")).to_be_visible()
        expect(page.get_by_label("Etiqueta del 1 (español)")).to_be_visible()
        expect(page.get_by_text("Solo para preguntas de tipo: Escala del 1 al 5.")).to_be_visible()
    finally:
        context.close()
