"""A returned report goes back to its approvers only with a reply to their comments."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from monitoring import services
from monitoring.models import Report, ReportStatus

from .conftest import filled_report


@pytest.fixture
def returned(scene):
    report = filled_report(scene)
    services.report_submit(actor=scene.lead, report=report)
    return services.report_return(actor=scene.secretary, report=report, comments="Falta la lista de asistencia.")


def test_a_returned_report_resubmitted_without_a_reply_is_refused(scene, returned):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.report_submit(actor=scene.lead, report=returned, reply="  ")
    assert error.value.message_dict == {
        "reply": ["Reply to the comments the report was returned with: say what you changed, or why not."]
    }
    assert error.value.error_dict["reply"][0].code == "reply_required"
    assert Report.objects.get(pk=returned.pk).status == ReportStatus.RETURNED


def test_the_reply_is_the_resubmissions_reason_in_the_history(scene, returned):
    services.report_submit(actor=scene.lead, report=returned, reply=" Se añadió la lista de asistencia. ")
    last = returned.events.last()
    assert (last.from_status, last.to_status, last.reason) == (
        "returned",
        "submitted",
        "Se añadió la lista de asistencia.",
    )


def test_a_first_submission_needs_no_reply(scene):
    report = filled_report(scene)
    services.report_submit(actor=scene.lead, report=report)
    assert report.events.last().reason == ""


def test_the_form_asks_for_the_reply_only_of_a_returned_report_under_the_comments(client, scene, returned):
    client.force_login(scene.lead)
    html = client.get(reverse("monitoring:report-edit", args=[returned.pk])).content.decode()
    assert "Respuesta a los comentarios" in html and 'name="reply"' in html
    assert html.index("Falta la lista de asistencia.") < html.index('name="reply"')
    draft = services.report_start(actor=scene.lead, period=scene.periods[1])
    assert 'name="reply"' not in client.get(reverse("monitoring:report-edit", args=[draft.pk])).content.decode()


def test_resubmitting_by_the_page_without_a_reply_keeps_what_was_typed_and_says_so(client, scene, returned):
    client.force_login(scene.lead)
    url = reverse("monitoring:report-edit", args=[returned.pk])
    typed = {f"value_{scene.indicator.pk}": "260", "achievements": "Mis logros nuevos", "submit_report": "1"}
    html = client.post(url, typed).content.decode()
    assert "Responda a los comentarios con que se devolvió el reporte" in html
    assert 'value="260"' in html and "Mis logros nuevos" in html
    assert Report.objects.get(pk=returned.pk).status == ReportStatus.RETURNED
    response = client.post(url, {**typed, "reply": "Se añadió la lista."})
    assert response.status_code == 302
    assert returned.events.last().reason == "Se añadió la lista."
    # The approver sees the reply in the report's history, on the page where they decide.
    client.force_login(scene.secretary)
    assert "Se añadió la lista." in client.get(reverse("monitoring:report", args=[returned.pk])).content.decode()
