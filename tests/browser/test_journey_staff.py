"""In Chromium: the alliance's staff register and review an organization, run sessions, surveys, calls and reports."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from companies.models import DueDiligenceReview, Organization, Representative
from surveys.models import Survey

PDF = {"name": "acta-constitutiva.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}


def test_staff_register_an_organization_invite_its_representative_and_review_its_due_diligence(
    demo, journey, transactional_db
):
    page = journey.page
    journey.sign_in("staff@amexcid.example", validate_as="staff-home")
    journey.follow("Organizaciones", exact=True)
    journey.follow("Nueva organización", validate_as="staff-organization-new")
    journey.field("Razón social").fill("Reciclados del Bajío, S.A. de C.V.")
    journey.field("Nombre corto").fill("Reciclados del Bajío")
    journey.field("Tipo").select_option(label="Empresa")
    journey.field("Tamaño").select_option(label="Pequeña (de 11 a 50 personas)")
    journey.field("Sector económico").select_option(index=1)
    journey.field("RFC").fill("RBA150301AB1")
    journey.field("Estado").select_option(label="Guanajuato")
    journey.field("Descripción").fill("Acopio y reciclaje de PET en Guanajuato.")
    journey.press("Guardar", exact=True)
    expect(page.get_by_text("Reciclados del Bajío quedó registrada como invitada.")).to_be_visible()
    expect(page.get_by_role("heading", name="Reciclados del Bajío", level=1)).to_be_visible()
    organization = Organization.objects.get(short_name="Reciclados del Bajío")

    journey.follow("Personas", exact=True, validate_as="staff-organization-people")
    journey.field("Nombre completo").fill("Olga Ortega Ruiz")
    journey.field("Correo electrónico").fill("olga@reciclados.example")
    journey.press("Enviar la invitación")
    expect(page.get_by_role("cell", name=re.compile("^Olga Ortega Ruiz"))).to_be_visible()

    journey.follow("Debida diligencia", exact=True)
    journey.press("Iniciar una nueva revisión")
    expect(page.get_by_text("Se abrió una nueva revisión de debida diligencia.")).to_be_visible()
    journey.check(validate_as="staff-due-diligence")
    findings = page.locator("select[name$='_finding']")
    for index in range(findings.count()):
        findings.nth(index).select_option(label="Sin hallazgos")
    journey.field("Resumen del análisis").fill("Sin hallazgos en listas públicas ni en prensa.")
    journey.press("Guardar la lista de verificación")
    expect(page.get_by_text("Se guardó la lista de verificación.")).to_be_visible()

    journey.field("Qué muestra el documento").fill("Acta constitutiva")
    journey.field("Documento").set_input_files(PDF)
    journey.press("Adjuntar")
    expect(page.get_by_role("link", name="Acta constitutiva")).to_be_visible()

    journey.field("Calificación de riesgo").select_option(label="Bajo")
    journey.field("Decisión").select_option(label="Aprobada")
    journey.field("Vigente hasta").fill("2099-12-31")
    journey.press("Registrar la decisión como revisor(a)")
    expect(page.get_by_text("Se registró la decisión.")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="Calificación de riesgo: Bajo")).to_contain_text("Aprobada")

    review = DueDiligenceReview.objects.get(organization=organization)
    assert review.decision == "approved" and review.summary.startswith("Sin hallazgos")


def test_staff_build_a_survey_invite_one_organization_and_read_its_results(demo, journey, transactional_db):
    page = journey.page
    bimbo = Representative.objects.current().get(user__email="representante@axs.example").organization
    opens = timezone.localtime() - datetime.timedelta(minutes=5)
    closes = opens + datetime.timedelta(days=14)

    journey.sign_in("staff@amexcid.example")
    journey.follow("Encuestas", exact=True)
    journey.follow("Nueva encuesta", validate_as="staff-survey-new")
    journey.field("Título (español)").fill("Consulta rápida sobre economía circular")
    journey.field("Público").select_option(label="Organizaciones elegidas")
    journey.field("Organizaciones elegidas").select_option(label=str(bimbo))
    journey.field("Quién responde").select_option(label="Una respuesta por organización")
    journey.field("Abre").fill(opens.strftime("%Y-%m-%dT%H:%M"))
    journey.field("Cierra").fill(closes.strftime("%Y-%m-%dT%H:%M"))
    journey.press("Guardar", exact=True)
    expect(page.get_by_role("heading", name=re.compile("^Consulta rápida sobre economía circular"))).to_be_visible()

    journey.follow("Agregar una sección")
    journey.field("Título (español)").fill("Prácticas actuales")
    journey.press("Guardar", exact=True)
    journey.follow("Agregar una pregunta", validate_as="staff-survey-question")
    journey.field("Tipo").select_option(label="Opción única")
    journey.field("Pregunta (español)").fill("¿Separa sus residuos para reciclarlos?")
    journey.field("Obligatoria").check()
    journey.field("Opciones").fill("Siempre | Always\nA veces | Sometimes\nNunca | Never")
    journey.press("Guardar", exact=True)
    expect(page.get_by_text("¿Separa sus residuos para reciclarlos?")).to_be_visible()
    journey.check(validate_as="staff-survey-draft")

    journey.press("Publicar")
    expect(page.get_by_role("heading", name=re.compile("Abierta$"))).to_be_visible()
    journey.follow("Invitaciones y tasa de respuesta")
    journey.press("Enviar las invitaciones")
    expect(page.get_by_role("cell", name=str(bimbo))).to_be_visible()
    expect(page.locator("#response-rate")).to_have_text("0 %")

    journey.sign_in("representante@axs.example")
    journey.follow("Encuesta en espera de su respuesta: Consulta rápida sobre economía circular")
    journey.check(validate_as="representative-survey-answer")
    page.get_by_label("A veces", exact=True).check()
    journey.press("Enviar mis respuestas")
    expect(page.get_by_role("heading", name="Gracias por sus respuestas")).to_be_visible()

    journey.sign_in("staff@amexcid.example")
    survey = Survey.objects.get(title_es="Consulta rápida sobre economía circular")
    journey.visit(f"/encuestas/{survey.pk}/invitaciones/")
    expect(page.locator("#response-rate")).to_have_text("100 %")
    journey.follow("Resultados", exact=True, validate_as="staff-survey-results")
    expect(page.get_by_text("1 respuesta enviada.")).to_be_visible()
    answered = page.get_by_role("row").filter(has=page.get_by_role("cell", name="A veces", exact=True))
    expect(answered).to_contain_text(re.compile(r"100([.,]0)?\s?%"))
