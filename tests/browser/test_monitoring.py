"""In Chromium: a progress report from draft to approval, and a project's approved progress on its public page."""

import re

from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from monitoring import permissions
from monitoring.models import Report, ReportStatus


def demo_approver(implementation):
    """Who decides: the committee's secretary or chair, unless they speak for the consortium; then staff
    (monitoring.demo picks the same way)."""
    from committees.models import Post

    holders = [
        post.holder
        for post in Post.objects.current()
        .filter(committee=implementation.proposal.committee, kind__in=["secretary", "chair"])
        .order_by("-kind")
    ]
    return next(
        person
        for person in [*holders, get_user_model().objects.get(email="staff@amexcid.example")]
        if permissions.can_approve(person, implementation)
        and not permissions.speaks_for_the_reporter(person, implementation)
        and not permissions.speaks_for_a_partner(person, implementation)
    )


def _draft():
    return Report.objects.select_related("period__implementation__proposal").get(status=ReportStatus.DRAFT)


def test_a_report_goes_from_draft_to_approval(demo, journey, transactional_db):
    from companies.models import Representative

    page = journey.page
    report = _draft()
    implementation = report.period.implementation
    lead = Representative.objects.current().filter(organization=implementation.proposal.lead_organization)
    # The lead's representative who holds no post in the committee writes the reports (monitoring.demo).
    reporter = report.created_by
    assert lead.filter(user=reporter).exists()
    approver = demo_approver(implementation)

    journey.sign_in(reporter.email)
    journey.follow("Seguimiento", exact=True, validate_as="monitoring-index")
    journey.follow(implementation.proposal.title, exact=True, validate_as="monitoring-project")  # not the to-do's link
    expect(page.get_by_text("Datos de demostración").first).to_be_visible()
    expect(page.locator("svg.axs-chart").first).to_be_visible()
    journey.visit(f"/seguimiento/reporte/{report.pk}/editar/", validate_as="monitoring-report-form")

    number = implementation.indicators.get(value_type="number")
    field = page.locator(f"#id_value_{number.pk}")
    field.fill("mil")
    page.get_by_label("Logros").fill("Certificamos a 1,000 jóvenes en el periodo.")
    journey.press("Guardar y enviar para aprobación", validate_as="monitoring-report-refused")
    expect(page.get_by_text("“mil” no es un número")).to_be_visible()
    expect(field).to_have_value("mil")
    expect(page.get_by_label("Logros")).to_have_value("Certificamos a 1,000 jóvenes en el periodo.")
    field.fill("1000")
    journey.press("Guardar y enviar para aprobación", validate_as="monitoring-report")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Enviado")

    journey.page.context.clear_cookies()
    journey.sign_in(approver.email)
    journey.visit("/seguimiento/")  # staff reach it from Administración; the others from the menu
    journey.follow(
        re.compile(re.escape(implementation.proposal.title) + rf".*periodo {report.period.number}, versión 1")
    )
    page.get_by_role("radio", name="Aprobar", exact=True).check()
    journey.press("Registrar la decisión")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Aprobado")
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED and report.decided_by == approver


