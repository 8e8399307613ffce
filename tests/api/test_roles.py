"""The role × endpoint matrix: with each role's token, no endpoint returns what that role's page would refuse.

The world is the access matrix's (``tests/access/world.py``): representative A's organization on committee 1
with a draft and submitted proposals, B's on committee 2 and invited as a partner to A's submitted one, the
chairs and secretaries of both committees, an evaluator, staff. Every answer is compared with the page's own
predicate for the same person and row. The world is built on the demo alliance, and a second test asks for every
object of both, one by one, with each role.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from committees.models import Session
from committees.permissions import can_see_session, can_see_session_internals
from companies.models import Organization
from projects.models import Ballot, Proposal
from projects.permissions import can_view_proposal
from surveys.models import TEXT_KINDS, Survey
from surveys.permissions import can_manage_survey
from tests.access.world import ROLES, build

from .helpers import client_for, every_row, issue

PUBLIC_LISTS = ["goals", "targets", "indicators", "organizations", "committees", "memberships", "sessions", "projects"]
TOKEN_LISTS = ["calls", "proposals", "ballots", "surveys"]
# Keys that would carry what no page shows in a list of this kind: contacts, tax ids, screening, scores, voters.
FORBIDDEN_KEYS = {
    "email",
    "rfc",
    "contact_email",
    "contact_phone",
    "due_diligence_state",
    "due_diligence_expires_on",
    "evaluations",
    "scores",
    "comments",
    "elector",
    "electors",
    "voter",
    "papers_by_voter",
    "receipt",
    "token",
    "texts",
    "budget",
    "contributions",
    "problem",
}


def keys_of(value):
    if isinstance(value, dict):
        return set(value) | {k for item in value.values() for k in keys_of(item)}
    if isinstance(value, list):
        return {k for item in value for k in keys_of(item)}
    return set()


@pytest.fixture
def world(demo):
    people, objects = build()
    staff = people["staff"]
    clients = {"anonymous": client_for()}
    for role in ROLES[1:]:
        _token, key = issue(people[role], staff=staff)
        clients[role] = client_for(key)
    return people, objects, clients


@pytest.mark.django_db
def test_no_endpoint_returns_what_the_page_would_refuse(world):
    people, objects, clients = world
    wrong = []

    def check(condition, message):
        if not condition:
            wrong.append(message)

    for role in ROLES:
        client, person = clients[role], people[role]
        person = person or AnonymousUser()
        for name in TOKEN_LISTS:
            status = client.get(f"/api/v1/{name}/").status_code
            check(status == (401 if role == "anonymous" else 200), f"{role} {name}: {status}")
        seen = {}
        for name in PUBLIC_LISTS + ([] if role == "anonymous" else TOKEN_LISTS):
            seen[name] = every_row(client, f"/api/v1/{name}/?per_page=200")
            leaked = keys_of(seen[name]) & FORBIDDEN_KEYS
            check(not leaked, f"{role} {name}: keys {leaked}")

        # Organizations: the public directory for everyone; every one only for staff and evaluators.
        organizations = Organization.objects.in_bulk([row["id"] for row in seen["organizations"]])
        if role not in ("staff", "evaluator"):
            # Active ones and those with no data ("sin dato"), as the public directory lists them.
            hidden = [
                o.pk
                for o in organizations.values()
                if o.participation_status not in ("active", "unknown") or o.is_archived
            ]
            check(not hidden, f"{role} organizations: not public {hidden}")

        # Sessions: each one the session page would show; agreements only to who sees its internals.
        for session in Session.objects.filter(pk__in=[row["id"] for row in seen["sessions"]]):
            check(can_see_session(person, session), f"{role} sessions: {session.pk} refused by the page")
        session_1 = Session.objects.get(pk=objects["session_1"])
        status = client.get(f"/api/v1/sessions/{session_1.pk}/agreements/").status_code
        allowed = can_see_session_internals(person, session_1)
        check(status == (200 if allowed else 404), f"{role} agreements of session_1: {status}")

        # Projects: the published ones, the same for everybody.
        published = set(Proposal.objects.published().values_list("pk", flat=True))
        check({row["id"] for row in seen["projects"]} == published, f"{role} projects differ from the published")
        for key in ("draft_a", "submitted_a"):
            status = client.get(f"/api/v1/projects/{objects[key]}/").status_code
            check(status == 404, f"{role} project {key}: {status}")

        if role == "anonymous":
            continue
        # Proposals: each one the proposal page lets the person read; drafts only to their consortium.
        listed = {row["id"] for row in seen["proposals"]}
        for proposal in Proposal.objects.filter(pk__in=listed):
            check(can_view_proposal(person, proposal), f"{role} proposals: {proposal.pk} refused by the page")
        for key in ("draft_a", "submitted_a", "draft_b", "submitted_b", "in_review_a"):
            proposal = Proposal.objects.get(pk=objects[key])
            allowed = can_view_proposal(person, proposal)
            check((proposal.pk in listed) == allowed, f"{role} proposals list, {key}: listed={proposal.pk in listed}")
            status = client.get(f"/api/v1/proposals/{proposal.pk}/").status_code
            check(status == (200 if allowed else 404), f"{role} proposal {key}: {status}")

        # Ballots: closed ones only; an open ballot is nobody's through the API.
        check(all(Ballot.objects.get(pk=row["id"]).status == "closed" for row in seen["ballots"]), f"{role} ballots")
        check(client.get(f"/api/v1/ballots/{objects['open_ballot_1']}/").status_code == 404, f"{role} open ballot")
        check(client.get(f"/api/v1/ballots/{objects['closed_ballot_2']}/").status_code == 200, f"{role} closed ballot")

        if role == "staff":
            check(seen["surveys"] and seen["ballots"] and seen["calls"], "staff should see surveys, ballots, calls")
        # Surveys: the results page's readers only, counts only.
        for row in seen["surveys"]:
            check(can_manage_survey(person, Survey.objects.get(pk=row["id"])), f"{role} survey {row['id']}")
        survey = Survey.objects.get(pk=objects["survey"])
        response = client.get(f"/api/v1/surveys/{survey.pk}/")
        allowed = can_manage_survey(person, survey)
        check(response.status_code == (200 if allowed else 404), f"{role} survey results: {response.status_code}")
        if response.status_code == 200:
            check(all(q["kind"] not in TEXT_KINDS for q in response.json()["questions"]), f"{role} survey texts")

    assert not wrong, f"{len(wrong)} answers the pages would not give:\n" + "\n".join(wrong)


@pytest.mark.django_db
def test_a_draft_is_listed_for_its_consortium_only(world):
    people, objects, clients = world
    for role in ROLES[1:]:
        ids = {row["id"] for row in every_row(clients[role], "/api/v1/proposals/?per_page=200")}
        assert (objects["draft_a"] in ids) == (role == "rep_a"), role
        assert (objects["draft_b"] in ids) == (role == "rep_b"), role
        # Reviewers see a submitted proposal of their committee; A's partner sees it too.
        assert (objects["submitted_a"] in ids) == (role in ("staff", "rep_a", "rep_b", "chair_1")), role


@pytest.mark.django_db
def test_every_object_of_the_demo_answers_each_role_as_its_page_would(world):
    """Every proposal, project, ballot, survey and organization of the demo and the access world, and sessions (with
    their agreements) of every committee, kind and visibility, asked one by one with each role's token (none for
    the anonymous client): 200 exactly when the page's predicate allows it, 401 for a token-only list without one."""
    from companies.permissions import can_view_organization
    from projects.permissions import can_see_results

    people, _objects, clients = world
    published = set(Proposal.objects.published().values_list("pk", flat=True))
    # One session of each committee, kind and visibility (the demo has about a hundred, alike but for the date).
    kinds = {}
    for session in Session.objects.order_by("pk"):
        kinds.setdefault((session.committee_id, session.kind, session.is_public), session.pk)
    sessions = Session.objects.filter(pk__in=kinds.values())
    cases = [
        ("proposals", Proposal.objects.all(), can_view_proposal, True),
        ("projects", Proposal.objects.all(), lambda person, proposal: proposal.pk in published, False),
        ("sessions", sessions, can_see_session, False),
        ("ballots", Ballot.objects.all(), lambda p, b: b.status == "closed" and can_see_results(p, b), True),
        ("surveys", Survey.objects.all(), can_manage_survey, True),
        ("organizations", Organization.objects.all(), can_view_organization, False),
    ]
    assert Proposal.objects.count() > 15 and Session.objects.count() > 50, "the demo is loaded"
    wrong = []
    for role in ROLES:
        client, person = clients[role], people[role] or AnonymousUser()
        for name, rows, allowed, token_only in cases:
            for row in rows:
                status = client.get(f"/api/v1/{name}/{row.pk}/").status_code
                expected = 401 if token_only and role == "anonymous" else 200 if allowed(person, row) else 404
                if status != expected:
                    wrong.append(f"{role} {name}/{row.pk}: {status}, the page says {expected}")
        for session in sessions:
            status = client.get(f"/api/v1/sessions/{session.pk}/agreements/").status_code
            expected = 200 if can_see_session_internals(person, session) else 404
            if status != expected:
                wrong.append(f"{role} sessions/{session.pk}/agreements: {status}, the page says {expected}")
    assert not wrong, f"{len(wrong)} answers the pages would not give:\n" + "\n".join(wrong[:40])
