"""A plenary whose attendance was never recorded reads "sin dato" / "no data", never 0, on pages and in PDFs."""

import datetime

import pytest
from django.urls import reverse

from committees.models import Attendance
from committees.selectors import organizations_counted, quorum
from documents.models import Document
from documents.services import document_request
from reports.documents import SYSTEMATIZATION
from reports.selectors import report_charts, report_data
from tests.factories import make_member_person, make_organization, make_session, make_staff
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def period():
    today = datetime.date.today()
    return today - datetime.timedelta(days=60), today


def test_nothing_recorded_is_no_data_and_an_absence_list_is_zero():
    assert organizations_counted(0, False, None) is None
    assert organizations_counted(0, True, None) == 0
    assert organizations_counted(0, False, 0) == 0
    assert organizations_counted(3, True, 40) == 40


def test_a_plenary_without_attendance_counts_no_data_and_draws_no_bar():
    unrecorded = make_session(kind="plenary", days_from_now=-30, title="Plenaria sin lista")
    listed = make_session(kind="plenary", days_from_now=-20, title="Plenaria con lista")
    organization = make_organization()
    person = make_member_person(organization)
    Attendance.objects.create(session=listed, person=person, organization=organization, status="absent")
    data = report_data(*period())
    counted = {plenary.title: plenary.organizations_counted for plenary in data["plenaries"]}
    assert counted == {"Plenaria sin lista": None, "Plenaria con lista": 0}
    assert data["figures"]["launch_organizations"] is None
    assert "Plenaria sin lista" not in report_charts(data)["participation"]
    assert quorum(unrecorded)["organizations_counted"] is None


def test_the_dashboard_and_the_session_page_say_no_data(client):
    plenary = make_session(kind="plenary", days_from_now=-30, title="Plenaria sin lista")
    client.force_login(make_staff())
    start, end = period()
    dashboard = client.get(reverse("reports:dashboard"), {"start": start.isoformat(), "end": end.isoformat()})
    row = dashboard.content.decode().split("Plenaria sin lista", 1)[1].split("</tr>", 1)[0]
    assert "sin dato" in row and ">0<" not in row
    session_page = client.get(reverse("committees:session-detail", args=[plenary.pk])).content.decode()
    assert "Organizaciones asistentes: sin dato" in session_page
    assert "0 organizaciones asistieron" not in session_page
    client.post(reverse("accounts:set-language"), {"language": "en", "next": "/"})
    english = client.get(reverse("committees:session-detail", args=[plenary.pk])).content.decode()
    assert "Organizations that attended: no data" in english


def test_the_report_pdf_says_no_data(django_capture_on_commit_callbacks):
    make_session(kind="plenary", days_from_now=-30, title="Plenaria sin lista")
    start, end = period()
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(
            actor=make_staff(),
            kind=SYSTEMATIZATION,
            language="es-mx",
            params={"start": start.isoformat(), "end": end.isoformat()},
        )
    document.refresh_from_db()
    assert document.status == Document.Status.READY, document.error
    text = pdf_text(document)
    assert "Plenaria sin lista" in text and "sin dato" in text and "No se registró la asistencia." in text
