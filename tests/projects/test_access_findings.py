"""The access findings of issue #16, each replayed as the attack that found it.

A draft is its consortium's alone; a ballot's page and its CSV answer the same people; a round no
longer open offers no form; a withdrawn evaluation shows nothing of its proposal.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from projects import services
from projects.models import Proposal, ProposalComment, SelectionEvidence

from .ballot_scene import make_ballot, vote_round

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def as_user(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def attached(cast, draft, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return services.attachment_add(
        actor=cast.lead,
        proposal=draft,
        title="Estudio",
        upload=SimpleUploadedFile("Estudio de mercado.pdf", PDF, content_type="application/pdf"),
    )


def test_a_draft_is_its_consortiums_alone_for_every_page_and_action(client, cast, draft, attached):
    detail = reverse("projects:proposal-detail", args=[draft.pk])
    download = reverse("projects:attachment-download", args=[attached.pk])
    withdraw = reverse("projects:proposal-transition", args=[draft.pk, "withdraw"])
    comment = reverse("projects:comment-create", args=[draft.pk])
    for outsider in (cast.chair, cast.staff, cast.other_chair, cast.outsider, cast.evaluator):
        as_user(client, outsider)
        assert client.get(detail).status_code == 403, outsider
        assert client.get(download).status_code == 403, outsider
        assert client.get(withdraw).status_code == 403, outsider
        assert client.post(withdraw, {"reason": "No procede"}).status_code == 403, outsider
        assert client.post(comment, {"text": "Lo leí"}).status_code == 403, outsider
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert not ProposalComment.objects.filter(proposal=draft).exists()
    for insider in (cast.lead, cast.partner):
        as_user(client, insider)
        assert client.get(detail).status_code == 200
        assert client.get(download).status_code == 200


def test_the_services_refuse_the_chair_on_a_draft_too(cast, draft):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.proposal_transition(actor=cast.chair, proposal=draft, action="withdraw", reason="No procede")
    with pytest.raises(PermissionDenied):
        services.comment_add(actor=cast.chair, proposal=draft, text="Lo leí")


def test_drafts_stay_out_of_the_reviewers_lists_and_in_once_submitted(client, cast, draft):
    as_user(client, cast.chair)
    assert draft.title not in client.get(reverse("projects:proposal-list")).content.decode()
    services.proposal_submit(actor=cast.lead, proposal=draft)
    assert draft.title in client.get(reverse("projects:proposal-list")).content.decode()
    assert client.get(reverse("projects:proposal-detail", args=[draft.pk])).status_code == 200


def test_a_proposal_withdrawn_before_submission_stays_private(client, cast, draft):
    services.proposal_transition(actor=cast.lead, proposal=draft, action="withdraw", reason="Ya no participamos")
    assert Proposal.objects.get(pk=draft.pk).status == "withdrawn"
    as_user(client, cast.staff)
    assert client.get(reverse("projects:proposal-detail", args=[draft.pk])).status_code == 403


def test_a_submitted_proposals_attachment_is_sent_as_a_private_download(client, cast, draft, attached):
    services.proposal_submit(actor=cast.lead, proposal=draft)
    as_user(client, cast.chair)
    response = client.get(reverse("projects:attachment-download", args=[attached.pk]))
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "Estudio de mercado.pdf" in response["Content-Disposition"]
    assert "Estudio" not in attached.file.name  # stored under a random name, shown under its own


def test_the_ballot_csv_and_the_ballot_page_answer_the_same_people(client, scene):
    ballot = make_ballot(scene)
    services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[0].pk])
    services.ballot_close(actor=scene.chair, ballot=ballot)
    page = reverse("projects:ballot-detail", args=[ballot.pk])
    csv = reverse("projects:ballot-csv", args=[ballot.pk])
    as_user(client, None)
    for url in (page, csv):
        response = client.get(url)
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    for person in (scene.voters[0], scene.outsider, scene.staff):
        as_user(client, person)
        assert client.get(page).status_code == 200
        assert client.get(csv).status_code == 200


def test_a_closed_round_offers_no_form_and_refuses_the_post_with_a_message(client, scene, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    selection_round = services.round_create(
        actor=scene.staff, committee=scene.committee, title="Construcción", method="co_construction",
        proposals=scene.candidates[:1],
    )  # fmt: skip
    services.evidence_add(actor=scene.staff, selection_round=selection_round, kind="contribution", title="Aporte")
    services.round_close(actor=scene.staff, selection_round=selection_round, selected=scene.candidates[:1])
    names = ("projects:evidence-add", "projects:round-close", "projects:ballot-create")
    for person in (scene.staff, scene.chair):
        as_user(client, person)
        for name in names:
            url = reverse(name, args=[selection_round.pk])
            response = client.get(url, follow=True)
            page = response.content.decode()
            assert response.redirect_chain[-1][0] == selection_round.get_absolute_url(), name
            assert "ya no está abierta" in page and 'enctype="multipart/form-data"' not in page
            assert f'action="{url}"' not in page
        response = client.post(
            reverse("projects:evidence-add", args=[selection_round.pk]),
            {"kind": "study", "title": "Tarde", "file": SimpleUploadedFile("t.pdf", PDF)},
            follow=True,
        )
        assert "ya no está abierta" in response.content.decode()
    assert not SelectionEvidence.objects.filter(title="Tarde").exists()


def test_a_closed_ballot_offers_no_close_form(client, scene):
    ballot = make_ballot(scene)
    services.ballot_close(actor=scene.chair, ballot=ballot)
    as_user(client, scene.chair)
    url = reverse("projects:ballot-close", args=[ballot.pk])
    response = client.get(url, follow=True)
    assert response.redirect_chain[-1][0] == ballot.get_absolute_url()
    page = response.content.decode()
    assert "Solo se puede cerrar una votación abierta." in page and f'action="{url}"' not in page


def test_a_runoff_form_is_offered_only_while_a_tie_is_declared(client, scene):
    ballot = make_ballot(scene)
    services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[0].pk])
    services.vote_cast(actor=scene.voters[1], ballot=ballot, choices=[scene.candidates[1].pk])
    services.ballot_close(actor=scene.chair, ballot=ballot)
    ballot.refresh_from_db()
    assert ballot.tie_status == "declared"
    as_user(client, scene.chair)
    url = reverse("projects:ballot-runoff", args=[ballot.pk])
    assert client.get(url).status_code == 200
    services.ballot_tie_settle(actor=scene.chair, ballot=ballot, proposals=[scene.candidates[0]], reason="Sorteo")
    assert client.get(url).status_code == 404


def test_an_open_round_still_offers_its_forms(client, scene):
    selection_round = vote_round(scene)
    as_user(client, scene.chair)
    assert client.get(reverse("projects:ballot-create", args=[selection_round.pk])).status_code == 200


def test_a_withdrawn_evaluation_shows_nothing_of_its_proposal(client, cast, submitted):
    services.proposal_transition(actor=cast.staff, proposal=submitted, action="accept")
    evaluation = services.evaluator_assign(actor=cast.staff, proposal=submitted, evaluator=cast.evaluator)
    url = reverse("projects:evaluation", args=[evaluation.pk])
    as_user(client, cast.evaluator)
    assert client.get(url).status_code == 200
    services.evaluator_unassign(actor=cast.staff, evaluation=evaluation)
    response = client.get(url)
    assert response.status_code == 403
    assert submitted.general_objective not in response.content.decode()
    assert client.post(url, {"has_conflict": "False"}).status_code == 403
    assert client.get(reverse("projects:proposal-detail", args=[submitted.pk])).status_code == 403