def test_the_public_page_shows_approved_progress_in_spanish_english_and_on_a_phone(demo, journey, transactional_db):
    page = journey.page
    implementation = _draft().period.implementation
    journey.visit(f"/proyectos/{implementation.proposal.pk}/", validate_as="monitoring-public")
    expect(page.get_by_role("heading", name="Avance de la implementación")).to_be_visible()
    expect(page.get_by_text("Datos de demostración").first).to_be_visible()
    expect(page.locator("svg.axs-chart").first).to_be_visible()
    page.get_by_label("Idioma").select_option("en")
    journey.press("Cambiar")
    expect(page.get_by_role("heading", name="Progress of the implementation")).to_be_visible()
    expect(page.get_by_text("datos de demostración").first).to_be_visible()
    page.set_viewport_size({"width": 390, "height": 844})
    journey.visit(f"/proyectos/{implementation.proposal.pk}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_staff_read_the_dashboard_and_an_indicator_page(demo, journey, transactional_db):
    page = journey.page
    implementation = _draft().period.implementation
    indicator = implementation.indicators.get(value_type="number")
    journey.sign_in("staff@amexcid.example")
    journey.follow("Administración", exact=True)
    journey.follow("Seguimiento de la implementación", validate_as="monitoring-staff-index")
    journey.follow("Tablero de la alianza", validate_as="monitoring-dashboard")
    expect(page.get_by_role("heading", name="Proyectos por semáforo")).to_be_visible()
    journey.visit(f"/seguimiento/indicador/{indicator.pk}/", validate_as="monitoring-indicator")
    page.locator("#id_split-reason").fill("Ajuste")
    journey.press("Guardar el reparto")
    page.set_viewport_size({"width": 390, "height": 844})
    journey.visit("/seguimiento/tablero/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_reporter_starts_a_correction_from_the_cached_periods_list(demo, journey, transactional_db):
    page = journey.page
    implementation = _draft().period.implementation
    reporter = _draft().created_by
    before = Report.objects.filter(period__implementation=implementation).count()
    journey.sign_in(reporter.email)
    journey.visit(implementation.get_absolute_url())
    journey.visit(implementation.get_absolute_url(), validate_as="monitoring-project-periods")  # from the cache
    journey.press("Iniciar una corrección")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Borrador")
    assert Report.objects.filter(period__implementation=implementation).count() == before + 1


def test_the_reporter_and_the_approver_find_their_to_do_on_the_monitoring_page(demo, journey, transactional_db):
    from committees.models import Post
    from monitoring.demo import RETURN_COMMENT

    page = journey.page
    returned = Report.objects.select_related("period__implementation__proposal").get(status=ReportStatus.RETURNED)
    implementation = returned.period.implementation
    title = implementation.proposal.title
    journey.sign_in(returned.created_by.email)
    journey.follow("Seguimiento", exact=True, validate_as="monitoring-index-todo")
    expect(page.get_by_role("heading", name="Pendientes")).to_be_visible()
    todo = page.locator("section", has=page.get_by_role("heading", name="Sus reportes por escribir o corregir"))
    expect(todo.get_by_text(RETURN_COMMENT)).to_be_visible()
    expect(todo.get_by_text("Vencido").first).to_be_visible()
    journey.follow(re.compile(rf"Continuar el reporte · {re.escape(title)} · periodo {returned.period.number}$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Devuelto con comentarios")
    assert page.url.endswith(f"/seguimiento/reporte/{returned.pk}/editar/")
    never = implementation.periods.filter(reports__isnull=True).order_by("number").first()  # overdue: none written
    journey.visit("/seguimiento/")
    journey.press(re.compile(rf"Escribir el reporte · {re.escape(title)} · periodo {never.number}$"))  # no script
    expect(page.get_by_role("heading", level=1)).to_contain_text("Borrador")
    assert Report.objects.filter(period=never, status=ReportStatus.DRAFT).exists()

    waiting = Report.objects.filter(status=ReportStatus.SUBMITTED).select_related("period__implementation__proposal")
    waiting = waiting.order_by("submitted_at").first()
    holders = [
        post.holder
        for post in Post.objects.current().filter(committee=waiting.period.implementation.proposal.committee)
    ]
    approver = next(
        person
        for person in [*holders, get_user_model().objects.get(email="staff@amexcid.example")]
        if permissions.can_decide(person, waiting)
    )
    journey.sign_in(approver.email)
    journey.visit("/seguimiento/")
    expect(page.get_by_role("heading", name="Pendientes")).to_be_visible()
    expect(page.get_by_role("heading", name="Reportes que esperan su decisión")).to_be_visible()
    journey.follow(
        re.compile(
            re.escape(waiting.period.implementation.proposal.title) + rf".*periodo {waiting.period.number}, versión 1"
        )
    )
    expect(page.get_by_role("heading", level=1)).to_contain_text("Enviado")
