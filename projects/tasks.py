"""Celery tasks of projects: take ids or nothing, call a service; safe to run twice."""

from celery import shared_task

from . import services


@shared_task(name="projects.ballots_due")
def ballots_due():
    """Open, remind and close the ballots whose times have come (run every few minutes by a scheduler)."""
    return services.ballots_due()


@shared_task(name="projects.evaluation_reminders")
def evaluation_reminders():
    """Remind evaluators of evaluations due soon or overdue; each reminder goes once (run hourly by beat)."""
    return services.evaluation_reminders_due()
