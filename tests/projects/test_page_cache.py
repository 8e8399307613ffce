"""The proposal lists and the evaluation matrix are cached per version of the data: never stale."""

import pytest
from django.urls import reverse

from companies.services import organization_update
from projects import services
from projects.criteria import Criterion
from tests.projects.conftest import fill_proposal

pytestmark = pytest.mark.django_db


def _submit_new(cast, title):
    proposal = services.proposal_start(actor=cast.lead, call=cast.call, title=title)
    return services.proposal_submit(actor=cast.lead, proposal=fill_proposal(proposal, cast.lead))


def _lists(cast):
    return [
        reverse("projects:call-detail", args=[cast.call.pk]),
        reverse("projects:committee-proposals", args=[cast.committee.pk]),
        reverse("projects:proposal-list"),
    ]


def test_a_new_proposal_appears_at_once_and_warm_lists_run_few_queries(
    client, cast, submitted, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    client.force_login(cast.staff)
    for url in _lists(cast):
        assert submitted.title in client.get(url).content.decode()
        # Warm: session, user, the call or committee, the person's organization; no proposal read.
        with django_assert_max_num_queries(4):
            assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        second = _submit_new(cast, "Agua limpia para todos")
    for url in _lists(cast):
        assert second.title in client.get(url).content.decode(), url


def test_a_status_change_moves_a_proposal_between_filters(client, cast, submitted):
    client.force_login(cast.staff)
    url = reverse("projects:committee-proposals", args=[cast.committee.pk])
    assert submitted.title in client.get(url + "?status=submitted").content.decode()
    assert submitted.title not in client.get(url + "?status=in_review").content.decode()
    services.proposal_transition(actor=cast.staff, proposal=submitted, action="accept")
    assert submitted.title not in client.get(url + "?status=submitted").content.decode()
    assert submitted.title in client.get(url + "?status=in_review").content.decode()
    review = reverse("projects:proposal-list") + "?status=in_review"
    assert submitted.title in client.get(review).content.decode()


def test_a_renamed_lead_organization_shows_at_once(client, cast, submitted):
    client.force_login(cast.staff)
    url = reverse("projects:call-detail", args=[cast.call.pk])
    client.get(url)
    organization_update(actor=cast.staff, organization=cast.lead_org, short_name="Alimentos Renombrados")
    assert "Alimentos Renombrados" in client.get(url).content.decode()


def test_a_chair_sees_only_their_committees_proposals_whoever_came_first(client, cast, submitted):
    url = reverse("projects:proposal-list")
    client.force_login(cast.staff)
    assert submitted.title in client.get(url).content.decode()
    client.force_login(cast.other_chair)
    body = client.get(url).content.decode()
    assert submitted.title not in body
    assert "Proposals to review" not in body and "Propuestas por revisar" not in body
    client.force_login(cast.chair)
    assert submitted.title in client.get(url).content.decode()


def test_a_score_changes_the_matrix_at_once(client, cast, in_review, django_assert_max_num_queries):
    url = reverse("projects:evaluation-matrix", args=[cast.call.pk])
    client.force_login(cast.staff)
    evaluation = services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=cast.evaluator)
    before = client.get(url).content.decode()
    assert "0 of 1" in before or "0 de 1" in before
    with django_assert_max_num_queries(3):  # session, user, call: the matrix itself comes from the cache
        client.get(url)
    services.conflict_declare(actor=cast.evaluator, evaluation=evaluation, has_conflict=False)
    scores = {c.value: (4, "") for c in Criterion}
    services.scores_save(actor=cast.evaluator, evaluation=evaluation, scores=scores, submit=True)
    after = client.get(url).content.decode()
    assert "1 of 1" in after or "1 de 1" in after
    assert "4.00" in after or "4,00" in after
