"""Anonymous answers link to no invitation: not by transaction id, id or row order, time, draft or export.

Fifty organizations answer in turn, each with an answer that tells the test (and only the test)
who wrote it. Each known way of joining a response to its invitation must do no better than
chance: pairing two random orders of 50 gets on average one pair right (a Poisson(1) count), so
more than 6 right would happen by chance about once in 10,000 runs.
"""

import csv
import io

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from surveys import services
from surveys.models import AnonymousDraft, Answer, Response, Survey, SurveyInvitation
from surveys.services import anonymous
from tests.conftest import rows_for_the_module
from tests.factories import make_member, make_organization, make_staff

from .conftest import build_survey

pytestmark = pytest.mark.django_db
RESPONDENTS = 50
CHANCE = 6
ON_POSTGRESQL = connection.vendor == "postgresql"


@pytest.fixture(scope="module")
def answered(request, django_db_setup, django_db_blocker):
    """An anonymous survey answered by 50 organizations in turn; return it and who wrote which answer.

    Built once for the module (50 submissions take seconds); the tests only read it.
    """
    with rows_for_the_module(request, django_db_blocker, _answer_in_turn) as built:
        yield built


def _answer_in_turn():
    staff = make_staff(full_name="Ana Staff")
    organizations = [make_organization(actor=staff, legal_name=f"Empresa {i:02d}, S.A.") for i in range(RESPONDENTS)]
    people = [make_member(organization) for organization in organizations]
    survey = build_survey(staff, is_anonymous=True)
    services.invitations_send(actor=staff, survey=survey)
    q = survey.q
    writer = {}
    for index, (organization, person) in enumerate(zip(organizations, people, strict=True)):
        invitation = survey.invitations.get(organization=organization)
        secret = anonymous.new_secret()
        values = {q["single"].pk: q["single"].options.first().pk, q["sdg"].pk: [1 + index % 17]}
        services.response_save(user=person, invitation=invitation, values=values, draft_secret=secret)
        signature = f"respuesta {index}"
        services.response_save_and_submit(
            user=person,
            invitation=invitation,
            values={q["short_text"].pk: signature, q["yes_no"].pk: False},
            draft_secret=secret,
        )
        writer[signature] = invitation.pk
    return survey, writer


def _truth(survey, writer):
    """Return ``{response_id: invitation_id}`` as only the test knows it."""
    rows = Answer.objects.filter(response__survey=survey, question=survey.q["short_text"])
    return {response_id: writer[text] for response_id, text in rows.values_list("response_id", "text")}


def _answered_in_order(survey):
    return list(
        SurveyInvitation.objects.filter(survey=survey, responded_at__isnull=False)
        .order_by("responded_at", "id")
        .values_list("id", flat=True)
    )


def _right(pairs, truth):
    return sum(1 for response_id, invitation_id in pairs if truth[response_id] == invitation_id)


def _ordered_ids(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def test_every_invitation_is_answered_and_every_answer_kept(answered):
    survey, writer = answered
    assert Response.objects.filter(survey=survey).count() == RESPONDENTS == len(_truth(survey, writer))
    assert not AnonymousDraft.objects.filter(survey=survey).exists()
    assert not SurveyInvitation.objects.filter(survey=survey).exclude(draft_check="").exists()


def test_response_ids_and_row_order_pair_with_the_answered_order_no_better_than_chance(answered):
    survey, writer = answered
    truth, answered_order = _truth(survey, writer), _answered_in_order(survey)
    by_id = list(Response.objects.filter(survey=survey).order_by("id").values_list("id", flat=True))
    assert _right(zip(by_id, answered_order, strict=True), truth) <= CHANCE
    # The physical order: SQLite's rowid, PostgreSQL's ctid (the order rows were written in).
    physical = "ctid" if ON_POSTGRESQL else "rowid"
    table = Response._meta.db_table
    rows = _ordered_ids(f"SELECT id FROM {table} WHERE survey_id = %s ORDER BY {physical}", [survey.pk])  # noqa: S608
    assert _right(zip(rows, answered_order, strict=True), truth) <= CHANCE
    # The answers' own ids, in the order their responses' first answer was written.
    first_answer = _ordered_ids(
        f"SELECT response_id FROM {Answer._meta.db_table} a JOIN {table} r ON r.id = a.response_id "  # noqa: S608
        "WHERE r.survey_id = %s GROUP BY response_id ORDER BY MIN(a.id)",
        [survey.pk],
    )
    assert _right(zip(first_answer, answered_order, strict=True), truth) <= CHANCE


def test_no_time_is_kept_with_an_anonymous_response(answered):
    survey, _writer = answered
    times = Response.objects.filter(survey=survey).values_list("started_at", "updated_at", "submitted_at")
    assert set(times) == {(None, None, None)}
    assert set(Response.objects.filter(survey=survey).values_list("invitation", "organization", "respondent")) == {
        (None, None, None)
    }


@pytest.mark.skipif(not ON_POSTGRESQL, reason="transaction ids (xmin) are PostgreSQL's")
def test_the_xmin_join_links_no_better_than_chance(answered):
    survey, writer = answered
    truth = _truth(survey, writer)
    for table in (Response._meta.db_table, Answer._meta.db_table):
        id_column = "r.id" if table == Response._meta.db_table else "r.response_id"
        survey_filter = (
            "r.survey_id = %s"
            if table == Response._meta.db_table
            else "r.question_id IN (SELECT id FROM surveys_question WHERE survey_id = %s)"
        )
        pairs = {}
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {id_column}, i.id FROM {table} r JOIN surveys_surveyinvitation i "  # noqa: S608
                f"ON i.xmin::text = r.xmin::text WHERE i.survey_id = %s AND {survey_filter}",
                [survey.pk, survey.pk],
            )
            for response_id, invitation_id in cursor.fetchall():
                pairs.setdefault(response_id, set()).add(invitation_id)
        # Guessing one invitation per response among those the join offers: right at most by chance.
        right = sum(1 for response_id, offered in pairs.items() if offered == {truth[response_id]})
        assert right <= CHANCE


