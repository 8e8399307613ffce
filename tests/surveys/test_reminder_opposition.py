"""A person who opposes reminders (privacy app) is not reminded of a survey; the first invitation still reaches them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from privacy import services as privacy_services
from surveys import services

pytestmark = pytest.mark.django_db


def test_reminders_skip_a_person_who_opposes_them(
    staff, survey, rep_a, rep_b, mailoutbox, django_capture_on_commit_callbacks
):
    privacy_services.purposes_set(person=rep_b, choices={"reminders": False})
    with django_capture_on_commit_callbacks(execute=True):
        services.invitations_send(actor=staff, survey=survey)
    assert rep_b.email in [m.to[0] for m in mailoutbox]
    survey.invitations.update(sent_at=timezone.now() - timedelta(days=2))
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.reminders_send(actor=staff, survey=survey)
    assert rep_b.email not in [m.to[0] for m in mailoutbox]
    assert rep_a.email in [m.to[0] for m in mailoutbox]


def test_reminders_read_who_opposes_them_once_per_survey(
    staff, survey, rep_a, rep_b, rep_c, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    privacy_services.purposes_set(person=rep_b, choices={"reminders": False})
    services.invitations_send(actor=staff, survey=survey)
    survey.invitations.update(sent_at=timezone.now() - timedelta(days=2))
    with CaptureQueriesContext(connection) as queries:
        services.reminders_send(actor=staff, survey=survey)
    choices = [q["sql"] for q in queries if "privacy_purposechoice" in q["sql"]]
    assert len(choices) == 1, choices
