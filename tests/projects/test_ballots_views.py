"""Pages of selection rounds and ballots: who may open each one, voting through the form, receipts, CSV."""

import re

import pytest
from django.urls import reverse

from projects import services
from projects.models import BallotPaper, PaperChoice, Participation

from .ballot_scene import make_ballot, vote_round

pytestmark = pytest.mark.django_db


def status(client, user, url, method="get", data=None):
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url, data or {}).status_code


def test_manager_pages_answer_login_403_and_200_by_role(client, scene):
    selection_round = vote_round(scene)
    ballot = make_ballot(scene, selection_round)
    pages = [
        reverse("projects:round-create", args=[scene.committee.pk]),
        reverse("projects:ballot-create", args=[selection_round.pk]),
        reverse("projects:evidence-add", args=[selection_round.pk]),
        reverse("projects:round-close", args=[selection_round.pk]),
    ]
    for url in pages:
        assert status(client, None, url) == 302
        for wrong in (scene.other_chair, scene.voters[0], scene.outsider):
            assert status(client, wrong, url) == 403, url
        assert status(client, scene.chair, url) == 200, url
        assert status(client, scene.staff, url) == 200, url
    cancel = reverse("projects:ballot-cancel", args=[ballot.pk])
    assert status(client, None, cancel) == 302
    assert status(client, scene.chair, cancel) == 403
    assert status(client, scene.staff, cancel) == 200
    for action in ("ballot-open", "ballot-close"):
        url = reverse(f"projects:{action}", args=[ballot.pk])
        assert status(client, None, url, "post") == 302
        assert status(client, scene.other_chair, url, "post") == 403


def test_ballot_and_vote_pages_by_role(client, scene):
    ballot = make_ballot(scene)
    detail = reverse("projects:ballot-detail", args=[ballot.pk])
    vote = reverse("projects:ballot-vote", args=[ballot.pk])
    assert status(client, None, detail) == 302
    assert status(client, scene.outsider, detail) == 403
    assert status(client, scene.other_chair, detail) == 403
    assert status(client, scene.voters[0], detail) == 200
    assert status(client, scene.staff, detail) == 200
    assert status(client, None, vote) == 302
    assert status(client, scene.other_chair, vote) == 403
    assert status(client, scene.staff, vote) == 403
    assert status(client, scene.voters[0], vote) == 200


def test_representative_votes_through_the_form_and_sees_the_receipt_once(client, scene):
    ballot = make_ballot(scene, max_choices=2)
    client.force_login(scene.voters[0])
    url = reverse("projects:ballot-vote", args=[ballot.pk])
    too_many = client.post(url, {"choices": [c.pk for c in scene.candidates]})
    assert (
        too_many.status_code == 200
        and "como máximo 2" in too_many.content.decode()
        or "at most 2" in (too_many.content.decode())
    )
    assert not Participation.objects.exists()
    response = client.post(url, {"choices": [scene.candidates[0].pk], "confirm": "yes"})
    code = re.search(r'id="receipt-code">([A-Z0-9-]+)<', response.content.decode()).group(1)
    assert services.receipt_counted(ballot=ballot, code=code)
    again = client.post(url, {"choices": [scene.candidates[1].pk], "confirm": "yes"})
    assert again.status_code == 200 and BallotPaper.objects.count() == 1
    assert code not in client.get(reverse("projects:ballot-detail", args=[ballot.pk])).content.decode()


def test_results_show_only_after_closing_and_named_ballots_show_who_voted_what(client, scene):
    ballot = make_ballot(scene)
    services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[2].pk])
    client.force_login(scene.voters[1])
    detail = reverse("projects:ballot-detail", args=[ballot.pk])
    assert "Candidato 3 (" not in client.get(detail).content.decode()
    assert client.get(reverse("projects:ballot-csv", args=[ballot.pk])).status_code == 404
    services.ballot_close(actor=scene.chair, ballot=ballot)
    page = client.get(detail).content.decode()
    assert "Candidato 3 (" in page and str(scene.member_orgs[0]) in page and "<svg" in page
    csv = b"".join(client.get(reverse("projects:ballot-csv", args=[ballot.pk])).streaming_content).decode()
    assert "Candidato 3,1,0,0,0,100.0" in csv


