"""Results in the database, the seam for other apps (external keys), committees formed from results, charts."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from axs_platform.charts import Bar, horizontal_bar_chart
from committees.models import Membership
from surveys import selectors, services
from surveys.models import Survey

from .conftest import build_survey, goal, window

pytestmark = pytest.mark.django_db


def _answer(survey, person, values):
    invitation = survey.invitations.get(organization__representatives__user=person)
    services.response_save(user=person, invitation=invitation, values=values)
    return services.response_submit(user=person, invitation=invitation)


def test_another_app_creates_options_with_external_keys_and_reads_results_back_by_them(staff, rep_a, rep_b, org_c):
    survey = services.survey_create(actor=staff, title_es="Selección", audience="all_members", **window())
    section = services.section_create(actor=staff, survey=survey, title_es="Candidatos")
    question = services.question_create(
        actor=staff,
        section=section,
        kind="ranking",
        text_es="Ordene los candidatos",
        max_choices=2,
        options=[
            {"text_es": "Proyecto A", "external_key": "proposal:11"},
            {"text_es": "Proyecto B", "external_key": "proposal:12"},
            {"text_es": "Proyecto C", "external_key": "proposal:13"},
        ],
    )
    services.survey_publish(actor=staff, survey=survey)
    services.invitations_send(actor=staff, survey=survey)
    a, b, c = question.options.all()
    _answer(survey, rep_a, {question.pk: [b.pk, a.pk]})
    _answer(survey, rep_b, {question.pk: [b.pk, c.pk]})
    rows = selectors.option_results(question)
    assert [(row["external_key"], row["count"], row["first"], row["points"]) for row in rows] == [
        ("proposal:12", 2, 2, 4),
        ("proposal:11", 1, 0, 1),
        ("proposal:13", 1, 0, 1),
    ]


def test_results_count_only_submitted_responses_and_give_percentages_of_those_who_answered(staff, survey, rep_a, rep_b):
    services.invitations_send(actor=staff, survey=survey)
    q = survey.q
    first, second = q["single"].options.all()
    _answer(survey, rep_a, {q["single"].pk: first.pk, q["sdg"].pk: [goal(4), goal(7)], q["yes_no"].pk: False})
    invitation = survey.invitations.get(organization__representatives__user=rep_b)
    services.response_save(user=rep_b, invitation=invitation, values={q["single"].pk: second.pk})
    respondents, results = selectors.survey_results(survey)
    single = next(r for r in results if r["question"] == q["single"])
    assert respondents == 1
    assert [(row["label"], row["count"], row["percent"]) for row in single["rows"]] == [
        ("Educación", 1, 100.0),
        ("Energía", 0, 0.0),
    ]
    ranking = selectors.sdg_ranking(results)
    assert [(row["goal"].number, row["points"]) for row in ranking["rows"]] == [(4, 3), (7, 2)]
    # Two SDGs chosen by one response: one respondent answered the question, not two.
    assert ranking["answered"] == 1 and ranking["rows"][0]["percent"] == 100.0


def test_the_number_of_queries_of_the_results_does_not_grow_with_responses(
    staff, survey, rep_a, rep_b, rep_c, django_assert_max_num_queries
):
    services.invitations_send(actor=staff, survey=survey)
    q = survey.q
    for person in (rep_a, rep_b, rep_c):
        _answer(
            survey,
            person,
            {q["single"].pk: q["single"].options.first().pk, q["sdg"].pk: [goal(4)], q["yes_no"].pk: True,
             q["long_text"].pk: "Texto"},
        )  # fmt: skip
    # Seven aggregate queries, plus one per text question for its latest answers.
    with django_assert_max_num_queries(9):
        selectors.survey_results(survey)


def test_cross_tabulation_counts_answers_by_organization_type(staff, survey, rep_a, rep_b):
    services.invitations_send(actor=staff, survey=survey)
    q = survey.q
    first = q["single"].options.first()
    for person in (rep_a, rep_b):
        _answer(survey, person, {q["single"].pk: first.pk, q["sdg"].pk: [goal(4)], q["yes_no"].pk: False})
    types, rows = selectors.crosstab_by_organization_type(q["single"])
    assert types == ["Empresa", "Fundación empresarial"] or sorted(types) == types
    assert rows[0]["cells"] == [1, 1] and rows[0]["total"] == 2


@pytest.fixture
def closed_priorities(staff, committee, other_committee, rep_a, rep_b, rep_c):
    survey = build_survey(staff, purpose="priorities")
    services.invitations_send(actor=staff, survey=survey)
    q = survey.q
    lead = q["multiple"].options.first()
    _answer(survey, rep_a, {q["single"].pk: q["single"].options.first().pk, q["sdg"].pk: [goal(12), goal(10)],
                            q["multiple"].pk: [lead.pk], q["yes_no"].pk: False})  # fmt: skip
    _answer(survey, rep_c, {q["single"].pk: q["single"].options.first().pk, q["sdg"].pk: [goal(10)],
                            q["yes_no"].pk: False})  # fmt: skip
    services.survey_close(actor=staff, survey=survey)
    return survey


def test_the_priorities_page_proposes_for_each_committee_those_who_ranked_its_sdg_high(closed_priorities, committee):
    q = closed_priorities.q
    counts = selectors.committee_proposal_counts(closed_priorities, ranking_question=q["sdg"])
    assert {row["committee"].name: row["count"] for row in counts} == {
        "Inclusión social": 2,
        "Producción y consumo responsables": 1,
    }
    by_committee = {
        row["committee"].name: selectors.describe_candidates(
            closed_priorities,
            row["committee"],
            selectors.committee_candidates(closed_priorities, row["committee"], ranking_question=q["sdg"]),
            role_question=q["multiple"],
        )
        for row in counts
    }
    inclusion = {(c["name"], c["rank"], c["is_member"], tuple(c["roles"])) for c in by_committee["Inclusión social"]}
    assert inclusion == {("Alfa", 2, True, ("Liderar proyectos",)), ("Gamma", 1, False, ())}
    assert [(c["name"], c["is_member"]) for c in by_committee["Producción y consumo responsables"]] == [("Alfa", False)]


def test_the_committee_counts_are_kept_and_a_new_submission_shows_at_once(
    staff, committee, other_committee, rep_a, rep_c, django_assert_max_num_queries
):
    survey = build_survey(staff, purpose="priorities")
    services.invitations_send(actor=staff, survey=survey)
    q = survey.q
    _answer(survey, rep_a, {q["single"].pk: q["single"].options.first().pk, q["sdg"].pk: [goal(12), goal(10)],
                            q["yes_no"].pk: False})  # fmt: skip

    def counts():
        rows = selectors.committee_proposal_counts(survey, ranking_question=q["sdg"])
        return {row["committee"].name: row["count"] for row in rows}

    assert counts() == {"Inclusión social": 1, "Producción y consumo responsables": 1}
    with django_assert_max_num_queries(2):  # the committees, and the kept counts of the question (not its picks)
        counts()
    _answer(survey, rep_c, {q["single"].pk: q["single"].options.first().pk, q["sdg"].pk: [goal(10)],
                            q["yes_no"].pk: False})  # fmt: skip
    assert counts() == {"Inclusión social": 2, "Producción y consumo responsables": 1}


def test_staff_invite_proposed_organizations_to_committees_in_one_step(client, staff, closed_priorities, committee,
                                                                        other_committee, org_a, org_c):  # fmt: skip
    client.force_login(staff)
    url = reverse("surveys:committee-proposals", args=[closed_priorities.pk])
    summary = client.get(url).content.decode()
    assert f"committee={committee.pk}" in summary and "Gamma" not in summary
    q = closed_priorities.q
    query = {"ranking_question": q["sdg"].pk, "top": 3, "committee": committee.pk}
    page = client.get(url, query).content.decode()
    assert "Gamma" in page and "Ya es integrante" in page and f'value="{committee.pk}-{org_c.pk}"' in page
    with CaptureQueriesContext(connection) as again:  # the page's body comes from the cache
        assert client.get(url, query).content.decode().count("Ya es integrante") == page.count("Ya es integrante")
    assert not any("surveys_answer" in entry["sql"] for entry in again.captured_queries)
    response = client.post(url, {"seat": [f"{committee.pk}-{org_c.pk}", f"{other_committee.pk}-{org_a.pk}",
                                          f"{committee.pk}-{org_a.pk}"]})  # fmt: skip
    assert response.status_code == 302
    # The seats show on the next page: the committees' service made the cached one stale.
    assert f'value="{committee.pk}-{org_c.pk}"' not in client.get(url, query).content.decode()
    assert Membership.objects.filter(committee=committee, organization=org_c, status="active").exists()
    assert Membership.objects.filter(committee=other_committee, organization=org_a, status="active").exists()
    assert Membership.objects.filter(committee=committee, organization=org_a).count() == 1


def test_only_staff_form_committees_and_only_from_a_closed_survey(client, chair, staff, survey, committee, org_c):
    client.force_login(chair)
    assert client.get(reverse("surveys:committee-proposals", args=[survey.pk])).status_code == 403
    with pytest.raises(PermissionDenied):
        services.committee_members_invite(actor=chair, survey=survey, seats=[(committee.pk, org_c.pk)])
    with pytest.raises(ValidationError):
        services.committee_members_invite(actor=staff, survey=survey, seats=[(committee.pk, org_c.pk)])


def test_a_published_survey_keeps_its_questions(staff, survey):
    with pytest.raises(ValidationError) as error:
        services.question_update(actor=staff, question=survey.q["single"], text_es="Otra")
    assert error.value.code == "published"
    with pytest.raises(ValidationError):
        services.survey_update(actor=staff, survey=survey, audience="chosen")
    services.survey_update(actor=staff, survey=survey, title_en="Alliance priorities")
    assert Survey.objects.get(pk=survey.pk).title_en == "Alliance priorities"


def test_a_condition_must_point_to_an_earlier_question_and_an_existing_answer(staff):
    survey = build_survey(staff, publish=False)
    q = survey.q
    with pytest.raises(ValidationError) as error:
        services.question_update(actor=staff, question=q["scale"], condition_question=q["single"],
                                 condition_value="Agua")  # fmt: skip
    assert "condition_value" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.question_update(actor=staff, question=q["single"], condition_question=q["yes_no"],
                                 condition_value="sí")  # fmt: skip
    assert "condition_question" in error.value.message_dict


def test_a_chair_builds_surveys_only_for_their_committee(chair, committee, other_committee):
    with pytest.raises(PermissionDenied):
        services.survey_create(actor=chair, title_es="Otra", committee=other_committee, audience="committee")
    with pytest.raises(ValidationError):
        services.survey_create(actor=chair, title_es="Todas", committee=committee, audience="all_members")
    survey = services.survey_create(actor=chair, title_es="Mía", committee=committee, audience="committee")
    assert survey.committee == committee


def test_a_committee_survey_invites_only_the_committees_members(chair, committee, org_a, org_b, org_c):
    survey = build_survey(chair, committee=committee, audience="committee")
    services.invitations_send(actor=chair, survey=survey)
    assert set(survey.invitations.values_list("organization__short_name", flat=True)) == {"Alfa", "Beta"}


def test_the_bar_chart_is_an_accessible_svg_with_values_percentages_and_colours():
    svg = horizontal_bar_chart(
        [Bar("ODS 4 <Educación>", 3, "#C5192D"), Bar("ODS 7", 1)], title="Ranking", description="Dos ODS", total=4
    )
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert "<title" in svg and "Dos ODS</desc>" in svg
    assert "&lt;Educación&gt;" in svg and 'fill="#C5192D"' in svg
    assert "75" in svg and "25" in svg
    assert "<script" not in svg and "href" not in svg
