"""The edition's preview is a cached fragment: served again without reading the data, fresh after any change."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from committees.services import session_update
from reports.models import Finding, FindingKind
from reports.services import narrative_text_save
from tests.factories import make_session, make_staff

pytestmark = pytest.mark.django_db

PERIOD = {"start": "2016-05-01", "end": "2018-03-31"}


def preview(client):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("reports:edition"), PERIOD)
    assert response.status_code == 200
    return response.content.decode(), len(captured)


def test_the_preview_is_rendered_once_and_again_after_a_change_to_the_report(client):
    staff = make_staff()
    narrative_text_save(actor=staff, part="future", body_es="Primera versión del futuro.")
    client.force_login(staff)
    page, first = preview(client)
    assert "Primera versión del futuro." in page
    page, second = preview(client)
    assert "Primera versión del futuro." in page and second < first - 10

    narrative_text_save(actor=staff, part="future", body_es="Segunda versión del futuro.")
    page, _queries = preview(client)
    assert "Segunda versión del futuro." in page and "Primera versión" not in page

    # The narrative rows are written by their own views: the next preview shows the new finding.
    response = client.post(
        reverse("reports:narrative-create", kwargs={"part": "hallazgos"}),
        {"kind": FindingKind.SUCCESS, "position": 1, "title_es": "Un acierto nuevo", "body_es": "Texto del acierto."},
    )
    assert response.status_code == 302 and Finding.objects.filter(title_es="Un acierto nuevo").exists()
    assert "Un acierto nuevo" in preview(client)[0]


def test_a_change_made_by_another_apps_service_shows_in_the_next_preview(client):
    staff = make_staff()
    plenary = make_session(kind="plenary", days_from_now=-30, title="Plenaria de prueba")
    plenary.__class__.objects.filter(pk=plenary.pk).update(
        starts_at=datetime.datetime(2016, 5, 19, 10, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2016, 5, 19, 12, tzinfo=datetime.UTC),
    )
    client.force_login(staff)
    assert "Plenaria de prueba" in preview(client)[0]
    plenary.refresh_from_db()
    session_update(actor=staff, session=plenary, title="Plenaria renombrada")
    page, _queries = preview(client)
    assert "Plenaria renombrada" in page and "Plenaria de prueba" not in page
