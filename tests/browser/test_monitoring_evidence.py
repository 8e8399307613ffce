"""In Chromium: a reporter adds a file to a draft report, keeping what was typed, and removes it again."""

from playwright.sync_api import expect

from monitoring.models import Evidence, Report, ReportStatus

PDF = b"%PDF-1.4\n%%EOF\n"


def test_a_file_added_to_a_draft_can_be_removed(demo, journey, transactional_db, settings, tmp_path):
    from companies.models import Representative

    settings.MEDIA_ROOT = tmp_path
    page = journey.page
    report = Report.objects.select_related("period__implementation__proposal").get(status=ReportStatus.DRAFT)
    lead = Representative.objects.current().filter(organization=report.period.implementation.proposal.lead_organization)
    journey.sign_in(lead.select_related("user").order_by("id").first().user.email)
    journey.visit(f"/seguimiento/reporte/{report.pk}/editar/", validate_as="monitoring-report-form")
    # Typed but not saved when the file is added: the report's text is saved with it, not lost.
    page.get_by_label("Logros").fill("Se capacitó a 40 docentes.")
    page.locator("#id_evidence-title").fill("Lista de asistencia")
    page.locator("#id_evidence-file").set_input_files(
        {"name": "lista.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    journey.press("Guardar el reporte y agregar el archivo", validate_as="monitoring-report-form-with-file")
    expect(page.get_by_text("El reporte se guardó y se le agregó el archivo.")).to_be_visible()
    expect(page.get_by_label("Logros")).to_have_value("Se capacitó a 40 docentes.")
    report.refresh_from_db()
    assert report.achievements == "Se capacitó a 40 docentes."
    assert Evidence.objects.get(report=report).title == "Lista de asistencia"
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path="/tmp/finish-evidence-390.png", full_page=True)
    journey.press("Quitar «Lista de asistencia»", validate_as="monitoring-report-form-file-removed")
    expect(page.get_by_text("El archivo se quitó del reporte.")).to_be_visible()
    assert not Evidence.objects.filter(report=report).exists()


def test_a_correction_carries_the_evidence_and_shows_its_changes_in_spanish_and_english(
    demo, journey, transactional_db, settings, tmp_path
):
    import re

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from monitoring import selectors
    from tests.browser.test_monitoring import demo_approver

    settings.MEDIA_ROOT = tmp_path
    page = journey.page
    draft = Report.objects.select_related("period__implementation__proposal").get(status=ReportStatus.DRAFT)
    implementation, reporter = draft.period.implementation, draft.created_by
    # Each approved version the reporter may correct rests on a file.
    stored = default_storage.save("monitoring/evidence/lista.pdf", ContentFile(PDF))
    for approved in selectors.current_approved().filter(period__implementation=implementation):
        Evidence.objects.create(report=approved, title="Lista de asistencia", file=stored, original_name="lista.pdf",
                                size=len(PDF), uploaded_by=reporter)  # fmt: skip
    approver = demo_approver(implementation)

    journey.sign_in(reporter.email)
    journey.visit(implementation.get_absolute_url())
    journey.press("Iniciar una corrección", validate_as="monitoring-correction-form")
    correction = Report.objects.filter(period__implementation=implementation).latest("created_at", "id")
    expect(page.get_by_role("button", name="Quitar «Lista de asistencia»")).to_be_visible()
    number = next(i for i in implementation.indicators.filter(value_type="number") if not i.disaggregation)
    field = page.locator(f"#id_value_{number.pk}")
    before = correction.values.get(indicator=number).number
    field.fill(str(before + 7))
    journey.press("Guardar y enviar para aprobación")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Enviado")

    journey.page.context.clear_cookies()
    journey.sign_in(approver.email)
    journey.visit(f"/seguimiento/reporte/{correction.pk}/", validate_as="monitoring-correction")
    expect(page.get_by_role("link", name="Lista de asistencia")).to_be_visible()
    changes = page.get_by_role("region", name="Lo que cambia la corrección").last  # the table's, in the section
    expect(changes.get_by_role("columnheader", name=f"Versión {correction.version - 1} aprobada")).to_be_visible()
    changed = changes.get_by_role("row", name=re.compile(re.escape(number.name)))
    expect(changed).to_contain_text("Modificado")
    expect(changes.get_by_role("row", name=re.compile("Presupuesto ejercido"))).to_contain_text("Sin cambio")

    page.get_by_label("Idioma").select_option("en")
    journey.press("Cambiar")
    changes = page.get_by_role("region", name="What the correction changes").last
    expect(changes.get_by_role("columnheader", name="This correction")).to_be_visible()
    expect(changes.get_by_role("row", name=re.compile(re.escape(number.name)))).to_contain_text("Changed")
    expect(changes.get_by_role("row", name=re.compile("Budget executed"))).to_contain_text("Unchanged")
    expect(page.get_by_role("link", name="Lista de asistencia")).to_be_visible()
    page.set_viewport_size({"width": 390, "height": 844})
    journey.visit(f"/seguimiento/reporte/{correction.pk}/")
