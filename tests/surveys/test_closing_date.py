"""The moment a survey closes reads as one sentence whatever the date format ends with ("7:05 a.m.")."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from surveys import services

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "Open until {until}<"), ("es-mx", "Abierta hasta el {until}<")],
)
def test_the_closing_moment_is_written_once_without_a_doubled_full_stop(client, staff, survey, rep_a, language, words):
    rep_a.preferred_language = language
    rep_a.save(update_fields=["preferred_language"])
    zone = timezone.get_default_timezone()
    closes_at = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time(7, 5)), zone)
    survey.closes_at = closes_at + datetime.timedelta(days=30)
    survey.save(update_fields=["closes_at"])
    services.invitations_send(actor=staff, survey=survey)
    invitation = survey.invitations.get(organization__short_name="Alfa")
    client.force_login(rep_a)
    with translation.override(language), timezone.override(zone):
        until = date_format(timezone.localtime(survey.closes_at), "DATETIME_FORMAT")
    for page in (client.get(invitation.get_absolute_url()).text, client.get(reverse("home")).text):
        assert words.format(until=until) in page
        assert "a.m.." not in page and "a las 07:05." not in page
