"""Two representatives editing one report: the later save does not silently wipe the other's changes."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from monitoring import services
from monitoring.models import Report, ReportStatus

from .conftest import filled_report


def _form_version(html):
    """Return the version the report form carries in its hidden field."""
    marker = 'name="opened_at" value="'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)]


def test_a_save_from_a_form_opened_before_someone_elses_save_is_refused_and_changes_nothing(scene):
    report = filled_report(scene)
    opened_at = report.updated_at
    services.report_save(actor=scene.second_lead, report=report, values={scene.indicator.pk: "300"},
                         achievements="Lo que escribió la segunda persona.")  # fmt: skip
    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.report_save(actor=scene.lead, report=report, values={scene.indicator.pk: "250"},
                             achievements="Lo que escribió la primera.", opened_at=opened_at.isoformat())  # fmt: skip
    assert error.value.code == "changed_meanwhile"
    assert error.value.messages[0].startswith("Someone else changed this report since you opened it.")
    report.refresh_from_db()
    assert report.achievements == "Lo que escribió la segunda persona." and report.values.get().number == 300


def test_every_save_moves_the_version_and_a_save_from_the_current_one_goes_through(scene):
    report = filled_report(scene)
    before = report.updated_at
    saved = services.report_save(actor=scene.lead, report=report, values={scene.indicator.pk: "260"},
                                 achievements="Igual", opened_at=before.isoformat())  # fmt: skip
    assert saved.updated_at > before
    assert Report.objects.get(pk=report.pk).updated_at == saved.updated_at
    services.report_save(actor=scene.lead, report=report, values={scene.indicator.pk: "270"}, achievements="Igual",
                         opened_at=saved.updated_at)  # fmt: skip
    assert report.values.get().number == 270


def test_callers_that_pass_no_version_save_and_submit_as_before(scene):
    report = filled_report(scene)
    services.report_save(actor=scene.second_lead, report=report, values={scene.indicator.pk: "1"}, achievements="x")
    services.report_save(actor=scene.lead, report=report, values={scene.indicator.pk: "2"}, achievements="y")
    services.report_submit(actor=scene.lead, report=report)
    assert Report.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED


def test_submitting_a_report_someone_changed_meanwhile_is_refused(scene):
    report = filled_report(scene)
    opened_at = report.updated_at
    services.report_save(actor=scene.second_lead, report=report, values={scene.indicator.pk: "1"}, achievements="x")
    with pytest.raises(ValidationError) as error:
        services.report_submit(actor=scene.lead, report=report, opened_at=opened_at)
    assert error.value.code == "changed_meanwhile"
    assert Report.objects.get(pk=report.pk).status == ReportStatus.DRAFT


def test_the_form_opened_before_a_colleagues_save_keeps_what_was_typed_says_why_and_saves_on_second_try(client, scene):
    report = filled_report(scene)
    url = reverse("monitoring:report-edit", args=[report.pk])
    client.force_login(scene.lead)
    opened = _form_version(client.get(url).content.decode())
    services.report_save(actor=scene.second_lead, report=report, values={scene.indicator.pk: "300"},
                         achievements="De la segunda persona")  # fmt: skip
    typed = {f"value_{scene.indicator.pk}": "275", "achievements": "Mis logros", "opened_at": opened}
    response = client.post(url, typed)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Otra persona cambió este reporte desde que usted lo abrió." in html
    assert 'value="275"' in html and "Mis logros" in html
    assert Report.objects.get(pk=report.pk).achievements == "De la segunda persona"
    # Having reviewed, the person saves again from the form as shown: now it is deliberate, and goes through.
    response = client.post(url, {**typed, "opened_at": _form_version(html)})
    assert response.status_code == 302
    assert Report.objects.get(pk=report.pk).achievements == "Mis logros"


def test_a_form_shown_again_after_its_own_save_saves_again_without_a_false_conflict(client, scene):
    report = services.report_start(actor=scene.lead, period=scene.periods[0])
    url = reverse("monitoring:report-edit", args=[report.pk])
    client.force_login(scene.lead)
    opened = _form_version(client.get(url).content.decode())
    # Save and submit with the achievements missing: saved, not submitted, the form shown again.
    response = client.post(url, {f"value_{scene.indicator.pk}": "10", "opened_at": opened, "submit_report": "1"})
    html = response.content.decode()
    assert "El borrador se guardó, pero no se envió" in html
    response = client.post(url, {f"value_{scene.indicator.pk}": "10", "achievements": "Avance",
                                 "opened_at": _form_version(html), "submit_report": "1"})  # fmt: skip
    assert response.status_code == 302
    assert Report.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED
