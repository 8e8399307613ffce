"""Celery tasks of monitoring: call a service; safe to run twice (each period is reminded once)."""

from celery import shared_task

from .services.reminders import reminders_due as remind


@shared_task(name="monitoring.reminders_due")
def reminders_due():
    """Remind reporters of reports due soon and overdue (Celery beat, hourly)."""
    return remind()