def test_a_draft_is_unreadable_without_the_respondents_secret(staff, org_a, rep_a):
    survey = build_survey(staff, is_anonymous=True)
    services.invitations_send(actor=staff, survey=survey)
    invitation = survey.invitations.get(organization=org_a)
    secret = anonymous.new_secret()
    text = "Nuestra acción secreta"
    services.response_save(
        user=rep_a, invitation=invitation, values={survey.q["short_text"].pk: text}, draft_secret=secret
    )
    draft = AnonymousDraft.objects.get(survey=survey)
    invitation.refresh_from_db()
    assert text.encode() not in bytes(draft.sealed) and draft.lookup != invitation.draft_check
    assert not Response.objects.filter(survey=survey).exists()
    questions = list(survey.questions.all())
    assert anonymous.draft_values(invitation, secret, questions) == {survey.q["short_text"].pk: text}
    assert anonymous.draft_values(invitation, anonymous.new_secret(), questions) == {}


def test_the_export_of_an_anonymous_survey_has_no_ids_or_times(answered, client, staff):
    survey, _writer = answered
    client.force_login(staff)
    # An anonymous survey's answers are exported once it has closed (test_anonymous_results.py).
    closes_at = survey.closes_at
    Survey.objects.filter(pk=survey.pk).update(closes_at=timezone.now())
    try:
        _exports_have_no_ids_or_times(client, survey)
    finally:
        Survey.objects.filter(pk=survey.pk).update(closes_at=closes_at)


def _exports_have_no_ids_or_times(client, survey):
    rows = list(
        csv.reader(
            io.StringIO(client.get(reverse("surveys:export-csv", args=[survey.pk])).getvalue().decode("utf-8-sig"))
        )
    )
    workbook = load_workbook(io.BytesIO(client.get(reverse("surveys:export-xlsx", args=[survey.pk])).getvalue()))
    sheet = [list(row) for row in workbook.active.iter_rows(values_only=True)]
    for header, body in ((rows[0], rows[1:]), (sheet[0], sheet[1:])):
        assert all(str(cell).split(". ", 1)[0].isdigit() for cell in header)  # Only "1. question" columns.
        assert len(body) == RESPONDENTS
    response_ids = {str(pk) for pk in Response.objects.filter(survey=survey).values_list("pk", flat=True)}
    assert not response_ids & {cell for row in rows[1:] for cell in row}


def test_answers_in_progress_from_before_drafts_are_offered_then_taken_over(staff, org_a, rep_a):
    survey = build_survey(staff, is_anonymous=True)
    services.invitations_send(actor=staff, survey=survey)
    invitation = survey.invitations.get(organization=org_a)
    earlier = Response.objects.create(survey=survey, invitation=invitation, status="in_progress")
    Answer.objects.create(response=earlier, question=survey.q["short_text"], text="Guardado antes")
    questions = list(survey.questions.all())
    secret = anonymous.new_secret()
    text_id, scale_id = survey.q["short_text"].pk, survey.q["scale"].pk
    assert services.anonymous_saved_values(invitation, secret, questions) == {text_id: "Guardado antes"}
    services.response_save(user=rep_a, invitation=invitation, values={survey.q["scale"].pk: 3}, draft_secret=secret)
    assert not Response.objects.filter(invitation=invitation).exists()  # The link to the invitation is gone.
    invitation.refresh_from_db()
    assert anonymous.draft_values(invitation, secret, questions) == {text_id: "Guardado antes", scale_id: 3}
