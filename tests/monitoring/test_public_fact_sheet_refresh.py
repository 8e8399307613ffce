"""A published project's public fact sheet is asked for again, by the platform, when what it shows changes."""

import pytest
from django.contrib.contenttypes.models import ContentType

from audit.models import AuditEvent
from documents.models import Document
from monitoring import services
from projects import services as project_services
from projects.documents import PUBLIC_FACT_SHEET
from tests.monitoring.conftest import approved_report

pytestmark = pytest.mark.django_db


def sheets(project):
    return Document.objects.filter(kind=PUBLIC_FACT_SHEET, target_id=str(project.pk))


def committed(capture, step):
    """Run ``step`` and then what it left for the commit; the jobs it queues stay queued (no rendering here)."""
    with capture() as callbacks:
        result = step()
    for callback in callbacks:
        callback()
    return result


@pytest.fixture
def published(scene):
    project_services.proposal_publish(actor=scene.staff, proposal=scene.proposal)
    Document.objects.filter(kind=PUBLIC_FACT_SHEET).delete()  # publishing's own request is tested elsewhere
    return scene


def test_approving_a_report_queues_a_fresh_public_sheet_in_every_language_asked_by_the_platform(
    published, django_capture_on_commit_callbacks
):
    committed(django_capture_on_commit_callbacks, lambda: approved_report(published))
    queued = sheets(published.proposal)
    assert sorted(queued.values_list("language", flat=True)) == ["en", "es-mx"]
    assert set(queued.values_list("status", flat=True)) == {Document.Status.QUEUED}
    assert set(queued.values_list("requested_by", flat=True)) == {None}
    events = AuditEvent.objects.filter(
        action=AuditEvent.Action.CREATED,
        target_type=ContentType.objects.get_for_model(Document),
        target_id__in=[str(pk) for pk in queued.values_list("pk", flat=True)],
    )
    assert sorted(events.values_list("message", "actor")) == [("monitoring.report_approved", None)] * 2


def test_approving_a_report_of_an_unpublished_project_queues_nothing(scene, django_capture_on_commit_callbacks):
    committed(django_capture_on_commit_callbacks, lambda: approved_report(scene))
    assert not sheets(scene.proposal).exists()


def test_a_second_change_while_the_sheet_waits_in_the_queue_does_not_pile_up_jobs(
    published, django_capture_on_commit_callbacks
):
    committed(django_capture_on_commit_callbacks, lambda: approved_report(published))
    first = set(sheets(published.proposal).values_list("pk", flat=True))
    committed(django_capture_on_commit_callbacks, lambda: approved_report(published, published.periods[1]))
    committed(
        django_capture_on_commit_callbacks,
        lambda: project_services.public_fact_sheet_refresh(published.proposal, reason="test"),
    )
    assert set(sheets(published.proposal).values_list("pk", flat=True)) == first
    assert len(first) == 2


def test_a_sheet_is_asked_for_again_once_the_earlier_one_is_made(published, django_capture_on_commit_callbacks):
    committed(django_capture_on_commit_callbacks, lambda: approved_report(published))
    sheets(published.proposal).update(status=Document.Status.FAILED)
    committed(django_capture_on_commit_callbacks, lambda: approved_report(published, published.periods[1]))
    assert sheets(published.proposal).filter(status=Document.Status.QUEUED).count() == 2


def test_closing_a_published_project_queues_a_fresh_sheet(published, django_capture_on_commit_callbacks):
    committed(
        django_capture_on_commit_callbacks,
        lambda: project_services.proposal_transition(
            actor=published.staff, proposal=published.proposal, action="close"
        ),
    )
    assert sorted(sheets(published.proposal).values_list("language", flat=True)) == ["en", "es-mx"]


def test_withdrawing_a_published_project_takes_it_off_and_queues_nothing(published, django_capture_on_commit_callbacks):
    committed(
        django_capture_on_commit_callbacks,
        lambda: project_services.proposal_transition(
            actor=published.staff, proposal=published.proposal, action="withdraw", reason="Sin fondos."
        ),
    )
    assert not sheets(published.proposal).exists()


def test_revising_an_indicator_of_a_published_project_queues_a_fresh_sheet(
    published, django_capture_on_commit_callbacks
):
    committed(
        django_capture_on_commit_callbacks,
        lambda: services.indicator_revise(actor=published.staff, indicator=published.indicator, name="Toneladas"),
    )
    assert sheets(published.proposal).count() == 2
