"""In Chromium: a reporter adds a file to a draft report and removes it again, without JavaScript's help."""

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
    page.locator("#id_title").fill("Lista de asistencia")
    page.locator("#id_file").set_input_files({"name": "lista.pdf", "mimeType": "application/pdf", "buffer": PDF})
    journey.press("Agregar el archivo", validate_as="monitoring-report-form-with-file")
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path="/tmp/finish-evidence-390.png", full_page=True)
    journey.press("Quitar «Lista de asistencia»", validate_as="monitoring-report-form-file-removed")
    expect(page.get_by_text("El archivo se quitó del reporte.")).to_be_visible()
    assert not Evidence.objects.filter(report=report).exists()
