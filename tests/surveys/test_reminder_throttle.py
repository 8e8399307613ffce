"""Reminders wait a day: a double click, or a second send the same day, does not mail anybody twice."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from surveys import services

pytestmark = pytest.mark.django_db


def test_a_second_reminder_the_same_day_mails_nobody(
    staff, survey, rep_a, mailoutbox, django_capture_on_commit_callbacks
):
    services.invitations_send(actor=staff, survey=survey)
    survey.invitations.update(sent_at=timezone.now() - timedelta(days=2))
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        first = services.reminders_send(actor=staff, survey=survey)
    assert first.sent == 1 and first.skipped == 0
    mailed = len(mailoutbox)
    assert mailed
    with django_capture_on_commit_callbacks(execute=True):
        second = services.reminders_send(actor=staff, survey=survey)
    assert second.sent == 0 and second.skipped == 1
    assert len(mailoutbox) == mailed
    assert survey.invitations.get(organization__short_name="Alfa").reminder_count == 1


def test_no_reminder_right_after_the_invitation(staff, survey, rep_a, mailoutbox):
    services.invitations_send(actor=staff, survey=survey)
    mailoutbox.clear()
    assert services.reminders_send(actor=staff, survey=survey).skipped == 1
    assert not mailoutbox


def test_the_page_says_how_many_were_skipped_and_why(client, staff, survey, rep_a, mailoutbox):
    services.invitations_send(actor=staff, survey=survey)
    survey.invitations.update(sent_at=timezone.now() - timedelta(days=2))
    client.force_login(staff)
    url = reverse("surveys:reminder-send", args=[survey.pk])
    client.post(url)
    mailoutbox.clear()
    response = client.post(url, follow=True)  # the double click
    text = " ".join(str(message) for message in response.context["messages"])
    assert "últimas 24 horas" in text and "1" in text
    assert not mailoutbox