def test_secret_ballot_page_never_shows_who_voted_what(client, scene):
    ballot = make_ballot(scene, is_secret=True)
    services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[2].pk])
    services.ballot_close(actor=scene.chair, ballot=ballot)
    client.force_login(scene.staff)
    page = client.get(reverse("projects:ballot-detail", args=[ballot.pk])).content.decode()
    assert "Candidato 3 (" not in page
    assert str(scene.member_orgs[0]) in page  # who has voted, without what


def test_receipt_check_says_counted_or_not_found_after_closing(client, scene):
    ballot = make_ballot(scene, electorate="chair")
    code, _changed = services.vote_cast(actor=scene.chair, ballot=ballot, choices=[scene.candidates[0].pk])
    url = reverse("projects:receipt-check", args=[ballot.pk])
    client.force_login(scene.chair)
    assert 'id="receipt-result"' not in client.post(url, {"code": code}).content.decode()
    services.ballot_close(actor=scene.chair, ballot=ballot)
    assert "Contado" in client.post(url, {"code": code}).content.decode()
    assert "No encontrado" in client.post(url, {"code": "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"}).content.decode()
    # The code travels in the body, never in a URL that access logs and history keep.
    assert 'method="post"' in client.get(url).content.decode()
    assert 'id="receipt-result"' not in client.get(url, {"code": code}).content.decode()
    assert status(client, scene.other_chair, url) == 403


def test_chair_opens_a_round_and_a_ballot_through_the_pages(client, scene):
    client.force_login(scene.chair)
    response = client.post(
        reverse("projects:round-create", args=[scene.committee.pk]),
        {"title": "Ronda 2027", "method": "vote", "seats": 2, "proposals": [p.pk for p in scene.candidates]},
    )
    selection_round = scene.committee.selection_rounds.get()
    assert response.status_code == 302
    response = client.post(
        reverse("projects:ballot-create", args=[selection_round.pk]),
        {
            "title": "Votación 2027", "electorate": "organizations", "question": "approval", "max_choices": 2,
            "seats": 2, "majority": "plurality", "quorum_percent": 50, "opens_at": "2026-01-01T10:00",
            "closes_at": "2030-01-01T10:00", "open_now": "on",
        },
    )  # fmt: skip
    ballot = selection_round.ballots.get()
    assert response.status_code == 302 and ballot.status == "open" and ballot.electors.count() == 4
    refused = client.post(
        reverse("projects:ballot-create", args=[selection_round.pk]),
        {
            "title": "Demasiados", "electorate": "chair", "question": "approval", "max_choices": 1, "seats": 5,
            "majority": "plurality", "quorum_percent": 50, "opens_at": "2026-01-01T10:00",
            "closes_at": "2030-01-01T10:00",
        },
    )  # fmt: skip
    assert refused.status_code == 200 and selection_round.ballots.count() == 1


def test_committee_selections_page_is_public_for_closed_rounds(client, scene):
    selection_round = services.round_create(
        actor=scene.chair, committee=scene.committee, title="Construcción conjunta", method="co_construction",
        proposals=scene.candidates[:1],
    )  # fmt: skip
    url = reverse("projects:committee-selections", args=[scene.committee.pk])
    assert "Construcción conjunta" not in client.get(url).content.decode()
    services.evidence_add(actor=scene.chair, selection_round=selection_round, kind="session", title="Taller")
    services.round_close(actor=scene.chair, selection_round=selection_round, selected=scene.candidates[:1])
    page = client.get(url).content.decode()
    assert "Construcción conjunta" in page and "Candidato 1" in page
    assert client.get(selection_round.get_absolute_url()).status_code == 200


def test_ballot_page_runs_a_fixed_number_of_queries(client, scene, django_assert_max_num_queries):
    ballot = make_ballot(scene)
    for voter in scene.voters:
        services.vote_cast(actor=voter, ballot=ballot, choices=[scene.candidates[0].pk])
    services.ballot_close(actor=scene.chair, ballot=ballot)
    client.force_login(scene.chair)
    url = reverse("projects:ballot-detail", args=[ballot.pk])
    client.get(url)
    with django_assert_max_num_queries(24):
        assert client.get(url).status_code == 200


