"""An evaluator's conflict of interest: what they may still see, and why the evaluation page refuses."""

import pytest
from django.urls import reverse

from projects import services
from projects.models import CommentVisibility, ProposalComment
from projects.services.proposals import mentioned_people


@pytest.fixture
def evaluation(cast, in_review):
    return services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=cast.evaluator)


def test_evaluator_who_declares_a_conflict_loses_access_to_the_proposal(client, cast, in_review, evaluation):
    services.comment_add(actor=cast.staff, proposal=in_review, text="Nota interna del comité", visibility="internal")
    client.force_login(cast.evaluator)
    url = reverse("projects:evaluation", args=[evaluation.pk])
    response = client.post(url, {"has_conflict": "yes", "conflict_statement": "Asesoré al consorcio."})
    assert response.status_code == 302

    page = client.get(url)
    assert page.status_code == 200
    assert page.context["evaluation"].status == "conflict" and "Asesoré al consorcio." in page.content.decode()
    assert reverse("projects:proposal-detail", args=[in_review.pk]) not in page.content.decode()
    assert client.get(reverse("projects:my-evaluations")).status_code == 200

    assert client.get(reverse("projects:proposal-detail", args=[in_review.pk])).status_code == 403
    assert client.get(reverse("projects:version-detail", args=[in_review.pk, 1])).status_code == 403
    comment_url = reverse("projects:comment-create", args=[in_review.pk])
    assert client.post(comment_url, {"text": "Sigo opinando"}).status_code == 403
    assert not ProposalComment.objects.filter(author=cast.evaluator).exists()


def test_evaluator_with_a_conflict_is_not_told_of_internal_mentions(cast, in_review, evaluation):
    services.conflict_declare(actor=cast.evaluator, evaluation=evaluation, has_conflict=True, statement="Socio mío")
    local_part = cast.evaluator.email.split("@")[0]
    comment = ProposalComment.objects.create(
        proposal=in_review, author=cast.staff, text=f"@{local_part} revise", visibility=CommentVisibility.INTERNAL
    )
    assert mentioned_people(in_review, comment) == []


def test_evaluator_without_a_conflict_keeps_reading_the_proposal(client, cast, in_review, evaluation):
    services.conflict_declare(actor=cast.evaluator, evaluation=evaluation, has_conflict=False)
    client.force_login(cast.evaluator)
    assert client.get(reverse("projects:proposal-detail", args=[in_review.pk])).status_code == 200
    assert client.get(reverse("projects:version-detail", args=[in_review.pk, 1])).status_code == 200
    page = client.get(reverse("projects:evaluation", args=[evaluation.pk]))
    assert reverse("projects:proposal-detail", args=[in_review.pk]) in page.content.decode()
