"""A report's period stays within sensible years: the dashboard, the request and the job all refuse the rest."""

import datetime

import pytest
from django.urls import reverse

from axs_platform.dates import EARLIEST_DAY as EARLIEST_START
from axs_platform.dates import LATEST_DAY as LATEST_END
from documents.models import Document
from documents.services import DocumentError
from reports.documents import period_of
from reports.forms import PeriodForm
from tests.factories import make_staff

pytestmark = pytest.mark.django_db

UNBOUNDED = {"start": "0001-01-01", "end": "9999-12-31"}


def test_the_dashboard_shows_the_error_of_an_unbounded_period_instead_of_failing(client):
    client.force_login(make_staff())
    response = client.get(reverse("reports:dashboard"), UNBOUNDED)
    assert response.status_code == 200
    page = response.content.decode()
    assert "El periodo debe empezar en 2015 o después." in page
    assert "El periodo debe terminar a más tardar en 2100." in page
    assert 'value="0001-01-01"' in page  # What was typed stays in the form.


def test_asking_for_the_report_of_an_unbounded_period_is_refused_and_queues_nothing(client):
    client.force_login(make_staff())
    response = client.post(reverse("reports:report-home"), {**UNBOUNDED, "language": "es-mx"})
    assert response.status_code == 200
    assert "El periodo debe terminar a más tardar en 2100." in response.content.decode()
    assert not Document.objects.exists()


def test_the_form_accepts_the_first_and_last_days_of_the_range():
    form = PeriodForm({"start": EARLIEST_START.isoformat(), "end": LATEST_END.isoformat()})
    assert form.is_valid(), form.errors
    late = PeriodForm({"start": "2016-05-01", "end": (LATEST_END + datetime.timedelta(days=1)).isoformat()})
    assert not late.is_valid()


def test_the_job_refuses_a_period_outside_the_range_with_its_message():
    with pytest.raises(DocumentError):
        period_of(UNBOUNDED)
    with pytest.raises(DocumentError):
        period_of({"start": "1999-12-31", "end": "2018-03-31"})
    assert period_of({"start": "2016-05-01", "end": "2018-03-31"}) == (
        datetime.date(2016, 5, 1),
        datetime.date(2018, 3, 31),
    )
