"""After a report's steps: e-mails to approvers and reporters, milestones after a correction, evidence removal."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from audit.models import AuditEvent
from monitoring import services
from monitoring.models import Evidence, Milestone

from .conftest import filled_report

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_submitting_tells_the_approvers_and_deciding_tells_the_reporters_each_in_their_language(
    scene, django_capture_on_commit_callbacks
):
    for person, language in ((scene.secretary, "en"), (scene.chair, "es")):
        person.preferred_language = language
        person.save(update_fields=["preferred_language"])
    report = filled_report(scene)
    with django_capture_on_commit_callbacks(execute=True):
        services.report_submit(actor=scene.lead, report=report)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {scene.chair.email, scene.secretary.email}
    assert by_address[scene.secretary.email].subject == "Progress report to decide: period 1"
    assert by_address[scene.chair.email].subject == "Reporte de avance por decidir: periodo 1"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.report_return(actor=scene.secretary, report=report, comments="Falta la lista de asistencia.")
    assert {m.to[0] for m in mail.outbox} == {scene.lead.email, scene.second_lead.email}
    assert all("Falta la lista de asistencia." in m.body for m in mail.outbox)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.report_submit(actor=scene.lead, report=report, reply="Se añadió la lista.")
        services.report_approve(actor=scene.secretary, report=report)
    approved = [m for m in mail.outbox if m.to[0] in {scene.lead.email, scene.second_lead.email}]
    assert len(approved) == 2
    assert all(reverse("monitoring:report", args=[report.pk]) in m.body for m in approved)


def test_a_refused_step_sends_nothing(scene, django_capture_on_commit_callbacks):
    report = filled_report(scene)
    services.report_submit(actor=scene.lead, report=report)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PermissionDenied):
        services.report_approve(actor=scene.lead, report=report)
    assert mail.outbox == []


def _with_milestone(scene, report, milestone):
    return services.report_save(
        actor=scene.lead,
        report=report,
        values={scene.indicator.pk: "5"},
        achievements="x",
        milestones=[milestone] if milestone else [],
    )


def test_an_approved_correction_that_no_longer_names_a_milestone_unticks_it(scene):
    milestone = scene.implementation.milestones.get()
    report = _with_milestone(scene, filled_report(scene), milestone)
    services.report_submit(actor=scene.lead, report=report)
    services.report_approve(actor=scene.secretary, report=report)
    assert Milestone.objects.get(pk=milestone.pk).reached_on == scene.periods[0].ends_on
    correction = _with_milestone(scene, services.report_start(actor=scene.lead, period=scene.periods[0]), None)
    services.report_submit(actor=scene.lead, report=correction)
    services.report_approve(actor=scene.secretary, report=correction)
    assert Milestone.objects.get(pk=milestone.pk).reached_on is None
    # Named again in a later period's approved report: reached at that period's end.
    later = _with_milestone(scene, filled_report(scene, scene.periods[2]), milestone)
    services.report_submit(actor=scene.lead, report=later)
    services.report_approve(actor=scene.secretary, report=later)
    assert Milestone.objects.get(pk=milestone.pk).reached_on == scene.periods[2].ends_on


def test_a_draft_file_may_be_removed_but_a_submitted_one_stays(scene, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    report = filled_report(scene)
    draft = services.evidence_add(actor=scene.lead, report=report, title="Borrador",
                                  upload=SimpleUploadedFile("b.pdf", PDF))  # fmt: skip
    kept = services.evidence_add(actor=scene.lead, report=report, title="Lista",
                                 upload=SimpleUploadedFile("l.pdf", PDF))  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.evidence_remove(actor=scene.partner, evidence=draft)
    services.evidence_remove(actor=scene.lead, evidence=draft)
    assert not Evidence.objects.filter(pk=draft.pk).exists()
    assert AuditEvent.objects.filter(action="monitoring.evidence_removed", message="Borrador (b.pdf)").exists()
    services.report_submit(actor=scene.lead, report=report)
    services.report_return(actor=scene.secretary, report=report, comments="Añadan fotos.")
    with pytest.raises(ValidationError) as error:
        services.evidence_remove(actor=scene.lead, evidence=kept)
    assert error.value.code == "evidence_submitted"
    after_return = services.evidence_add(actor=scene.lead, report=report, title="Foto",
                                         upload=SimpleUploadedFile("f.pdf", PDF))  # fmt: skip
    services.evidence_remove(actor=scene.lead, evidence=after_return)
    assert list(report.evidence.values_list("title", flat=True)) == ["Lista"]


def test_removing_a_file_is_a_post_from_the_report_form(client, scene, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    report = filled_report(scene)
    evidence = services.evidence_add(actor=scene.lead, report=report, title="Borrador",
                                     upload=SimpleUploadedFile("b.pdf", PDF))  # fmt: skip
    url = reverse("monitoring:evidence-remove", args=[evidence.pk])
    client.force_login(scene.lead)
    form = client.get(reverse("monitoring:report-edit", args=[report.pk])).content.decode()
    assert f'action="{url}"' in form
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 302 and not Evidence.objects.filter(pk=evidence.pk).exists()
