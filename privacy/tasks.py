"""Periodic work of the privacy app: thin tasks that call a service and are safe to run twice."""

from celery import shared_task

from . import services


@shared_task(name="privacy.deadlines_remind")
def deadlines_remind():
    """Close requests not completed in time, then remind staff of those close to their legal due date."""
    services.incomplete_close()
    return services.deadlines_remind()


@shared_task(name="privacy.retention_apply")
def retention_apply():
    """Anonymize the personal data kept longer than staff set (daily)."""
    return services.retention_apply().pk
