"""Stored PDFs printed before an opposition or an anonymization are rendered again without the name.

The minutes PDF withholds people who oppose being named in minutes, the report people who oppose the public
directory: after either opposition, or an anonymization, the ready copies that print the person's name are queued
again through the documents machinery (same row and link, a new file, the old one deleted), once the change commits.
"""

import datetime

import pytest

from committees import services as committee_services
from committees.documents import MINUTES
from committees.models import Attendance, AttendanceStatus
from documents.models import Document
from documents.selectors import documents_naming
from documents.services import document_request, documents_rerender
from privacy import services
from reports.documents import SYSTEMATIZATION
from reports.editions import edition_publish
from tests.factories import make_committee, make_committee_member, make_post_holder, make_session, make_staff
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db
NAME = "Rosalinda Quintanar Obregón"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def printed(django_capture_on_commit_callbacks):
    """Approved minutes of a session the person attended, and their PDF, printed with the person's name."""
    committee = make_committee(4)
    session = make_session(committee, days_from_now=-3, title="Sesión de mayo")
    person = make_committee_member(committee, full_name=NAME)
    organization = person.representations.get().organization
    Attendance.objects.create(
        session=session, person=person, organization=organization, status=AttendanceStatus.PRESENT
    )
    staff = make_staff()
    draft = committee_services.minutes_save_draft(actor=staff, session=session, body="Se acordó la ruta.")
    committee_services.minutes_approve(actor=staff, minutes=draft)
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(actor=staff, kind=MINUTES, language="es-mx", target=session)
    document.refresh_from_db()
    assert document.status == Document.Status.READY, document.error
    assert NAME in pdf_text(document)
    return person, document, staff


def test_opposing_being_named_in_minutes_prints_the_stored_minutes_again_without_the_name(
    printed, django_capture_on_commit_callbacks
):
    person, document, _staff = printed
    old_file = document.file.name
    storage = document.file.storage
    with django_capture_on_commit_callbacks(execute=True):
        services.purposes_set(person=person, choices={"named_in_minutes": False})
    document.refresh_from_db()
    assert document.status == Document.Status.READY and document.attempts == 1
    text = pdf_text(document)
    assert NAME not in text and "Nombre omitido a petición de la persona" in text
    assert Document.objects.count() == 1 and document.file.name != old_file
    assert not storage.exists(old_file)


def test_anonymizing_the_person_prints_the_stored_minutes_again_with_the_anonymous_name(
    printed, django_capture_on_commit_callbacks
):
    person, document, staff = printed
    with django_capture_on_commit_callbacks(execute=True):
        services.person_anonymize(actor=staff, user=person)
    person.refresh_from_db()
    text = pdf_text(document)
    assert NAME not in text and person.full_name in text


def test_opposing_the_directory_leaves_the_minutes_alone(printed, django_capture_on_commit_callbacks):
    person, document, _staff = printed
    with django_capture_on_commit_callbacks(execute=True):
        services.purposes_set(person=person, choices={"directory": False})
    document.refresh_from_db()
    assert document.attempts == 1 and NAME in pdf_text(document)


def test_queueing_again_is_safe_to_run_twice(printed, django_capture_on_commit_callbacks):
    person, document, _staff = printed
    naming = documents_naming(person, purposes=["named_in_minutes"])
    assert list(naming) == [document]
    # Not sent yet (the broker has not run it): a second call finds it queued and leaves it.
    with django_capture_on_commit_callbacks(execute=False):
        assert documents_rerender(documents=naming) == 1
        assert documents_rerender(documents=documents_naming(person)) == 0
    document.refresh_from_db()
    assert document.status == Document.Status.QUEUED


def test_a_report_is_printed_again_when_a_holder_of_a_post_in_its_period_opposes_the_directory():
    committee = make_committee(7)
    holder = make_post_holder(committee, "chair")  # since 1 November 2016, still in post
    staff = make_staff()

    def report(start, end):
        return Document.objects.create(
            kind=SYSTEMATIZATION,
            title="Sistematización",
            language="es-mx",
            params={"start": start, "end": end},
            status=Document.Status.READY,
            file="documents/x.pdf",
            requested_by=staff,
        )

    during, before = report("2016-05-01", "2018-03-31"), report("2016-01-01", "2016-06-30")
    assert list(documents_naming(holder, purposes=["directory"])) == [during]
    assert not documents_naming(holder, purposes=["named_in_minutes"]).exists()
    assert before not in documents_naming(holder)


def test_a_published_edition_names_an_anonymized_holder_by_the_anonymous_name(client):
    committee = make_committee(7, installed_on=datetime.date(2016, 10, 31))
    holder = make_post_holder(committee, "chair", full_name=NAME)
    staff = make_staff()
    edition = edition_publish(actor=staff, start=datetime.date(2016, 11, 1), end=datetime.date(2016, 12, 31))
    assert NAME in client.get(edition.get_absolute_url()).text
    services.person_anonymize(actor=staff, user=holder)
    holder.refresh_from_db()
    page = client.get(edition.get_absolute_url()).text
    assert NAME not in page and holder.full_name in page


def test_when_a_fresh_copy_is_already_on_its_way_the_old_one_is_erased_instead(
    printed, django_capture_on_commit_callbacks
):
    person, document, staff = printed
    with django_capture_on_commit_callbacks(execute=False):
        fresh = document_request(actor=staff, kind=MINUTES, language="es-mx", target=document.target)
    assert fresh.pk != document.pk and fresh.status == Document.Status.QUEUED
    with django_capture_on_commit_callbacks(execute=False):
        assert documents_rerender(documents=Document.objects.filter(pk=document.pk)) == 0
    document.refresh_from_db()
    assert document.status == Document.Status.READY and document.erased_at is not None and not document.file
