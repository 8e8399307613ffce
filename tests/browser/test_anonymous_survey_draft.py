"""In Chromium: an anonymous survey answered through its link, saved halfway, resumed from the same browser only."""

from playwright.sync_api import expect

from sdg.models import Goal
from surveys import services
from surveys.models import AnonymousDraft, Response
from tests.factories import make_member, make_organization, make_staff
from tests.surveys.conftest import build_survey

from .checks import AXE_JS
from .journey import Journey


def test_an_anonymous_draft_is_resumed_from_the_same_browser_and_submitted(journey, browser, transactional_db):
    staff = make_staff()
    organization = make_organization(actor=staff, legal_name="Alfa Sostenible, S.A. de C.V.", short_name="Alfa")
    make_member(organization)
    survey = build_survey(staff, is_anonymous=True)
    services.invitations_send(actor=staff, survey=survey)
    url = survey.invitations.get().get_absolute_url()
    page = journey.page

    journey.visit(url, validate_as="anonymous-survey")
    expect(page.get_by_text("se conservan cifradas solo para este navegador")).to_be_visible()
    page.get_by_label("Contacto").fill("Área de sostenibilidad")
    page.get_by_label("Educación", exact=True).check()
    journey.press("Guardar y continuar después")
    expect(page.get_by_text("Sus respuestas se guardaron en este navegador, cifradas")).to_be_visible()
    assert b"sostenibilidad" not in bytes(AnonymousDraft.objects.get().sealed)
    journey.visit(url)
    expect(page.get_by_label("Contacto")).to_have_value("Área de sostenibilidad")
    page.set_viewport_size({"width": 390, "height": 844})
    journey.check()

    # Another browser (a colleague's, the phone): the draft does not open, the page says so and saves nothing
    # over it until the box to start over is ticked.
    context = browser.new_context(locale="es-MX", viewport={"width": 1280, "height": 900})
    context.add_init_script(path=str(AXE_JS))  # as the ``page`` fixture does, so axe checks this browser too
    other = Journey(context.new_page(), journey.base_url, journey.html_checker)
    other.visit(url, validate_as="anonymous-survey-draft-elsewhere")
    expect(other.page.get_by_text("Ya se guardaron respuestas a esta encuesta desde otro navegador")).to_be_visible()
    expect(other.page.get_by_label("Contacto")).to_have_value("")
    other.page.get_by_label("Contacto").fill("Desde el teléfono")
    other.press("Guardar y continuar después", validate_as="anonymous-survey-draft-elsewhere-refused")
    expect(other.page.get_by_text("No se guardó nada")).to_be_visible()
    expect(other.page.get_by_label("Contacto")).to_have_value("Desde el teléfono")
    expect(other.page.get_by_label("Empezar de nuevo en este navegador", exact=False)).not_to_be_checked()
    other.assert_every_page_checked()
    context.close()
    journey.visit(url)
    expect(page.get_by_label("Contacto")).to_have_value("Área de sostenibilidad")

    page.locator(f"#id_q{survey.q['sdg'].pk}_1").select_option(value=str(Goal.objects.get(number=12).pk))
    page.get_by_label("No", exact=True).check()
    journey.press("Enviar mis respuestas")
    expect(page.get_by_role("heading", name="Gracias por sus respuestas")).to_be_visible()
    response = Response.objects.get(survey=survey)
    assert (response.invitation, response.submitted_at) == (None, None)
    assert not AnonymousDraft.objects.exists()
