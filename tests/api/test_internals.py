"""The role × endpoint matrix of what the pages show only to some: minutes and attendance of a session,
evaluations, and progress reports under review.

The world is the access matrix's (``tests/access/world.py``). Each answer is compared with the page's own
predicate and selector for the same person and object: 200 with exactly the page's rows, 404 for an object
the person may not see, 403 for a list of another role's (the evaluator's), 401 without a token.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from committees import selectors as committee_selectors
from committees import services as committee_services
from committees.models import Attendance, Minutes, Session
from committees.permissions import can_see_session, can_see_session_internals
from monitoring import selectors as monitoring_selectors
from monitoring.models import Report
from monitoring.permissions import can_view
from projects import selectors as project_selectors
from projects.models import Call, Evaluation, Proposal
from projects.permissions import can_open_evaluation, can_review, can_see_matrix, can_view_proposal, is_evaluator
from tests.access.world import ROLES, build

from .helpers import client_for, every_row, issue


@pytest.fixture
def world(demo):
    people, objects = build()
    clients = {"anonymous": client_for()}
    for role in ROLES[1:]:
        _token, key = issue(people[role], staff=people["staff"])
        clients[role] = client_for(key)
    return people, objects, clients


def person_of(people, role):
    return people[role] or AnonymousUser()


def held_session_with_minutes(people, objects):
    """Committee 1's latest session, held, with approved minutes, a draft correction with a comment, and attendance."""
    session = Session.objects.get(pk=objects["session_1"])
    Session.objects.filter(pk=session.pk).update(starts_at=timezone.now() - timezone.timedelta(days=2))
    session.refresh_from_db()
    secretary, chair, rep_a = people["secretary_1"], people["chair_1"], people["rep_a"]
    committee_services.minutes_save_draft(actor=secretary, session=session, body="Acta: se acordó el plan.")
    committee_services.minutes_approve_draft(actor=chair, session=session)
    committee_services.minutes_start_correction(
        actor=secretary, session=session, body="Acta corregida.", correction_note="La fecha."
    )
    draft = Minutes.objects.get(session=session, status="draft")
    committee_services.minutes_comment(actor=rep_a, minutes=draft, body="De acuerdo.")
    Attendance.objects.create(
        session=session, person=rep_a, organization_id=objects["org_a"], status="present", recorded_by=secretary
    )
    Attendance.objects.create(session=session, person=people["rep_b"], organization_id=objects["org_b"], response="yes")
    return session


