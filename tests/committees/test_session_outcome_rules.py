"""What a session's outcome (attendance, minutes, agreements, documents) may be, and when."""

import datetime

import pytest
from django.utils import timezone

from committees import services
from committees.models import Agreement
from tests.factories import make_session

pytestmark = pytest.mark.django_db


def test_an_agreement_recorded_as_done_has_the_day_it_was_done(committee, secretary):
    session = make_session(committee, days_from_now=-3)
    agreement = services.agreement_create(
        actor=secretary,
        session=session,
        description="Enviar el mapeo de programas",
        responsible_organization=secretary.representations.get().organization,
        responsible_person=None,
        due_on=timezone.localdate() - datetime.timedelta(days=1),
        status="done",
    )
    assert Agreement.objects.get(pk=agreement.pk).completed_on == timezone.localdate()
    open_one = services.agreement_create(
        actor=secretary,
        session=session,
        description="Preparar la convocatoria",
        responsible_organization=None,
        responsible_person=secretary,
        due_on=timezone.localdate() + datetime.timedelta(days=3),
    )
    assert Agreement.objects.get(pk=open_one.pk).completed_on is None