def test_a_vote_reads_little_and_answers_with_the_small_receipt(client, scene, django_assert_max_num_queries):
    ballot = make_ballot(scene)
    client.force_login(scene.voters[0])
    url = reverse("projects:ballot-vote", args=[ballot.pk])
    # Session (when not cached), person, ballot, place in the electorate with whether it has voted,
    # candidates, the ballot's shared lock and its status read again, the voter's place locked, the
    # participation read and written, paper, choice, the audit chain's head (and its lock, on
    # PostgreSQL), the audit event and its personal part (IP address, browser, page: kept beside the chain so
    # that a cancellation can erase them) (plus the test's savepoints). The receipt's short layout has no
    # menu, so no unread count of the bell.
    with django_assert_max_num_queries(18):
        response = client.post(url, {"choices": [scene.candidates[0].pk], "confirm": "yes"})
    assert response.status_code == 200 and 'id="receipt-code"' in response.content.decode()
    assert "Candidato 1" not in response.content.decode()  # the receipt does not repeat the ballot
    assert "axs-bell" not in response.content.decode() and 'id="main-nav"' not in response.content.decode()
    # A second vote is refused on what the first reads: no candidates, no transaction, no form.
    with django_assert_max_num_queries(4):
        again = client.post(url, {"choices": [scene.candidates[1].pk]})
    assert again.status_code == 200 and Participation.objects.count() == 1 and BallotPaper.objects.count() == 1
    page = again.content.decode()
    assert 'id="vote-refused"' in page and 'name="choices"' not in page  # the refusal, not the form again
    assert "axs-bell" not in page and 'href="#main"' in page  # the short layout, still with its skip link


def test_a_vote_that_cannot_be_changed_is_shown_and_confirmed_before_it_is_stored(client, scene):
    ballot = make_ballot(scene, max_choices=1)
    client.force_login(scene.voters[0])
    url = reverse("projects:ballot-vote", args=[ballot.pk])
    form = client.get(url).content.decode()
    assert "cambia su voto" not in form and "changes your vote" not in form
    assert "hasta 1 candidato" in form or "up to 1 candidate" in form
    assert "1 candidatos" not in form and "1 candidates" not in form
    first = client.post(url, {"choices": [scene.candidates[1].pk]})
    page = first.content.decode()
    assert first.status_code == 200 and 'id="vote-summary"' in page and "Candidato 2" in page
    assert f'name="choices" value="{scene.candidates[1].pk}"' in page and 'name="confirm"' in page
    assert not Participation.objects.exists()
    revised = client.post(url, {"choices": [scene.candidates[1].pk], "revise": "yes"}).content.decode()
    assert 'id="vote-summary"' not in revised and "checked" in revised and not Participation.objects.exists()
    done = client.post(url, {"choices": [scene.candidates[1].pk], "confirm": "yes"})
    assert 'id="receipt-code"' in done.content.decode()
    assert PaperChoice.objects.get().candidate.proposal_id == scene.candidates[1].pk


def test_a_ballot_that_allows_changes_stores_at_once_and_says_sending_again_changes_it(client, scene):
    ballot = make_ballot(scene, allow_changes=True)
    client.force_login(scene.voters[0])
    url = reverse("projects:ballot-vote", args=[ballot.pk])
    assert 'id="receipt-code"' in client.post(url, {"choices": [scene.candidates[0].pk]}).content.decode()
    page = client.get(url).content.decode()
    assert "cambia su voto" in page or "changes your vote" in page


def test_closing_early_shows_who_has_not_voted_and_closes_only_when_confirmed(client, scene):
    ballot = make_ballot(scene)
    services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[0].pk])
    client.force_login(scene.chair)
    url = reverse("projects:ballot-close", args=[ballot.pk])
    page = client.get(url).content.decode()
    assert 'id="pending-electors"' in page
    pending = page.split('id="pending-electors"')[1].split("</ul>")[0]
    assert str(scene.member_orgs[1]) in pending and str(scene.member_orgs[0]) not in pending
    assert client.post(url).status_code == 200
    ballot.refresh_from_db()
    assert ballot.status == "open"
    assert client.post(url, {"confirm": "yes"}).status_code == 302
    ballot.refresh_from_db()
    assert ballot.status == "closed"


def test_the_ballot_list_reads_who_may_vote_in_one_query_whatever_the_number_of_ballots(client, scene):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("projects:ballot-list")
    first = make_ballot(scene)
    services.vote_cast(actor=scene.voters[0], ballot=first, choices=[scene.candidates[0].pk])
    client.force_login(scene.voters[0])
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        page = client.get(url).content.decode()
    assert first.title in page
    for _ in range(3):
        make_ballot(scene)
    with CaptureQueriesContext(connection) as four:
        page = client.get(url).content.decode()
    assert len(four) == len(one)
    assert page.count("Pendiente") + page.count("Pending") == 3
