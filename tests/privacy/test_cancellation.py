"""Cancellation: the person is anonymized, every count and report figure stays, the law's records are named.

Survey answers too: the demo person answers a named survey (one response per person) beside others, and after
the cancellation the survey's respondents, per-question counts and aggregates (averages, sums, lowest and highest)
and response rates read the same, for that survey and the demo's; the counts the services keep (``ResultCount``)
still equal a recount from the answers.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError

from accounts.models import User
from audit.models import AuditEvent
from committees.models import Attendance, Session
from committees.selectors.sessions import quorum
from privacy import services
from privacy.models import NoticeAcknowledgement
from projects.models import Ballot, Participation, Proposal
from reports.selectors import report_data
from surveys import selectors as survey_selectors
from surveys import services as survey_services
from surveys.models import Response, Survey
from tests.factories import make_representative, make_staff
from tests.surveys.conftest import build_survey
from tests.surveys.test_result_counts import _values, kept, recount

pytestmark = pytest.mark.django_db
PERIOD = (datetime.date(2016, 5, 1), datetime.date(2018, 3, 31))


def demo_person():
    """A demo person who voted, attended sessions and wrote a proposal."""
    return (
        User.objects.filter(pk__in=Participation.objects.values("cast_by"))
        .filter(pk__in=Attendance.objects.values("person"))
        .filter(pk__in=Proposal.objects.values("created_by"))
        .order_by("pk")
        .first()
    )


def named_survey_answered_by(person, staff, others=2):
    """A named survey, one response per person, answered by the person and by ``others`` more people."""
    survey = build_survey(staff, response_unit="person", title_es="Encuesta nominal", title_en="Named survey")
    survey_services.invitations_send(actor=staff, survey=survey)
    invitations = list(survey.invitations.exclude(person=person).select_related("person").order_by("pk")[:others])
    for n, invitation in enumerate([survey.invitations.get(person=person), *invitations]):
        survey_services.response_save_and_submit(
            user=invitation.person, invitation=invitation, values=_values(survey.q, n)
        )
    assert Response.objects.filter(survey=survey, respondent=person, status="submitted").exists()
    return survey


def survey_figures(survey):
    """Respondents, each question's counts, percents and aggregates, and the response rates of a survey."""
    respondents, results = survey_selectors.survey_results(survey)
    questions = [
        {
            "question": result["question"].pk,
            "answered": result["answered"],
            "rows": [(row["label"], row["count"], row["percent"]) for row in result["rows"]],
            "average": result.get("average"),
            "numbers": result.get("numbers"),
            "texts": result.get("texts"),
        }
        for result in results
    ]
    return {
        "respondents": respondents,
        "questions": questions,
        "rate": survey_selectors.response_rate(survey),
        "kept": kept(survey),
    }


def figures_of(person):
    sessions = Session.objects.filter(attendance__person=person).distinct().order_by("pk")
    return {
        "surveys": {survey.pk: survey_figures(survey) for survey in Survey.objects.order_by("pk")},
        "responses": Response.objects.filter(respondent=person).count(),
        "attendance": Attendance.objects.filter(person=person).count(),
        "attendance_all": Attendance.objects.count(),
        "votes": Participation.objects.filter(cast_by=person).count(),
        "ballot_results": list(Ballot.objects.order_by("pk").values_list("result", flat=True)),
        "proposals": list(Proposal.objects.filter(created_by=person).order_by("pk").values_list("pk", flat=True)),
        "quorum": [quorum(session) for session in sessions],
        "report": report_data(*PERIOD)["figures"],
        "notices_shown": list(
            NoticeAcknowledgement.objects.filter(person=person).order_by("pk").values_list("pk", "point", "notice")
        ),
    }


def test_cancelling_a_demo_person_keeps_every_count_and_report_figure(
    demo, mailoutbox, django_capture_on_commit_callbacks
):
    person = demo_person()
    assert person is not None, "the demo has a person who voted, attended and wrote a proposal"
    staff = User.objects.filter(is_staff=True, is_active=True).first()
    named = named_survey_answered_by(person, staff)
    old_email = person.email
    notice = services.notice_publish(actor=staff, kind="simplified", text_es="Aviso", text_en="Notice")
    rights_request = services.request_file(
        user=person, right="cancellation", details="Borren mis datos.", channel="email", notice_shown=str(notice.pk)
    )
    before = figures_of(person)
    assert before["notices_shown"], "the filing recorded the notice the person was shown"
    assert before["responses"] == 1 and before["surveys"][named.pk]["respondents"] == 3
    assert services.legal_records_of(person), "votes and decisions are records the law keeps"
    with pytest.raises(ValidationError) as error:
        services.request_cancel(actor=staff, rights_request=rights_request, answer="Anonimizamos sus datos.")
    assert "legal_reason" in error.value.error_dict
    person.refresh_from_db()
    assert person.email == old_email, "a refusal changes nothing"
    with django_capture_on_commit_callbacks(execute=True):
        services.request_cancel(
            actor=staff,
            rights_request=rights_request,
            answer="Anonimizamos sus datos.",
            legal_reason="Obligación de conservar las actas y votaciones del comité.",
        )
    person.refresh_from_db()
    assert person.full_name == f"Persona anonimizada #{person.pk}" and person.phone == ""
    assert old_email not in person.email and not person.is_active and not person.has_usable_password()
    assert figures_of(person) == before
    for survey in Survey.objects.all():
        assert kept(survey) == recount(survey), f"kept counts of survey {survey.pk} equal a recount"
    rights_request.refresh_from_db()
    assert rights_request.outcome == "partly_granted" and "Registros conservados" in rights_request.legal_reason
    event = AuditEvent.objects.get(action="privacy.anonymized", target_id=str(person.pk))
    assert event.actor == staff and old_email not in str(event.changes)
    assert mailoutbox[-1].to == [old_email], "the answer reaches the person at the address they wrote from"


def test_a_person_in_no_legal_record_is_granted_in_full_and_invitations_follow():
    from companies.models import Invitation
    from tests.factories import make_organization

    staff, person = make_staff(), make_representative(phone="55 1234 5678")
    organization = make_organization(actor=staff)
    Invitation.objects.create(
        organization=organization,
        email=person.email.upper(),
        full_name=person.full_name,
        token_hash="x" * 64,
        invited_by=staff,
        expires_at=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC),
    )
    # Filed signed out: nothing in the audit trail records the person (filing signed in would, as who acted).
    rights_request = services.request_file(
        user=None, right="cancellation", details="Todo.", channel="email", full_name="P", email=person.email
    )
    rights_request = services.identity_verify(actor=staff, rights_request=rights_request, reason="INE cotejada.")
    assert services.legal_records_of(person) == []
    services.request_cancel(actor=staff, rights_request=rights_request, answer="Hecho.")
    rights_request.refresh_from_db()
    assert rights_request.outcome == "granted"
    invitation = Invitation.objects.get()
    assert invitation.full_name.startswith("Persona anonimizada") and invitation.email.endswith(".invalid")


def test_only_cancellation_requests_with_verified_identity_anonymize():
    staff = make_staff()
    access = services.request_file(user=make_representative(), right="access", details="x", channel="email")
    with pytest.raises(ValidationError):
        services.request_cancel(actor=staff, rights_request=access, answer="x")
    anonymous = services.request_file(
        user=None, right="cancellation", details="x", channel="email", full_name="Z", email="z@example.org"
    )
    with pytest.raises(ValidationError):
        services.request_cancel(actor=staff, rights_request=anonymous, answer="x")
