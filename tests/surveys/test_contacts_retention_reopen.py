"""A survey reopened after retention detached its contacts invites nobody twice and reminds nobody in their place."""

from datetime import timedelta

import pytest
from django.utils import timezone

from axs_platform.models import OutgoingEmail
from notifications.models import Notification
from privacy import services as privacy_services
from surveys import services
from surveys.models import SurveyInvitation

from .conftest import build_survey

pytestmark = pytest.mark.django_db


def test_a_reopened_survey_neither_invites_again_nor_reminds_erased_invitations(staff, rep_a, rep_a2, rep_b):
    survey = build_survey(staff, response_unit="person")
    assert services.invitations_send(actor=staff, survey=survey).sent == 3
    services.survey_close(actor=staff, survey=survey)
    privacy_services.retention_rule_set(actor=staff, kind="survey_contacts", keep_days=30)
    assert privacy_services.retention_apply(now=timezone.now() + timedelta(days=31)).results["survey_contacts"] == 3
    survey.refresh_from_db()
    services.survey_update(actor=staff, survey=survey, closes_at=timezone.now() + timedelta(days=10))
    survey.refresh_from_db()
    assert survey.is_open
    notices, emails = Notification.objects.count(), OutgoingEmail.objects.count()

    assert services.invitations_send(actor=staff, survey=survey).sent == 0
    assert SurveyInvitation.objects.filter(survey=survey).count() == 3  # no duplicate invitation
    assert services.reminders_send(actor=staff, survey=survey).sent == 0
    assert (Notification.objects.count(), OutgoingEmail.objects.count()) == (notices, emails)