@pytest.mark.django_db
def test_minutes_and_attendance_answer_as_the_session_page(world):
    people, objects, clients = world
    private = held_session_with_minutes(people, objects)
    public = Session.objects.filter(is_public=True, minutes__status="approved").distinct().first()
    wrong = []
    for role in ROLES:
        client, person = clients[role], person_of(people, role)
        for session in (private, public):
            response = client.get(f"/api/v1/sessions/{session.pk}/minutes/")
            if not can_see_session(person, session):
                if response.status_code != 404:
                    wrong.append(f"{role} minutes of {session.pk}: {response.status_code}")
                continue
            rows = response.json()["results"]
            expected = [m.pk for m in committee_selectors.visible_minutes(person, session)]
            if [row["id"] for row in rows] != expected:
                wrong.append(f"{role} minutes of {session.pk}: {[row['id'] for row in rows]} != {expected}")
            drafts = [row for row in rows if row["status"] == "draft"]
            if bool(drafts) != (can_see_session_internals(person, session) and session == private):
                wrong.append(f"{role} minutes of {session.pk}: draft shown={bool(drafts)}")
            if any(row["comments"] for row in rows if row["status"] != "draft"):
                wrong.append(f"{role} minutes of {session.pk}: comments under approved minutes")

            response = client.get(f"/api/v1/sessions/{session.pk}/attendance/")
            quorum = client.get(f"/api/v1/sessions/{session.pk}/quorum/")
            if can_see_session_internals(person, session):
                ids = [row["id"] for row in response.json()["results"]]
                if ids != [a.pk for a in committee_selectors.recorded_attendance(session)]:
                    wrong.append(f"{role} attendance of {session.pk}: {ids}")
                if quorum.status_code != 200:
                    wrong.append(f"{role} quorum of {session.pk}: {quorum.status_code}")
            elif (response.status_code, quorum.status_code) != (404, 404):
                wrong.append(f"{role} attendance, quorum of {session.pk}: {response.status_code}, {quorum.status_code}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.django_db
def test_the_draft_and_its_comments_reach_the_committee_and_not_the_public(world):
    people, objects, clients = world
    session = held_session_with_minutes(people, objects)
    Session.objects.filter(pk=session.pk).update(is_public=True)

    anonymous = clients["anonymous"].get(f"/api/v1/sessions/{session.pk}/minutes/").json()["results"]
    assert [(row["version"], row["status"], row["body"]) for row in anonymous] == [
        (1, "approved", "Acta: se acordó el plan.")
    ]
    member = clients["rep_a"].get(f"/api/v1/sessions/{session.pk}/minutes/").json()["results"]
    assert [(row["version"], row["status"]) for row in member] == [(2, "draft"), (1, "approved")]
    assert member[0]["comments"][0]["body"] == "De acuerdo." and member[0]["correction_note"] == "La fecha."
    assert clients["anonymous"].get(f"/api/v1/sessions/{session.pk}/attendance/").status_code == 404
    attendance = clients["secretary_1"].get(f"/api/v1/sessions/{session.pk}/attendance/").json()["results"]
    # A bare answer to the invitation is not attendance: the page lists only what was recorded.
    assert [(row["person_name"], row["status"]) for row in attendance] == [("Representante A", "present")]
    quorum = clients["secretary_1"].get(f"/api/v1/sessions/{session.pk}/quorum/").json()
    summary = committee_selectors.quorum(session)
    assert quorum["organizations_present"] == 1 and quorum["expected"] == summary["expected"]
    assert quorum["reached"] == summary["reached"] and quorum["required"] == summary["required"]


@pytest.mark.django_db
def test_evaluations_answer_as_the_evaluation_pages(world):
    people, objects, clients = world
    evaluation = Evaluation.objects.get(pk=objects["evaluation"])
    submitted = Evaluation.objects.filter(evaluator=people["evaluator"], status="submitted").first()
    submitted_a = Proposal.objects.get(pk=objects["submitted_a"])
    Evaluation.objects.create(proposal=submitted_a, evaluator=people["evaluator"], assigned_by=people["staff"])
    call_1 = Call.objects.get(pk=objects["call_1"])
    wrong = []
    for role in ROLES:
        client, person = clients[role], person_of(people, role)
        status = client.get("/api/v1/evaluations/").status_code
        expected = 401 if role == "anonymous" else 200 if is_evaluator(person) else 403
        if status != expected:
            wrong.append(f"{role} evaluations: {status}")
        for one in (evaluation, submitted):
            status = client.get(f"/api/v1/evaluations/{one.pk}/").status_code
            allowed = 200 if can_open_evaluation(person, one) else expected if expected != 200 else 404
            if status != allowed:
                wrong.append(f"{role} evaluation {one.pk}: {status}")
        if role == "anonymous":
            continue
        for proposal in (submitted_a, Proposal.objects.get(pk=objects["draft_a"])):
            status = client.get(f"/api/v1/proposals/{proposal.pk}/evaluations/").status_code
            allowed = can_view_proposal(person, proposal) and can_review(person, proposal)
            if status != (200 if allowed else 404):
                wrong.append(f"{role} evaluators of {proposal.pk}: {status}")
        status = client.get(f"/api/v1/calls/{call_1.pk}/matrix/").status_code
        if status != (200 if can_see_matrix(person, call_1) else 404):
            wrong.append(f"{role} matrix of call_1: {status}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.django_db
def test_an_evaluator_reads_their_own_scores_and_reviewers_only_names_and_states(world):
    people, objects, clients = world
    evaluator = people["evaluator"]
    rows = every_row(clients["evaluator"], "/api/v1/evaluations/?per_page=200")
    assert [row["id"] for row in rows] == list(project_selectors.evaluations_of(evaluator).values_list("pk", flat=True))
    due = every_row(clients["evaluator"], "/api/v1/evaluations/?status=due")
    assert [row["id"] for row in due] == [objects["evaluation"]]
    submitted = Evaluation.objects.filter(evaluator=evaluator, status="submitted").first()
    body = clients["evaluator"].get(f"/api/v1/evaluations/{submitted.pk}/").json()
    assert {(s["criterion"], s["score"], s["comment"]) for s in body["scores"]} == set(
        submitted.scores.values_list("criterion", "score", "comment")
    )
    assert body["overall_comment"] == submitted.overall_comment and len(body["scores"]) == 13

    reviewed = submitted.proposal
    rows = clients["staff"].get(f"/api/v1/proposals/{reviewed.pk}/evaluations/").json()["results"]
    assert {(row["evaluator_name"], row["status"]) for row in rows} == set(
        project_selectors.proposal_evaluations(reviewed).values_list("evaluator__full_name", "status")
    )
    assert not {"scores", "overall_comment", "conflict_statement"} & set(rows[0])
    matrix = clients["staff"].get(f"/api/v1/calls/{reviewed.call_id}/matrix/?per_page=200").json()["results"]
    expected, _weights = project_selectors.evaluation_matrix(reviewed.call)
    assert [row["proposal"] for row in matrix] == [proposal.pk for proposal in expected]
    assert not {"scores", "comment", "evaluator_name"} & {key for row in matrix for key in row}


@pytest.mark.django_db
def test_reports_under_review_answer_as_the_report_page(world):
    people, objects, clients = world
    under_review = Report.objects.filter(status__in=["submitted", "returned"])
    others = Report.objects.exclude(status__in=["submitted", "returned"])
    wrong = []
    for role in ROLES:
        client, person = clients[role], person_of(people, role)
        if role == "anonymous":
            if client.get("/api/v1/reports/").status_code != 401:
                wrong.append("anonymous reports: not 401")
            continue
        listed = {row["id"] for row in every_row(client, "/api/v1/reports/?per_page=200")}
        for report in under_review.select_related("period__implementation__proposal"):
            allowed = can_view(person, report.period.implementation)
            if (report.pk in listed) != allowed:
                wrong.append(f"{role} reports list, {report.pk}: listed={report.pk in listed}")
            status = client.get(f"/api/v1/reports/{report.pk}/").status_code
            if status != (200 if allowed else 404):
                wrong.append(f"{role} report {report.pk}: {status}")
        if listed & set(others.values_list("pk", flat=True)):
            wrong.append(f"{role} reports: a draft or approved report listed")
        if client.get(f"/api/v1/reports/{others.first().pk}/").status_code != 404:
            wrong.append(f"{role} report {others.first().pk}: a report not under review")
    assert not wrong, "\n".join(wrong)
    assert {row["id"] for row in every_row(clients["staff"], "/api/v1/reports/")} == set(
        under_review.values_list("pk", flat=True)
    )


@pytest.mark.django_db
def test_a_report_shows_what_its_page_shows_and_filters_as_the_monitoring_page(world):
    people, objects, clients = world
    report = Report.objects.get(pk=objects["submitted_report"])
    full = monitoring_selectors.report_full(report.pk)
    body = clients["staff"].get(f"/api/v1/reports/{report.pk}/").json()
    assert body["status"] == "submitted" and body["achievements"] == full.achievements
    assert [value["indicator"] for value in body["values"]] == [value.indicator_id for value in full.values.all()]
    assert [e["title"] for e in body["evidence"]] == ["Lista de asistencia"]
    assert [event["to_status"] for event in body["events"]] == [event.to_status for event in full.events.all()]
    committee = full.period.implementation.proposal.committee_id
    rows = every_row(clients["staff"], f"/api/v1/reports/?committee={committee}&status=submitted")
    assert report.pk in {row["id"] for row in rows} and {row["committee"] for row in rows} == {committee}
    title = full.period.implementation.proposal.title[:12]
    assert report.pk in {row["id"] for row in every_row(clients["staff"], f"/api/v1/reports/?title={title}")}
    assert clients["staff"].get("/api/v1/reports/?status=approved").status_code == 400


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_rows(world, django_assert_max_num_queries):
    people, objects, clients = world
    session = held_session_with_minutes(people, objects)
    submitted = Evaluation.objects.filter(evaluator=people["evaluator"], status="submitted").first()
    report = Report.objects.get(pk=objects["submitted_report"])
    staff, evaluator = clients["staff"], clients["evaluator"]
    # The token (and its last use, once a minute), the person, the object, then a fixed number of reads per
    # endpoint: lists come with their related rows (select_related, prefetch_related), whatever their length.
    pinned = [
        (staff, f"/api/v1/sessions/{session.pk}/minutes/", 7),
        (staff, f"/api/v1/sessions/{session.pk}/attendance/", 4),
        (staff, f"/api/v1/sessions/{session.pk}/quorum/", 7),  # + members with no data that day
        (evaluator, "/api/v1/evaluations/?per_page=200", 4),
        (evaluator, f"/api/v1/evaluations/{submitted.pk}/", 3),
        (staff, f"/api/v1/proposals/{submitted.proposal_id}/evaluations/", 5),
        (staff, f"/api/v1/calls/{submitted.proposal.call_id}/matrix/?per_page=200", 7),
        (staff, "/api/v1/reports/?per_page=200", 3),
        (clients["chair_1"], "/api/v1/reports/?per_page=200", 6),
        (staff, f"/api/v1/reports/{report.pk}/", 7),
    ]
    for client, url, most in pinned:
        with django_assert_max_num_queries(most):
            assert client.get(url).status_code == 200, url
