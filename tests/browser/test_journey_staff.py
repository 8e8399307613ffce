"""In Chromium: the alliance's staff register and review an organization, run sessions, surveys, calls and reports."""

import datetime
import re
from urllib.parse import urlparse

from django.utils import timezone
from playwright.sync_api import expect

from companies.models import DueDiligenceReview, Organization, Representative
from projects.models import Proposal, SelectionRound
from surveys.models import Survey
from tests.factories import PASSWORD, make_committee, make_committee_member, make_staff

PDF = {"name": "acta-constitutiva.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}


def test_staff_register_an_organization_invite_its_representative_and_review_its_due_diligence(
    demo, journey, transactional_db
):
    page = journey.page
    journey.sign_in("staff@amexcid.example")
    journey.follow("Organizaciones", exact=True)
    journey.follow("Nueva organización")
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

    journey.follow("Personas", exact=True)
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

    journey.field("Resumen del análisis").fill("Sin hallazgos; acta constitutiva revisada.")
    journey.field("Qué muestra el documento").fill("Acta constitutiva")
    journey.field("Documento").set_input_files(PDF)
    journey.press("Guardar la lista y adjuntar")
    expect(page.get_by_role("link", name="Acta constitutiva")).to_be_visible()
    expect(journey.field("Resumen del análisis")).to_have_value("Sin hallazgos; acta constitutiva revisada.")

    journey.field("Calificación de riesgo").select_option(label="Bajo")
    journey.field("Decisión").select_option(label="Aprobada")
    journey.field("Vigente hasta").fill("2099-12-31")
    journey.press("Registrar la decisión como revisor(a)")
    expect(page.get_by_text("Se registró la decisión.")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="Calificación de riesgo: Bajo")).to_contain_text("Aprobada")

    review = DueDiligenceReview.objects.get(organization=organization)
    assert review.decision == "approved" and review.summary.startswith("Sin hallazgos")

    page.set_viewport_size({"width": 390, "height": 844})
    journey.visit("/auditoria/", validate_as="staff-audit")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the audit log scrolls sideways at 390 px"
    event = page.get_by_role("table", name="Eventos de auditoría").locator("tbody tr").first
    for column in ("Cuándo", "Quién", "Acción", "Objeto", "Detalles"):
        cell = event.locator(f"td[data-label='{column}']")
        expect(cell).to_be_visible()
        box = cell.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, f"the {column} column is cut off at 390 px"


def test_staff_build_a_survey_invite_one_organization_and_read_its_results(demo, journey, transactional_db):
    page = journey.page
    bimbo = Representative.objects.current().get(user__email="representante@axs.example").organization
    opens = timezone.localtime() - datetime.timedelta(minutes=5)
    closes = opens + datetime.timedelta(days=14)

    journey.sign_in("staff@amexcid.example")
    journey.follow("Encuestas", exact=True)
    journey.follow("Nueva encuesta")
    journey.field("Título (español)").fill("Consulta rápida sobre economía circular")
    journey.field("Público").select_option(label="Organizaciones elegidas")
    # The picker offers the first organizations alphabetically: narrow it to the one chosen (typed values stay).
    page.get_by_role("searchbox", name="Buscar organizaciones para elegir").fill(bimbo.legal_name[:12])
    journey.press("Buscar en la lista")
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

    journey.press("Publicar")
    expect(page.get_by_role("heading", name=re.compile("Abierta$"))).to_be_visible()
    journey.follow("Invitaciones y tasa de respuesta")
    journey.press("Enviar las invitaciones")
    expect(page.get_by_role("cell", name=str(bimbo))).to_be_visible()
    expect(page.locator("#response-rate")).to_have_text(re.compile(r"^\s*0([.,]0)?\s?%\s*$"))

    journey.sign_in("representante@axs.example")
    journey.follow("Encuesta en espera de su respuesta: Consulta rápida sobre economía circular")
    journey.check(validate_as="representative-survey-answer")
    page.get_by_label("A veces", exact=True).check()
    journey.press("Enviar mis respuestas")
    expect(page.get_by_role("heading", name="Gracias por sus respuestas")).to_be_visible()

    journey.sign_in("staff@amexcid.example")
    survey = Survey.objects.get(title_es="Consulta rápida sobre economía circular")
    journey.visit(f"/encuestas/{survey.pk}/invitaciones/")
    expect(page.locator("#response-rate")).to_have_text(re.compile(r"^\s*100([.,]0)?\s?%\s*$"))
    journey.follow("Resultados", exact=True, validate_as="staff-survey-results")
    expect(page.get_by_text("1 respuesta enviada.")).to_be_visible()
    answered = page.get_by_role("row").filter(has=page.get_by_role("cell", name="A veces", exact=True))
    expect(answered).to_contain_text(re.compile(r"100([.,]0)?\s?%"))


