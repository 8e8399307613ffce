"""Celery tasks of the inbox: call a service; safe to run twice (a digest is claimed once per period)."""

from celery import shared_task

from .digests import digests_due as send_due


@shared_task(name="notifications.digests_due", ignore_result=True)
def digests_due():
    """Send the daily and weekly digests whose morning has come (Celery beat, hourly)."""
    return send_due()
