"""Celery tasks: take ids, load, call a service. Safe to run twice (the services check state first)."""

from celery import shared_task
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from . import services
from .models import Survey


@shared_task(name="surveys.send_invitations")
def send_invitations(survey_id, actor_id):
    """Invite a survey's audience (those not invited yet)."""
    actor = get_user_model().objects.get(pk=actor_id)
    return services.invitations_send(actor=actor, survey=Survey.objects.get(pk=survey_id)).sent


@shared_task(name="surveys.send_reminders")
def send_reminders(survey_id, actor_id=None):
    """Remind those who have not answered; does nothing once the survey has closed (e.g. from a schedule)."""
    actor = get_user_model().objects.get(pk=actor_id) if actor_id else None
    try:
        return services.reminders_send(actor=actor, survey=Survey.objects.get(pk=survey_id))
    except ValidationError:
        return 0
