"""In Chromium: a representative answers the open demo survey, saves halfway, comes back, submits;
staff then see the response rate move."""

from playwright.sync_api import expect

from axs_platform.figures import format_percent, percent
from surveys import demo as surveys_demo

DEMO_PASSWORD = "axs-demo-2026"


def sign_in(page, live_server, email):
    page.context.clear_cookies()
    page.goto(live_server.url + "/cuenta/entrar/")
    page.get_by_label("Correo electrónico").fill(email)
    page.get_by_label("Contraseña").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()
    page.wait_for_url(live_server.url + "/")


def rate_text(survey):
    invitations = survey.invitations.all()
    answered = invitations.filter(responded_at__isnull=False).count()
    return format_percent(percent(answered, invitations.count()))


def test_a_representative_saves_halfway_comes_back_and_submits_and_staff_see_the_rate_move(demo, page, live_server):
    survey = surveys_demo.open_survey()
    before = rate_text(survey)

    sign_in(page, live_server, "staff@amexcid.example")
    page.goto(f"{live_server.url}/encuestas/{survey.pk}/invitaciones/")
    expect(page.locator("#response-rate")).to_have_text(before)

    sign_in(page, live_server, "representante@axs.example")
    page.get_by_role("link", name=f"Encuesta en espera de su respuesta: {survey.title_es}").click()
    expect(page.get_by_role("heading", name=survey.title_es)).to_be_visible()
    page.get_by_label("4", exact=True).check()
    page.get_by_label("Lugar 1").first.select_option(label="ODS 12: Producción y consumo responsables")
    page.get_by_role("button", name="Guardar y continuar después").click()
    expect(page.get_by_text("Sus respuestas se guardaron.")).to_be_visible()

    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Encuestas", exact=True).click()
    expect(page.get_by_text("En curso")).to_be_visible()
    page.get_by_role("link", name=survey.title_es).click()
    expect(page.get_by_label("4", exact=True)).to_be_checked()
    expect(page.get_by_text("¿En qué proyecto o tema?")).to_have_count(0)

    page.get_by_label("Sí", exact=True).check()
    page.get_by_role("button", name="Enviar mis respuestas").click()
    # Answering “yes” showed a required question: the server says so and keeps the answers.
    expect(page.get_by_text("Esta pregunta es obligatoria.")).to_be_visible()
    page.get_by_label("¿En qué proyecto o tema?").fill("Economía circular en cadenas de suministro.")
    page.get_by_role("button", name="Enviar mis respuestas").click()
    expect(page.get_by_role("heading", name="Gracias por sus respuestas")).to_be_visible()

    after = rate_text(survey)
    assert after != before
    sign_in(page, live_server, "staff@amexcid.example")
    page.goto(f"{live_server.url}/encuestas/{survey.pk}/invitaciones/")
    expect(page.locator("#response-rate")).to_have_text(after)