def test_staff_schedule_a_session_open_a_call_and_get_a_fact_sheet(demo, journey, transactional_db):
    page = journey.page
    starts = (timezone.localtime() + datetime.timedelta(days=10)).replace(hour=10, minute=0)
    opens = timezone.localdate() + datetime.timedelta(days=1)
    project = Proposal.objects.filter(status="in_implementation").order_by("title").first()

    journey.sign_in("staff@amexcid.example")
    journey.follow("Comités", exact=True)
    journey.follow("Producción y consumo responsables", exact=True)
    journey.follow("Programar una sesión")
    journey.field("Título").fill("Sesión extraordinaria de economía circular")
    journey.field("Fecha").fill(starts.strftime("%Y-%m-%d"))
    journey.field("Hora de inicio").fill(starts.strftime("%H:%M"))
    journey.field("Hora de término").fill((starts + datetime.timedelta(hours=2)).strftime("%H:%M"))
    journey.field("Lugar").fill("Sala de juntas de la AMEXCID")
    journey.press("Programar y notificar")
    expect(page.get_by_role("heading", name="Sesión extraordinaria de economía circular", level=1)).to_be_visible()
    journey.check(validate_as="staff-session")

    journey.visit("/convocatorias/")
    journey.follow("Abrir una convocatoria")
    journey.field("Comité").select_option(label="Producción y consumo responsables")
    journey.field("Título").fill("Convocatoria de economía circular")
    journey.field("Abre el").fill(opens.isoformat())
    journey.field("Cierra el").fill((opens + datetime.timedelta(days=60)).isoformat())
    journey.press("Guardar la convocatoria")
    expect(page.get_by_role("heading", name="Convocatoria de economía circular", level=1)).to_be_visible()
    journey.check(validate_as="staff-call")

    selection = SelectionRound.objects.get(status="open")
    journey.visit(selection.get_absolute_url(), validate_as="staff-selection-round")
    expect(page.get_by_role("heading", name="Agregar evidencia")).to_be_visible()
    expect(page.get_by_role("heading", name="Cerrar la ronda")).to_be_visible()

    journey.visit(f"/propuestas/{project.pk}/")
    page.get_by_label("Idioma del documento").select_option("en")  # a new sheet: the demo's Spanish one exists
    journey.press("Ficha de proyecto (PDF)")
    expect(page.get_by_role("heading", name=f"Fact sheet: {project.title}")).to_be_visible()
    expect(page.get_by_role("link", name="Descargar el PDF")).to_be_visible(timeout=30_000)  # the status polls
    journey.check(validate_as="staff-document")


def test_staff_generate_the_systematization_report(journey, transactional_db):
    page = journey.page
    staff = make_staff(email="informes@amexcid.example")
    journey.sign_in(staff.email, password=PASSWORD)
    journey.visit("/informes/", validate_as="staff-report")
    for label in ("Desde", "Hasta"):
        expect(journey.field(label)).to_have_value(re.compile(r"^\d{4}-\d{2}-\d{2}$"))
    journey.press("Generar el informe (PDF)")
    expect(page.get_by_role("link", name="Descargar el PDF")).to_be_visible()


def test_staff_record_a_session_that_already_took_place(journey, transactional_db):
    page = journey.page
    staff = make_staff(email="sesiones@amexcid.example")
    committee = make_committee(12, name="Producción y consumo responsables")
    for name in ("Mariana Torres", "Tomás Beltrán"):
        make_committee_member(committee, full_name=name)
    starts = (timezone.localtime() - datetime.timedelta(days=3)).replace(hour=10, minute=0)
    journey.sign_in(staff.email, password=PASSWORD)
    journey.visit(committee.get_absolute_url())
    journey.follow("Registrar una sesión ya celebrada", validate_as="staff-session-record")
    journey.field("Título").fill("Sesión ordinaria ya celebrada")
    journey.field("Fecha").fill(starts.strftime("%Y-%m-%d"))
    journey.field("Hora de inicio").fill(starts.strftime("%H:%M"))
    journey.field("Hora de término").fill((starts + datetime.timedelta(hours=2)).strftime("%H:%M"))
    journey.field("Lugar").fill("AMEXCID, Plaza Juárez 20")
    journey.press("Registrar la sesión")
    expect(page.get_by_role("heading", name="Sesión ordinaria ya celebrada", level=1)).to_be_visible()
    session_page = page.url
    journey.follow("Registrar asistencia")
    selects = page.locator("main table select")
    for index in range(selects.count()):
        selects.nth(index).select_option(label="Presente")
    journey.press("Guardar la asistencia")
    expect(page.get_by_text("Se guardó la asistencia.")).to_be_visible()
    journey.follow("Redactar la minuta")
    journey.field("Minuta").fill("Se revisó el avance del plan de trabajo.")
    journey.press("Guardar el borrador")
    expect(page.get_by_text("La minuta se guardó como borrador.")).to_be_visible()
    # Mariana Torres was listed by mistake: staff strike her off the list, saying why.
    journey.visit(urlparse(session_page).path)
    journey.follow("Corregir la lista de asistencia", validate_as="staff-attendance-correct")
    journey.field("Mariana Torres").select_option(label="Quitar de la lista")
    journey.field("Motivo de la corrección").fill("Mariana Torres no asistió; se anotó por error.")
    journey.press("Guardar la corrección")
    expect(page.get_by_text("La lista de asistencia se ha corregido.")).to_be_visible()
    expect(page.get_by_text("Motivo: Mariana Torres no asistió; se anotó por error.")).to_be_visible()
    expect(page.locator("main table").get_by_text("Mariana Torres")).to_have_count(0)
