"""Selection rounds: four methods, their evidence, and closing through the proposal workflow."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from committees.models import Session
from projects import services
from projects.models import ProposalTransition, SelectionMethod
from surveys import services as survey_services
from surveys.models import Answer, Response, SurveyInvitation

from .ballot_scene import make_ballot, make_candidates, vote_round

pytestmark = pytest.mark.django_db


def code_of(error):
    if hasattr(error.value, "error_dict"):
        return next(iter(error.value.error_dict.values()))[0].code
    return error.value.code


def statuses(proposals):
    return [type(p).objects.get(pk=p.pk).status for p in proposals]


def test_only_staff_and_the_committees_chair_open_rounds(scene):
    for person in (scene.other_chair, scene.voters[0], scene.outsider, scene.evaluator):
        with pytest.raises(PermissionDenied):
            vote_round(scene, actor=person)
    assert vote_round(scene, actor=scene.staff).method == "vote"
    assert vote_round(scene, actor=scene.chair).candidates.count() == 3


def test_round_needs_candidates_in_review_of_the_committee_and_enough_of_them(scene):
    with pytest.raises(ValidationError) as error:
        vote_round(scene, round_seats=4)
    assert code_of(error) == "too_few_candidates"
    other = make_candidates(scene, 1, committee=scene.other_committee)
    with pytest.raises(ValidationError) as error:
        vote_round(scene, proposals=scene.candidates + other)
    assert code_of(error) == "not_candidate"


def test_closing_a_vote_round_selects_the_winner_and_not_selects_the_others_with_the_round_as_reason(
    scene, mailoutbox, django_capture_on_commit_callbacks
):
    selection_round = vote_round(scene)
    ballot = make_ballot(scene, selection_round)
    for voter in scene.voters:
        services.vote_cast(actor=voter, ballot=ballot, choices=[scene.candidates[1].pk])
    with pytest.raises(ValidationError) as error:
        services.round_close(actor=scene.chair, selection_round=selection_round)
    assert code_of(error) == "ballot_not_closed"
    services.ballot_close(actor=scene.chair, ballot=ballot)
    with django_capture_on_commit_callbacks(execute=True):
        services.round_close(actor=scene.chair, selection_round=selection_round)
    assert statuses(scene.candidates) == ["not_selected", "selected", "not_selected"]
    transition = ProposalTransition.objects.get(proposal=scene.candidates[1], to_status="selected")
    assert "Selección 2026" in transition.reason and transition.actor == scene.chair
    assert (
        "Selección 2026"
        in ProposalTransition.objects.get(proposal=scene.candidates[0], to_status="not_selected").reason
    )
    assert mailoutbox, "the proposers are told"
    selection_round.refresh_from_db()
    assert selection_round.status == "closed"
    assert [c.selected for c in selection_round.candidates.all()] == [False, True, False]


def test_a_round_without_quorum_or_with_a_pending_tie_cannot_close(scene):
    selection_round = vote_round(scene)
    ballot = make_ballot(scene, selection_round, quorum_percent=100)
    services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[0].pk])
    services.ballot_close(actor=scene.chair, ballot=ballot)
    with pytest.raises(ValidationError) as error:
        services.round_close(actor=scene.chair, selection_round=selection_round)
    assert code_of(error) == "no_quorum"
    tied = make_ballot(scene, selection_round, quorum_percent=10)
    services.vote_cast(actor=scene.voters[0], ballot=tied, choices=[scene.candidates[0].pk])
    services.vote_cast(actor=scene.voters[1], ballot=tied, choices=[scene.candidates[2].pk])
    tied = services.ballot_close(actor=scene.chair, ballot=tied)
    with pytest.raises(ValidationError) as error:
        services.round_close(actor=scene.chair, selection_round=selection_round)
    assert code_of(error) == "tie_pending"
    services.ballot_tie_settle(
        actor=scene.chair, ballot=tied, proposals=[scene.candidates[2]], reason="Voto de calidad"
    )
    services.round_close(actor=scene.chair, selection_round=selection_round)
    assert statuses(scene.candidates) == ["not_selected", "not_selected", "selected"]


def test_a_survey_round_builds_the_survey_and_reads_its_result_back_by_external_key(scene):
    now = timezone.now()
    selection_round = services.round_create(
        actor=scene.chair,
        committee=scene.committee,
        title="Encuesta de selección",
        method=SelectionMethod.SURVEY,
        proposals=scene.candidates,
        seats=1,
        survey_opens_at=now - datetime.timedelta(days=2),
        survey_closes_at=now + datetime.timedelta(days=2),
    )
    question = selection_round.survey_question
    options = list(question.options.order_by("position"))
    assert [o.external_key for o in options] == [f"proposal:{p.pk}" for p in scene.candidates]
    survey = question.survey
    for organization, pick in zip(scene.member_orgs, [2, 2, 0], strict=True):
        invitation = SurveyInvitation.objects.create(survey=survey, organization=organization)
        response = Response.objects.create(
            survey=survey, invitation=invitation, organization=organization, status="submitted", submitted_at=now
        )
        Answer.objects.create(response=response, question=question, option=options[pick])
    survey_services.survey_counts_rebuild(survey)  # rows written around the answer services are recounted
    with pytest.raises(ValidationError) as error:
        services.round_close(actor=scene.chair, selection_round=selection_round)
    assert code_of(error) == "survey_open"
    survey_services.survey_publish(actor=scene.staff, survey=survey)
    survey_services.survey_close(actor=scene.staff, survey=survey)
    services.round_close(actor=scene.chair, selection_round=selection_round)
    assert statuses(scene.candidates) == ["not_selected", "not_selected", "selected"]


def _session(scene):
    now = timezone.now()
    return Session.objects.create(
        committee=scene.committee,
        title="Sesión de selección",
        starts_at=now,
        ends_at=now + datetime.timedelta(hours=2),
        created_by=scene.staff,
    )


def test_prior_studies_need_the_studies_and_the_session_of_the_decision(scene):
    selection_round = services.round_create(
        actor=scene.chair, committee=scene.committee, title="Estudios", method="studies", proposals=scene.candidates
    )
    with pytest.raises(ValidationError) as error:
        services.round_close(actor=scene.chair, selection_round=selection_round, selected=[scene.candidates[0]])
    assert code_of(error) == "evidence_required"
    services.evidence_add(
        actor=scene.chair, selection_round=selection_round, kind="study", title="Estudio de factibilidad"
    )
    with pytest.raises(ValidationError) as error:
        services.round_close(actor=scene.chair, selection_round=selection_round, selected=[scene.candidates[0]])
    assert code_of(error) == "session_required"
    with pytest.raises(ValidationError) as error:
        services.round_close(actor=scene.chair, selection_round=selection_round, session=_session(scene))
    assert code_of(error) == "nothing_selected"
    services.round_close(
        actor=scene.chair, selection_round=selection_round, selected=[scene.candidates[0]], session=_session(scene)
    )
    assert statuses(scene.candidates) == ["selected", "not_selected", "not_selected"]
    with pytest.raises(ValidationError):
        services.evidence_add(actor=scene.chair, selection_round=selection_round, kind="study", title="Tarde")


def test_co_construction_records_sessions_and_contributions_as_evidence(scene):
    selection_round = services.round_create(
        actor=scene.staff, committee=scene.committee, title="Construcción", method="co_construction",
        proposals=scene.candidates[:1],
    )  # fmt: skip
    services.evidence_add(
        actor=scene.staff, selection_round=selection_round, kind="contribution", title="Aportación de la cámara",
        organization=scene.member_orgs[0],
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.round_close(actor=scene.other_chair, selection_round=selection_round, selected=scene.candidates[:1])
    services.round_close(actor=scene.staff, selection_round=selection_round, selected=scene.candidates[:1])
    assert statuses(scene.candidates[:1]) == ["selected"]
    with pytest.raises(ValidationError) as error:
        services.round_close(actor=scene.staff, selection_round=selection_round, selected=scene.candidates[:1])
    assert code_of(error) == "round_closed"


def test_evidence_documents_are_served_only_to_those_who_may_see_the_round(client, scene, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    settings.MEDIA_ROOT = tmp_path / "media"
    selection_round = services.round_create(
        actor=scene.staff, committee=scene.committee, title="Construcción", method="co_construction",
        proposals=scene.candidates[:1],
    )  # fmt: skip
    study = services.evidence_add(
        actor=scene.staff, selection_round=selection_round, kind="study", title="Estudio",
        file=SimpleUploadedFile("estudio-de-mercado.pdf", b"%PDF-1.4 estudio", content_type="application/pdf"),
    )  # fmt: skip
    without_file = services.evidence_add(
        actor=scene.staff, selection_round=selection_round, kind="contribution", title="Aportación"
    )
    url = reverse("projects:evidence-download", args=[study.pk])
    assert client.get(url).status_code == 302  # an open round: sign in first
    client.force_login(scene.other_chair)
    assert client.get(url).status_code == 403  # the chair of another committee
    client.force_login(scene.voters[0])
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 estudio"
    assert "estudio-de-mercado" in response["Content-Disposition"]
    page = client.get(selection_round.get_absolute_url()).content.decode()
    assert url in page and "/media/" not in page
    assert client.get(reverse("projects:evidence-download", args=[without_file.pk])).status_code == 404
    services.round_close(actor=scene.staff, selection_round=selection_round, selected=scene.candidates[:1])
    client.logout()
    assert client.get(url).status_code == 200  # a closed round is public, and so is what it rests on
