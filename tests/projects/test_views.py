"""Every page: anonymous → sign in (or public 200), wrong role → 403, right role → 200/302; pinned query counts."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from companies import services as organization_services
from projects import services
from projects.criteria import Criterion
from projects.models import ProposalStatus, ProposalTransition
from tests.factories import make_evaluator

pytestmark = pytest.mark.django_db


def _login_required(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/cuenta/" in response["Location"]


def test_call_pages_by_role(client, cast):
    call = cast.call
    for url in (reverse("projects:call-list"), reverse("projects:call-detail", args=[call.pk])):
        _login_required(client, url)
    _login_required(client, reverse("projects:call-create"))
    client.force_login(cast.lead)
    assert client.get(reverse("projects:call-create")).status_code == 403
    assert client.get(reverse("projects:call-update", args=[call.pk])).status_code == 403
    assert client.get(reverse("projects:evaluation-matrix", args=[call.pk])).status_code == 403
    page = client.get(reverse("projects:call-detail", args=[call.pk]))
    assert page.status_code == 200 and "proposals" not in page.context
    client.force_login(cast.other_chair)
    assert client.get(reverse("projects:call-update", args=[call.pk])).status_code == 403
    assert client.get(reverse("projects:evaluation-matrix", args=[call.pk])).status_code == 403
    assert client.get(reverse("projects:committee-proposals", args=[cast.committee.pk])).status_code == 403
    client.force_login(cast.chair)
    assert client.get(reverse("projects:call-update", args=[call.pk])).status_code == 200
    assert client.get(reverse("projects:evaluation-matrix", args=[call.pk])).status_code == 200
    assert client.get(reverse("projects:committee-proposals", args=[cast.committee.pk])).status_code == 200


def test_staff_opens_a_call_through_the_form(client, cast):
    client.force_login(cast.staff)
    data = {
        "committee": cast.committee.pk,
        "title": "Convocatoria 2027",
        "guidance": "Guía",
        "opens_on": "2027-01-01",
        "closes_on": "2027-03-01",
    }
    data.update({f"weight_{c.value}": "1" for c in Criterion})
    data["weight_axs_sdg_impact"] = "2"
    response = client.post(reverse("projects:call-create"), data)
    assert response.status_code == 302
    call = cast.committee.calls.get(title="Convocatoria 2027")
    assert call.weight(Criterion.AXS_SDG_IMPACT) == 2


def test_call_form_keeps_what_was_typed_when_dates_are_wrong(client, cast):
    client.force_login(cast.staff)
    data = {"committee": cast.committee.pk, "title": "Conservado", "opens_on": "2027-03-01", "closes_on": "2027-01-01"}
    data.update({f"weight_{c.value}": "1" for c in Criterion})
    response = client.post(reverse("projects:call-create"), data)
    assert response.status_code == 200
    assert "closes_on" in response.context["form"].errors
    assert 'value="Conservado"' in response.content.decode()


def test_representative_starts_a_proposal(client, cast):
    url = reverse("projects:proposal-start", args=[cast.call.pk])
    _login_required(client, url)
    client.force_login(cast.evaluator)
    assert client.get(url).status_code == 403
    client.force_login(cast.lead)
    response = client.post(url, {"title": "Nueva propuesta"})
    assert response.status_code == 302 and "/editar/general/" in response["Location"]


def test_proposal_detail_by_role(client, cast, submitted):
    url = submitted.get_absolute_url()
    _login_required(client, url)
    for person in (cast.outsider, cast.other_chair, cast.evaluator):
        client.force_login(person)
        assert client.get(url).status_code == 403
    for person in (cast.lead, cast.partner, cast.chair, cast.staff):
        client.force_login(person)
        assert client.get(url).status_code == 200


def test_proposal_detail_query_count_is_pinned(client, cast, submitted, django_assert_max_num_queries):
    client.force_login(cast.staff)
    with django_assert_max_num_queries(40):
        assert client.get(submitted.get_absolute_url()).status_code == 200


def _reads_of(table, queries):
    return [query["sql"] for query in queries if f'FROM "{table}"' in query["sql"]]


def test_proposal_detail_reads_status_changes_and_evaluations_once_whatever_their_number(
    client, cast, in_review, django_assert_max_num_queries
):
    def page_queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(in_review.get_absolute_url()).status_code == 200
        return context.captured_queries

    def add_history():
        services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=make_evaluator())
        ProposalTransition.objects.create(
            proposal=in_review,
            from_status=ProposalStatus.SUBMITTED,
            to_status=ProposalStatus.IN_REVIEW,
            actor=cast.chair,
        )

    add_history()
    client.force_login(cast.staff)
    page_queries()  # the content's fragment is cached from here on
    few = page_queries()
    assert len(_reads_of("projects_proposaltransition", few)) == 1
    assert len(_reads_of("projects_evaluation", few)) == 1
    for _ in range(3):
        add_history()
    page_queries()
    with django_assert_max_num_queries(len(few)):
        assert client.get(in_review.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("step", ["general", "problem", "design", "alignment", "indicators", "criteria", "budget"])
def test_edit_steps_are_for_the_lead_only(client, cast, draft, step):
    url = reverse("projects:proposal-edit", args=[draft.pk, step])
    _login_required(client, url)
    for person in (cast.partner, cast.outsider, cast.chair, cast.staff):
        client.force_login(person)
        assert client.get(url).status_code == 403
    client.force_login(cast.lead)
    assert client.get(url).status_code == 200


def test_partner_reaches_the_consortium_step_only(client, cast, draft):
    client.force_login(cast.partner)
    assert client.get(reverse("projects:proposal-edit", args=[draft.pk, "consortium"])).status_code == 200
    response = client.post(
        reverse("projects:proposal-edit", args=[draft.pk, "general"]), {"form": "texts", "title": "Socio"}
    )
    assert response.status_code == 403


def test_saving_a_step_keeps_the_texts(client, cast, draft):
    client.force_login(cast.lead)
    url = reverse("projects:proposal-edit", args=[draft.pk, "problem"])
    response = client.post(url, {"form": "texts", "problem": "P", "causes": "C", "effects": "E", "then": "next"})
    assert response.status_code == 302 and response["Location"].endswith("/editar/design/")
    draft.refresh_from_db()
    assert (draft.problem, draft.causes, draft.effects) == ("P", "C", "E")


def test_indicator_without_baseline_is_refused_next_to_the_field_and_nothing_typed_is_lost(client, cast, draft):
    client.force_login(cast.lead)
    url = reverse("projects:proposal-edit", args=[draft.pk, "indicators"])
    response = client.post(
        url,
        {
            "form": "indicator",
            "name": "Hogares atendidos",
            "unit": "hogares",
            "baseline_year": "2026",
            "target_value": "10",
            "target_year": "2020",
            "means_of_verification": "",
        },
    )
    assert response.status_code == 200
    form = response.context["forms"]["indicator"]
    assert {"baseline_value", "means_of_verification", "target_year"} <= set(form.errors)
    assert 'value="Hogares atendidos"' in response.content.decode()


def test_alignment_without_javascript_adds_a_target_and_refuses_a_foreign_indicator(client, cast, draft):
    from sdg.models import Indicator, Target

    client.force_login(cast.lead)
    url = reverse("projects:proposal-edit", args=[draft.pk, "alignment"])
    target = Target.objects.get(code="12.5")
    page = client.get(url, {"target": target.pk})
    assert "12.5.1" in page.content.decode()
    foreign = Indicator.objects.get(code="12.3.1")
    response = client.post(url, {"form": "alignment", "target": target.pk, "indicators": [foreign.pk]})
    assert response.status_code == 200
    assert "indicators" in response.context["forms"]["alignment"].errors
    own = Indicator.objects.get(code="12.5.1")
    assert client.post(url, {"form": "alignment", "target": target.pk, "indicators": [own.pk]}).status_code == 302
    assert draft.aligned_targets.filter(target=target).exists()


def test_wrongly_typed_attachment_is_refused_next_to_the_file(client, cast, draft):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(cast.lead)
    url = reverse("projects:proposal-edit", args=[draft.pk, "attachments"])
    response = client.post(
        url, {"form": "attachment", "title": "Estudio", "file": SimpleUploadedFile("estudio.pdf", b"GIF89a")}
    )
    assert response.status_code == 200
    assert "file" in response.context["forms"]["attachment"].errors


def test_submit_page_shows_the_checklist_and_submits(client, cast, draft):
    url = reverse("projects:proposal-submit", args=[draft.pk])
    client.force_login(cast.partner)
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    client.force_login(cast.lead)
    assert client.get(url).context["ready"] is True
    assert client.post(url).status_code == 302
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.SUBMITTED


def test_review_action_page_by_role(client, cast, submitted):
    url = reverse("projects:proposal-transition", args=[submitted.pk, "return"])
    _login_required(client, url)
    for person in (cast.lead, cast.partner, cast.other_chair, cast.evaluator):
        client.force_login(person)
        assert client.get(url).status_code == 403
    client.force_login(cast.chair)
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200 and "reason" in response.context["form"].errors
    assert client.post(url, {"reason": "Faltan datos"}).status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == ProposalStatus.RETURNED


def test_version_page_shows_the_changes(client, cast, submitted):
    client.force_login(cast.chair)
    response = client.get(reverse("projects:version-detail", args=[submitted.pk, 1]))
    assert response.status_code == 200
    assert client.get(reverse("projects:version-detail", args=[submitted.pk, 9])).status_code == 404


def test_partner_answers_the_invitation_on_the_proposal_page(client, cast):
    proposal = services.proposal_start(actor=cast.lead, call=cast.call, title="Con socio")
    member = services.partner_invite(actor=cast.lead, proposal=proposal, organization=cast.partner_org)
    url = reverse("projects:partner-respond", args=[proposal.pk, member.pk])
    client.force_login(cast.outsider)
    assert client.post(url, {"answer": "accept", "role": "x"}).status_code == 403
    client.force_login(cast.partner)
    assert "respond_form" in client.get(proposal.get_absolute_url()).context
    assert client.post(url, {"answer": "accept", "role": "Asesoría"}).status_code == 302
    member.refresh_from_db()
    assert member.status == "accepted" and member.role == "Asesoría"


def test_comment_view(client, cast, draft):
    url = reverse("projects:comment-create", args=[draft.pk])
    client.force_login(cast.outsider)
    assert client.post(url, {"text": "x"}).status_code == 403
    client.force_login(cast.partner)
    assert client.post(url, {"text": "Opinión del socio"}).status_code == 302
    assert draft.comments.get().text == "Opinión del socio"


def test_evaluation_pages_by_role(client, cast, in_review):
    assign_url = reverse("projects:evaluator-assign", args=[in_review.pk])
    for person in (cast.lead, cast.evaluator, cast.other_chair):
        client.force_login(person)
        assert client.get(assign_url).status_code == 403
    client.force_login(cast.chair)
    assert client.post(assign_url, {"evaluator": cast.evaluator.pk}).status_code == 302
    evaluation = in_review.evaluations.get()
    url = reverse("projects:evaluation", args=[evaluation.pk])
    for person in (cast.chair, cast.lead, cast.staff):
        client.force_login(person)
        assert client.get(url).status_code == 403
    client.force_login(cast.evaluator)
    assert client.get(reverse("projects:my-evaluations")).status_code == 200
    page = client.get(url)
    assert "conflict_form" in page.context and "scores_form" not in page.context
    assert client.post(url, {"has_conflict": "no"}).status_code == 302
    data = {f"score_{c.value}": "4" for c in Criterion}
    data["score_axs_funds"] = "7"
    data["submit_scores"] = "1"
    data["comment_axs_funds"] = "Se conserva"
    response = client.post(url, data)
    assert response.status_code == 200 and "score_axs_funds" in response.context["scores_form"].errors
    assert "Se conserva" in response.content.decode()
    data["score_axs_funds"] = "5"
    assert client.post(url, data).status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.is_submitted
    client.force_login(cast.lead)
    assert client.get(reverse("projects:my-evaluations")).status_code == 403


def test_matrix_averages_weights_spread_and_ranking(cast, in_review):
    from projects import selectors
    from tests.factories import make_evaluator

    call = services.call_update(actor=cast.staff, call=cast.call, weights={"axs_funds": 3})
    second = make_evaluator()
    for evaluator, value in ((cast.evaluator, 4), (second, 2)):
        evaluation = services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=evaluator)
        services.conflict_declare(actor=evaluator, evaluation=evaluation, has_conflict=False)
        scores = {c.value: (value, "") for c in Criterion}
        scores["axs_funds"] = (5, "")
        services.scores_save(actor=evaluator, evaluation=evaluation, scores=scores, submit=True)
    rows, weights = selectors.evaluation_matrix(call)
    row = selectors.matrix_details(rows[:50], weights)[0]
    assert row["rank"] == 1
    averages = dict(row["averages"])
    assert averages[Criterion.AXS_FUNDS] == 5 and averages[Criterion.AXS_COOPERATION] == 3
    # weights: 12 criteria × 1 + funds × 3 = 15; evaluator totals (12·4+15)/15 = 4.2 and (12·2+15)/15 = 2.6
    assert row["total"] == Decimal("3.4")
    assert row["spread"] == Decimal("1.6")


def test_evaluation_matrix_query_count_does_not_grow_with_rows(client, cast, django_assert_max_num_queries):
    from tests.projects.conftest import fill_proposal

    for index in range(6):
        proposal = services.proposal_start(actor=cast.lead, call=cast.call, title=f"P{index}")
        fill_proposal(proposal, cast.lead)
        services.proposal_submit(actor=cast.lead, proposal=proposal)
    client.force_login(cast.staff)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("projects:evaluation-matrix", args=[cast.call.pk])).status_code == 200
    with django_assert_max_num_queries(15):
        assert client.get(reverse("projects:call-detail", args=[cast.call.pk])).status_code == 200
    with django_assert_max_num_queries(15):
        assert client.get(reverse("projects:committee-proposals", args=[cast.committee.pk])).status_code == 200
    with django_assert_max_num_queries(15):
        assert client.get(reverse("projects:proposal-list")).status_code == 200


def test_public_sees_published_projects_only(client, cast, in_review):
    proposal = services.proposal_select(actor=cast.staff, proposal=in_review)
    for action in ("structure", "structured"):
        proposal = services.proposal_transition(actor=cast.staff, proposal=proposal, action=action)
    url = reverse("projects:project-detail", args=[proposal.pk])
    assert client.get(url).status_code == 404
    assert proposal.title not in client.get(reverse("projects:project-list")).content.decode()  # cached now
    services.proposal_publish(actor=cast.staff, proposal=proposal)
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert proposal.title in body and "12.3" in body and "Toneladas recuperadas" in body
    assert "500,000" not in body and "500000" not in body  # budgets stay private
    assert proposal.title in client.get(reverse("projects:project-list")).content.decode()  # the service's bump
    organization_services.organization_update(actor=cast.staff, organization=cast.lead_org, short_name="Otra Razón")
    assert "Otra Razón" in client.get(reverse("projects:project-list")).content.decode()


def test_the_public_project_list_is_read_from_the_cache_once_rendered(client, cast, django_assert_max_num_queries):
    client.get(reverse("projects:project-list"))
    with django_assert_max_num_queries(0):  # anonymous: no session, no user; the cards from the cache
        assert client.get(reverse("projects:project-list")).status_code == 200


def test_attachment_download_is_for_readers_only(client, cast, draft, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    attachment = services.attachment_add(
        actor=cast.lead, proposal=draft, title="Carta", upload=SimpleUploadedFile("carta.pdf", b"%PDF-1.4\n%%EOF")
    )
    url = reverse("projects:attachment-download", args=[attachment.pk])
    _login_required(client, url)
    client.force_login(cast.outsider)
    assert client.get(url).status_code == 403
    client.force_login(cast.partner)
    assert client.get(url).status_code == 200


def test_home_shows_the_role_cards(client, cast):
    client.force_login(cast.lead)
    assert reverse("projects:proposal-list") in client.get("/").content.decode()
    client.force_login(cast.evaluator)
    assert reverse("projects:my-evaluations") in client.get("/").content.decode()


def test_my_evaluations_page_pending_first_and_keep_the_due_filter(client, cast, in_review):
    from projects.models import Evaluation, Proposal

    same = {f: getattr(in_review, f) for f in ("call_id", "committee_id", "lead_organization_id", "created_by_id")}
    proposals = Proposal.objects.bulk_create(
        Proposal(title=f"Propuesta {n:03d}", status="in_review", version=1, **same) for n in range(60)
    )
    Evaluation.objects.bulk_create(
        Evaluation(proposal=p, evaluator=cast.evaluator, assigned_by=cast.staff, status=status)
        for p, status in zip(proposals, ["assigned"] * 55 + ["withdrawn"] * 5, strict=True)
    )
    client.force_login(cast.evaluator)
    url = reverse("projects:my-evaluations")
    first = client.get(url, {"status": "due"}).content.decode()
    assert "55 evaluaciones" in first and first.count("Propuesta ") == 50
    assert 'href="?status=due&amp;page=2"' in first  # the filter stays on the next page
    second = client.get(url, {"status": "due", "page": "2"}).content.decode()
    assert second.count("Propuesta ") == 5
