"""The access and portability export: every relation to a person declared, the ZIP complete, secrets kept out."""

import io
import json
import zipfile

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import F

from committees.models import Attendance
from documents.models import Document
from documents.permissions import can_view_document
from documents.services import document_request
from privacy import services
from privacy.documents import PERSONAL_DATA
from privacy.export import TABLES, declared_relations, personal_data, recorded_by_person, table_rows
from privacy.export_exempt import EXEMPT
from projects.models import BallotPaper, Participation, Proposal
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db


def relations_to_people():
    """Every (model, field) of the project and Django with a foreign key, one-to-one or many-to-many to a person."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    return {
        (model._meta.label, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.concrete and field.is_relation and field.related_model is user_model
    }


def test_every_model_with_a_link_to_a_person_is_in_the_export():
    missing = relations_to_people() - declared_relations()
    assert not missing, (
        "These relations to a person are not in privacy.export.TABLES; add them so that an access request "
        f"returns them: {sorted(missing)}"
    )


def test_every_model_linked_to_an_exported_table_is_exported_or_exempt_with_a_reason():
    """One level down: the child rows of a person's records (an evaluator's scores, a request's pauses)."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    exported = {table.label for table in TABLES}
    linked = {
        model._meta.label
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.concrete
        and field.is_relation
        and field.related_model not in (None, user_model)
        and field.related_model._meta.label in exported
    }
    missing = linked - exported - set(EXEMPT)
    assert not missing, (
        "These models point to a table of privacy.export.TABLES: export them or name them in "
        f"privacy.export_exempt.EXEMPT with the reason: {sorted(missing)}"
    )
    assert all(EXEMPT.values()) and not set(EXEMPT) & exported


def test_an_evaluator_gets_their_scores_and_a_requester_their_pauses(demo):
    from projects.models import Score

    score = Score.objects.select_related("evaluation__evaluator").first()
    evaluator = score.evaluation.evaluator
    data = personal_data(evaluator)
    assert len(data["projects.Score"]) == Score.objects.filter(evaluation__evaluator=evaluator).count() > 0
    assert score.pk in {row["id"] for row in data["projects.Score"]}
    person = make_representative()
    rights_request = verified_access_request(person)
    services.request_ask_completion(actor=make_staff(), rights_request=rights_request, what_is_missing="¿Qué periodo?")
    pauses = personal_data(person)["privacy.RequestPause"]
    assert [row["what_is_missing"] for row in pauses] == ["¿Qué periodo?"]


def test_every_declared_table_can_be_read_for_a_person():
    person = make_representative()
    for table in TABLES:
        table_rows(table, person)  # a wrong lookup raises FieldError here
    assert len(personal_data(person)["accounts.User"]) == 1


def test_a_demo_person_who_voted_attended_and_wrote_a_proposal_gets_all_of_it(demo):
    participation = Participation.objects.filter(cast_by__isnull=False).select_related("cast_by").first()
    person = participation.cast_by
    data = personal_data(person)
    # Their own attendance only: what they recorded for others is about those others.
    assert len(data["committees.Attendance"]) == Attendance.objects.filter(person=person).count() > 0
    assert {row["person_id"] for row in data["committees.Attendance"]} == {person.pk}
    assert len(data["projects.Participation"]) == Participation.objects.filter(cast_by=person).count()
    assert len(data["projects.Proposal"]) == Proposal.objects.filter(created_by=person).count()
    # Only papers of named ballots, reached through the elector: never a secret paper.
    assert all(BallotPaper.objects.get(pk=row["id"]).elector_id for row in data["projects.BallotPaper"])
    assert all("password" not in row for row in data["accounts.User"])


def test_attendance_a_secretary_recorded_for_others_is_counted_not_exported(demo):
    recorded = Attendance.objects.filter(recorded_by__isnull=False).exclude(person=F("recorded_by"))
    secretary = recorded.first().recorded_by
    data = personal_data(secretary)
    rows = data["committees.Attendance"]
    assert len(rows) == Attendance.objects.filter(person=secretary).count()
    assert all(row["person_id"] == secretary.pk for row in rows)
    assert not {row["id"] for row in rows} & set(recorded.filter(recorded_by=secretary).values_list("pk", flat=True))
    count = Attendance.objects.filter(recorded_by=secretary).count()
    assert recorded_by_person(secretary)["committees.Attendance"] == {"recorded_by": count}
    assert count > len(rows)


def verified_access_request(person, right="access"):
    return services.request_file(user=person, right=right, details="Todo lo que tengan.", channel="email")


def test_the_export_is_a_zip_with_the_pdf_summary_json_and_csv(django_capture_on_commit_callbacks):
    staff, person = make_staff(), make_representative(full_name="Ana Pérez", phone="=1+2")
    rights_request = verified_access_request(person, right="portability")
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(actor=staff, kind=PERSONAL_DATA, language="es", target=rights_request)
    document.refresh_from_db()
    assert document.status == "ready", document.error
    assert document.filename.endswith(".zip")
    archive = zipfile.ZipFile(io.BytesIO(document.file.read()))
    names = set(archive.namelist())
    assert {f"datos-personales-{rights_request.number}-es.pdf", "personal-data.json"} <= names
    assert {"tables/accounts.User.json", "tables/accounts.User.csv", "tables/privacy.RightsRequest.csv"} <= names
    recorded = json.loads(archive.read("recorded-by-you.json"))
    assert recorded["committees.Attendance"] == {"recorded_by": 0}
    assert recorded["projects.Evaluation"] == {"assigned_by": 0}
    everything = json.loads(archive.read("personal-data.json"))
    assert everything["accounts.User"][0]["full_name"] == "Ana Pérez"
    assert "password" not in everything["accounts.User"][0]
    assert "verification_nonce" not in everything["privacy.RightsRequest"][0]
    assert "'=1+2" in archive.read("tables/accounts.User.csv").decode("utf-8-sig")  # formula defused
    assert archive.read(f"datos-personales-{rights_request.number}-es.pdf").startswith(b"%PDF")


def test_only_staff_ask_and_only_the_requester_besides_staff_reads_it(django_capture_on_commit_callbacks):
    staff, person, other = make_staff(), make_representative(), make_representative()
    rights_request = verified_access_request(person)
    with pytest.raises(PermissionDenied):
        document_request(actor=person, kind=PERSONAL_DATA, language="es", target=rights_request)
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(actor=staff, kind=PERSONAL_DATA, language="en", target=rights_request)
    document = Document.objects.get(pk=document.pk)
    assert can_view_document(person, document) and not can_view_document(other, document)


def test_a_request_of_another_right_gets_no_export(django_capture_on_commit_callbacks):
    staff = make_staff()
    rights_request = verified_access_request(make_representative(), right="opposition")
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(actor=staff, kind=PERSONAL_DATA, language="en", target=rights_request)
    document.refresh_from_db()
    assert document.status == "failed" and "access or portability" in document.error
