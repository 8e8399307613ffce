"""Monitoring's pages: who gets in, the report form keeping what was typed, approval and return."""

from django.urls import reverse

from monitoring import services
from monitoring.models import Report, ReportStatus

from .conftest import approved_report, filled_report


def _get(client, user, url):
    client.force_login(user)
    return client.get(url)


def test_project_page_access_by_role(client, scene):
    url = reverse("monitoring:project", args=[scene.implementation.pk])
    assert client.get(url).status_code == 302
    assert _get(client, scene.outsider, url).status_code == 403
    assert _get(client, scene.other_chair, url).status_code == 403
    for person in (scene.lead, scene.partner, scene.chair, scene.secretary, scene.staff):
        assert _get(client, person, url).status_code == 200


def test_project_page_shows_the_light_its_rule_the_chart_and_only_approved_figures(client, scene):
    approved_report(scene, value="250")
    draft = filled_report(scene, scene.periods[1], value="999")
    services.report_submit(actor=scene.lead, report=draft)
    page = _get(client, scene.partner, reverse("monitoring:project", args=[scene.implementation.pk]))
    html = page.content.decode()
    assert "Cómo se calcula el semáforo" in html
    assert "<svg" in html and 'role="img"' in html
    assert "acumulado desde la línea base: 250</title>" in html and "999" not in html.split('id="periods-title"')[0]
    assert "Vencido" in html  # every later period of 2024–2025 is past its due date without a report


def test_start_implementation_page_is_for_staff_and_the_chair(client, cast, structured):
    url = reverse("monitoring:start", args=[structured.pk])
    assert _get(client, cast.lead, url).status_code == 403
    assert _get(client, cast.chair, url).status_code == 200
    client.force_login(cast.staff)
    response = client.post(url, {"starts_on": "2024-01-01", "ends_on": "2024-12-31", "frequency": "half_yearly",
                                 "grace_days": "20"})  # fmt: skip
    assert response.status_code == 302
    assert structured.implementation.periods.count() == 2


def test_the_projects_to_start_are_listed_to_those_who_may_start_them(client, cast, structured):
    from monitoring import permissions, selectors

    start = reverse("monitoring:start", args=[structured.pk])
    for person in (cast.staff, cast.chair, cast.other_chair, cast.lead):
        may = permissions.can_start_implementation(person, structured)
        assert selectors.startable_projects(person).filter(pk=structured.pk).exists() is may  # the rule, both ways
        html = _get(client, person, reverse("monitoring:index")).content.decode()
        assert (start in html) is may
    assert may is False and permissions.can_start_implementation(cast.chair, structured)
    other = selectors.startable_projects(cast.staff, committee=cast.other_committee)
    assert not other.exists() and selectors.startable_projects(cast.staff, title=structured.title[3:12]).exists()


def test_a_wrong_value_is_refused_next_to_its_field_and_everything_typed_stays(client, scene):
    report = services.report_start(actor=scene.lead, period=scene.periods[0])
    client.force_login(scene.lead)
    url = reverse("monitoring:report-edit", args=[report.pk])
    response = client.post(url, {f"value_{scene.indicator.pk}": "doscientos", "achievements": "Mucho avance",
                                 "budget_executed_mxn": "1000"})  # fmt: skip
    assert response.status_code == 200
    html = response.content.decode()
    assert "“doscientos” no es un número" in html
    assert 'value="doscientos"' in html and "Mucho avance" in html and 'value="1000"' in html
    assert not Report.objects.get(pk=report.pk).achievements


