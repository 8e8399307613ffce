"""A period is handed in only while its report is submitted or approved: a returned report past due is overdue."""

import datetime

from django.core import mail

from monitoring import dashboard, lights, selectors, services
from monitoring.models import Implementation
from monitoring.services.reminders import reminders_due

from .conftest import approved_report, filled_report

MAY_2024 = datetime.date(2024, 5, 15)  # period 1 (Jan–Mar 2024) was due on 30 April


def _returned(scene):
    report = filled_report(scene)
    services.report_submit(actor=scene.lead, report=report)
    return services.report_return(actor=scene.secretary, report=report, comments="Falta evidencia.")


def _first_row(scene, today=MAY_2024):
    return selectors.period_rows(scene.implementation, today)[0]


def test_a_returned_report_past_its_due_date_is_overdue_on_the_page_and_in_the_light(scene):
    _returned(scene)
    assert _first_row(scene).is_overdue
    assessment = lights.assess(scene.implementation, MAY_2024)
    assert (assessment.light, assessment.overdue) == ("at_risk", 1)
    figures = dashboard.dashboard(Implementation.objects.all(), MAY_2024)
    assert figures["overdue"] == 1


def test_a_returned_report_due_soon_is_flagged_due_soon(scene):
    _returned(scene)
    row = _first_row(scene, datetime.date(2024, 4, 20))
    assert row.is_due_soon and not row.is_overdue


def test_a_returned_report_past_its_due_date_is_reminded_once(scene, django_capture_on_commit_callbacks):
    _returned(scene)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_due(today=datetime.date(2024, 5, 1)) == (0, 1)
    assert reminders_due(today=datetime.date(2024, 5, 2)) == (0, 0)
    assert {m.to[0] for m in mail.outbox if "vencido" in m.subject} == {scene.lead.email, scene.second_lead.email}


def test_a_resubmitted_report_is_handed_in_again(scene):
    report = _returned(scene)
    services.report_submit(actor=scene.lead, report=report, reply="Añadimos la evidencia que faltaba.")
    assert not _first_row(scene).is_overdue
    assert lights.assess(scene.implementation, MAY_2024).overdue == 0
    assert reminders_due(today=datetime.date(2024, 5, 1)) == (0, 0)


def test_a_draft_correction_or_a_returned_correction_keeps_the_approved_period_handed_in(scene):
    approved_report(scene)
    correction = services.report_start(actor=scene.lead, period=scene.periods[0])
    assert not _first_row(scene).is_overdue
    services.report_submit(actor=scene.lead, report=correction)
    services.report_return(actor=scene.secretary, report=correction, comments="No cambió nada.")
    assert not _first_row(scene).is_overdue
    assert lights.assess(scene.implementation, MAY_2024).overdue == 0
    assert reminders_due(today=datetime.date(2024, 5, 1)) == (0, 0)
