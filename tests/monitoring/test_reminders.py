"""Reminders before and after a report's due date (Celery beat), once each, and never for old gaps."""

import datetime

from django.core import mail

from monitoring import services, tasks
from monitoring.models import Period
from monitoring.services.reminders import reminders_due

from .conftest import filled_report


def test_reporters_are_reminded_a_week_before_the_due_date_once(scene, django_capture_on_commit_callbacks):
    first = scene.periods[0]  # ends 2024-03-31, due 2024-04-30
    assert reminders_due(today=datetime.date(2024, 4, 20)) == (0, 0)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_due(today=datetime.date(2024, 4, 24)) == (1, 0)
    assert reminders_due(today=datetime.date(2024, 4, 25)) == (0, 0)
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {scene.lead.email, scene.second_lead.email}
    assert Period.objects.get(pk=first.pk).reminded_before_on == datetime.date(2024, 4, 24)


def test_an_overdue_report_is_reminded_once_after_the_due_date(scene, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_due(today=datetime.date(2024, 5, 1)) == (0, 1)
    assert reminders_due(today=datetime.date(2024, 5, 2)) == (0, 0)
    assert "venció el 30 de abril de 2024" in mail.outbox[0].body
    assert mail.outbox[0].subject == "Reporte de avance vencido: periodo 1"


def test_a_submitted_report_is_not_reminded(scene):
    report = filled_report(scene)
    services.report_submit(actor=scene.lead, report=report)
    assert reminders_due(today=datetime.date(2024, 5, 1)) == (0, 0)


def test_gaps_older_than_the_window_are_left_to_the_overdue_flag(scene):
    assert reminders_due(today=datetime.date(2026, 3, 1)) == (0, 1)  # only the last period, due 2026-01-30


def test_the_beat_task_runs_the_same_service(scene):
    # Today is after 2025's last period was due more than 90 days ago: nothing left to remind.
    assert tuple(tasks.reminders_due.apply().get()) == (0, 0)