def test_a_refused_file_keeps_the_report_typed_beside_it_saved_and_says_why(client, scene, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    report = services.report_start(actor=scene.lead, period=scene.periods[0])
    client.force_login(scene.lead)
    fake = SimpleUploadedFile("lista.pdf", b"<html>no es un PDF</html>", content_type="application/pdf")
    response = client.post(
        reverse("monitoring:report-edit", args=[report.pk]),
        {"achievements": "Mucho avance", "evidence-title": "Lista", "evidence-file": fake, "add_evidence": "1"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "El reporte se guardó; el archivo no se agregó." in html
    assert 'value="Lista"' in html and "Mucho avance" in html
    assert Report.objects.get(pk=report.pk).achievements == "Mucho avance"
    assert not report.evidence.exists()


def test_save_and_submit_with_something_missing_says_the_draft_was_saved_and_all_that_is_missing(client, scene):
    report = services.report_start(actor=scene.lead, period=scene.periods[0])
    client.force_login(scene.lead)
    response = client.post(
        reverse("monitoring:report-edit", args=[report.pk]), {"budget_executed_mxn": "1000", "submit_report": "1"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "El borrador se guardó, pero no se envió" in html
    assert "Toneladas recuperadas" in html and "Describa los logros del periodo." in html
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT and report.budget_executed_mxn == 1000


def test_report_from_draft_through_return_to_approval_by_pages(client, scene):
    report = services.report_start(actor=scene.lead, period=scene.periods[0])
    client.force_login(scene.lead)
    client.post(reverse("monitoring:report-edit", args=[report.pk]),
                {f"value_{scene.indicator.pk}": "250", "achievements": "Avance", "submit_report": "1"})  # fmt: skip
    assert Report.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED
    decide = reverse("monitoring:report-decide", args=[report.pk])
    assert client.post(decide, {"decision": "approve"}).status_code == 403  # the lead approves nothing
    client.force_login(scene.secretary)
    response = client.post(decide, {"decision": "return", "comments": ""})
    assert "Diga qué debe cambiar" in response.content.decode()
    client.post(decide, {"decision": "return", "comments": "Falta evidencia"})
    assert Report.objects.get(pk=report.pk).status == ReportStatus.RETURNED
    client.force_login(scene.lead)
    client.post(reverse("monitoring:report-edit", args=[report.pk]),
                {f"value_{scene.indicator.pk}": "250", "achievements": "Avance", "reply": "Ya está la evidencia.",
                 "submit_report": "1"})  # fmt: skip
    client.force_login(scene.chair)
    client.post(decide, {"decision": "approve"})
    assert Report.objects.get(pk=report.pk).status == ReportStatus.APPROVED
    page = client.get(reverse("monitoring:report", args=[report.pk]))
    assert "Falta evidencia" in page.content.decode()


def test_approved_report_form_redirects_to_the_frozen_report(client, scene):
    report = approved_report(scene)
    response = _get(client, scene.lead, reverse("monitoring:report-edit", args=[report.pk]))
    assert response.status_code == 302 and response.url == reverse("monitoring:report", args=[report.pk])


def test_the_queue_lists_submitted_reports_to_approvers_not_to_the_submitter(client, scene):
    report = filled_report(scene)
    services.report_submit(actor=scene.lead, report=report)
    url = reverse("monitoring:index")
    assert "Reportes que esperan su decisión" in _get(client, scene.secretary, url).content.decode()
    assert "Reportes que esperan su decisión" not in _get(client, scene.lead, url).content.decode()


def test_only_representatives_see_their_organizations_projects(client, scene):
    url = reverse("monitoring:index")
    assert "Proyectos de su organización en implementación" in _get(client, scene.lead, url).content.decode()
    assert "Proyectos de su organización" not in _get(client, scene.staff, url).content.decode()


def test_a_future_period_has_no_write_button_and_its_start_is_refused(client, scene):
    from monitoring.models import Period

    period = scene.periods[-1]
    Period.objects.filter(pk=period.pk).update(starts_on="2999-01-01", ends_on="2999-12-31", due_on="2999-12-31")
    client.force_login(scene.lead)
    response = client.post(reverse("monitoring:report-start", args=[period.pk]), follow=True)
    assert "su reporte puede escribirse cuando haya empezado" in response.content.decode()
