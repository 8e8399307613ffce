"""An evaluator who opposes reminders (privacy app) is not reminded of a due evaluation; another one still is."""

import datetime

import pytest
from django.utils import timezone

from notifications.models import Notification
from privacy import services as privacy_services
from projects import services
from tests.factories import make_evaluator

pytestmark = pytest.mark.django_db


def _reminders_to(person):
    return Notification.objects.filter(recipient=person, title__iregex="vence|vencida|due|overdue").count()


def test_evaluation_reminders_skip_an_evaluator_who_opposes_them(cast, in_review, mailoutbox):
    today = timezone.localdate()
    opposing, willing = make_evaluator(), make_evaluator()
    privacy_services.purposes_set(person=opposing, choices={"reminders": False})
    for evaluator in (opposing, willing):
        services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=evaluator, due_on=today)
    mailoutbox.clear()
    before = {person.pk: Notification.objects.filter(recipient=person).count() for person in (opposing, willing)}

    assert services.evaluation_reminders_due(today=today - datetime.timedelta(days=1)) == (2, 0)
    assert services.evaluation_reminders_due(today=today + datetime.timedelta(days=1)) == (0, 2)

    assert Notification.objects.filter(recipient=opposing).count() == before[opposing.pk]  # nothing at all
    assert Notification.objects.filter(recipient=willing).count() == before[willing.pk] + 2
    assert _reminders_to(willing) == 2
    reminded = {address for message in mailoutbox for address in message.to}
    assert opposing.email not in reminded
