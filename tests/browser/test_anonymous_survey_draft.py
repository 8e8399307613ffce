"""In Chromium: an anonymous survey answered through its link, saved halfway, resumed from the same browser only."""

from playwright.sync_api import expect

from sdg.models import Goal
from surveys import services
from surveys.models import AnonymousDraft, Response
from tests.factories import make_member, make_organization, make_staff
from tests.surveys.conftest import build_survey


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

    other = browser.new_context(locale="es-MX").new_page()  # Another browser: the draft does not open.
    other.goto(journey.url(url))
    expect(other.get_by_label("Contacto")).to_have_value("")
    other.context.close()

    page.locator(f"#id_q{survey.q['sdg'].pk}_1").select_option(value=str(Goal.objects.get(number=12).pk))
    page.get_by_label("No", exact=True).check()
    journey.press("Enviar mis respuestas")
    expect(page.get_by_role("heading", name="Gracias por sus respuestas")).to_be_visible()
    response = Response.objects.get(survey=survey)
    assert (response.invitation, response.submitted_at) == (None, None)
    assert not AnonymousDraft.objects.exists()
