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
