"""A correction carries the approved version's evidence; taking a file out of it leaves the approved one whole."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from monitoring import services
from monitoring.models import Evidence

from .conftest import approved_report, filled_report

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _approved_with_evidence(scene):
    report = filled_report(scene)
    evidence = services.evidence_add(actor=scene.second_lead, report=report, title="Lista de asistencia",
                                     upload=SimpleUploadedFile("lista.pdf", PDF))  # fmt: skip
    services.report_submit(actor=scene.lead, report=report)
    return services.report_approve(actor=scene.secretary, report=report), evidence


def test_a_correction_carries_the_approved_versions_evidence(scene):
    approved, evidence = _approved_with_evidence(scene)
    correction = services.report_start(actor=scene.lead, period=scene.periods[0])
    carried = correction.evidence.get()
    assert carried.pk != evidence.pk
    assert carried.file.name == evidence.file.name
    assert (carried.title, carried.original_name, carried.size) == ("Lista de asistencia", "lista.pdf", len(PDF))
    assert (carried.uploaded_by, carried.uploaded_at) == (scene.second_lead, evidence.uploaded_at)
    assert approved.evidence.get() == evidence
    with carried.file.open("rb") as stored:
        assert stored.read() == PDF


def test_removing_a_carried_file_from_the_correction_keeps_the_approved_versions_file(
    scene, django_capture_on_commit_callbacks
):
    approved, evidence = _approved_with_evidence(scene)
    correction = services.report_start(actor=scene.lead, period=scene.periods[0])
    carried = correction.evidence.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.evidence_remove(actor=scene.lead, evidence=carried)
    assert not correction.evidence.exists()
    kept = Evidence.objects.get(pk=evidence.pk)
    assert kept.report == approved and kept.file.storage.exists(kept.file.name)


def test_a_file_added_to_a_plain_draft_is_still_deleted_when_removed(scene, django_capture_on_commit_callbacks):
    report = filled_report(scene)
    evidence = services.evidence_add(actor=scene.lead, report=report, title="Borrador",
                                     upload=SimpleUploadedFile("b.pdf", PDF))  # fmt: skip
    storage, name = evidence.file.storage, evidence.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.evidence_remove(actor=scene.lead, evidence=evidence)
    assert not storage.exists(name)


def test_a_second_correction_carries_the_evidence_of_the_latest_approved_version(scene):
    approved_report(scene)
    first = services.report_start(actor=scene.lead, period=scene.periods[0])
    added = services.evidence_add(actor=scene.lead, report=first, title="Fotos",
                                  upload=SimpleUploadedFile("f.pdf", PDF))  # fmt: skip
    services.report_submit(actor=scene.lead, report=first)
    services.report_approve(actor=scene.secretary, report=first)
    second = services.report_start(actor=scene.lead, period=scene.periods[0])
    assert [(e.title, e.file.name) for e in second.evidence.all()] == [("Fotos", added.file.name)]
