"""The survey-results dataset: Spanish and English texts, yes/no as codes, and the anonymous threshold per question.

Every format is read back (CSV, JSON, Excel) and, for the threshold, the API's pages of the same rows.
"""

import dataclasses
import datetime

import pytest
from django.utils import timezone

from opendata import datasets, prebuilt, registry
from opendata.datasets.surveys import MIN_ANONYMOUS_RESPONDENTS
from surveys import services
from surveys.models import Survey
from surveys.services import anonymous
from tests.api.helpers import client_for, every_row
from tests.factories import make_member, make_organization, make_staff
from tests.surveys.conftest import build_survey, goal

from .helpers import all_formats

pytestmark = pytest.mark.django_db

SLUG = "resultados-encuestas"
ENGLISH_COLUMNS = ["survey_title_en", "question_en", "answer_en"]


def _people(staff, count):
    organizations = [make_organization(actor=staff, legal_name=f"Empresa {n:02d}, S.A.") for n in range(count)]
    return [(organization, make_member(organization)) for organization in organizations]


def _close(survey):
    Survey.objects.filter(pk=survey.pk).update(closes_at=timezone.now() - datetime.timedelta(minutes=1))


def _by_question_and_answer(header, rows):
    """``{(question_id, answer): {column: value}}`` of the rows, as text."""
    records = [dict(zip(header, row, strict=True)) for row in rows]
    return {(record["question_id"], record["answer"]): record for record in records}


@pytest.fixture
def named_survey():
    """A closed named survey answered by two organizations; its ranking question has no English text."""
    staff = make_staff()
    people = _people(staff, 2)
    survey = build_survey(staff)
    services.invitations_send(actor=staff, survey=survey)
    q = survey.q
    education, energy = q["single"].options.all()
    sessions, projects, _training = q["ranking"].options.all()
    answers = [
        {
            q["single"].pk: education.pk,
            q["sdg"].pk: [goal(4)],
            q["yes_no"].pk: False,
            q["ranking"].pk: [sessions.pk, projects.pk],
            q["scale"].pk: 4,
        },
        {q["single"].pk: energy.pk, q["sdg"].pk: [goal(7)], q["yes_no"].pk: False},
    ]
    for (organization, person), values in zip(people, answers, strict=True):
        invitation = survey.invitations.get(organization=organization)
        services.response_save_and_submit(user=person, invitation=invitation, values=values)
    _close(survey)
    return survey


def test_survey_results_come_in_spanish_and_english_in_every_format(client, named_survey):
    q = named_survey.q
    header = datasets.get(SLUG).header
    assert header[-3:] == ENGLISH_COLUMNS
    assert header[:13] == [  # the columns published before keep their places
        "survey_id",
        "survey_title",
        "is_anonymous",
        "respondents",
        "question_id",
        "question",
        "question_kind",
        "answered",
        "answer",
        "count",
        "percent",
        "first_places",
        "average",
    ]
    for file_format, (file_header, rows, _text) in all_formats(client, SLUG).items():
        assert file_header == header, file_format
        found = _by_question_and_answer(header, rows)
        single = found[(str(q["single"].pk), "Educación")]
        assert (single["survey_title"], single["survey_title_en"]) == (
            "Prioridades de la alianza",
            "Priorities of the alliance",
        ), file_format
        assert (single["question"], single["question_en"], single["answer_en"]) == (
            "Tipo de acción",
            "Kind of action",
            "Education",
        ), file_format
        assert found[(str(q["single"].pk), "Energía")]["answer_en"] == "Energy", file_format
        # No English text: the Spanish one, as the pages show it in English.
        ranking = found[(str(q["ranking"].pk), "Sesiones")]
        assert (ranking["question_en"], ranking["answer_en"], ranking["count"]) == (
            "Ordene las actividades",
            "Sesiones",
            "1",
        ), file_format
        # Yes/no as codes in both languages; an SDG and a scale point as numbers in both.
        yes = found[(str(q["yes_no"].pk), "yes")]
        no = found[(str(q["yes_no"].pk), "no")]
        assert (yes["answer_en"], yes["count"], no["answer_en"], no["count"]) == ("yes", "0", "no", "2"), file_format
        assert found[(str(q["sdg"].pk), "4")]["answer_en"] == "4", file_format
        assert found[(str(q["scale"].pk), "4")]["answer_en"] == "4", file_format
        answers = {record["answer"] for record in found.values()} | {record["answer_en"] for record in found.values()}
        assert not {"sí", "Sí", "Yes", "No"} & answers, file_format
        # Written answers never appear: no row of the text questions.
        assert not {str(q["long_text"].pk), str(q["short_text"].pk)} & {key[0] for key in found}, file_format


def test_the_dictionary_describes_the_english_columns_in_both_languages(client):
    fields = {field.name: field for field in datasets.get(SLUG).fields}
    for name in ENGLISH_COLUMNS:
        assert fields[name].meaning_es and fields[name].meaning_en
    assert "yes" in fields["answer"].meaning_es and "yes" in fields["answer"].meaning_en
    page = client.get(f"/datos-abiertos/{SLUG}/").content.decode()
    for name in ENGLISH_COLUMNS:
        assert name in page


def test_a_file_built_ahead_with_other_columns_is_stale(named_survey, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    prebuilt.build(name=SLUG, file_format="csv")
    assert prebuilt.fresh(SLUG, "csv") is not None
    # The file as a release before the English columns built it: no download may serve it after the release.
    dataset = datasets.get(SLUG)
    monkeypatch.setitem(registry._REGISTRY, SLUG, dataclasses.replace(dataset, fields=dataset.fields[:-3]))
    assert prebuilt.fresh(SLUG, "csv") is None


@pytest.fixture
def anonymous_survey():
    """A closed anonymous survey answered by the threshold's number of organizations, whose optional questions
    were answered by one fewer (multiple choice) and exactly the threshold (scale)."""
    staff = make_staff()
    people = _people(staff, MIN_ANONYMOUS_RESPONDENTS)
    survey = build_survey(staff, is_anonymous=True)
    services.invitations_send(actor=staff, survey=survey)
    q = survey.q
    first_option = q["single"].options.first()
    for index, (organization, person) in enumerate(people):
        values = {q["single"].pk: first_option.pk, q["sdg"].pk: [goal(1 + index)], q["yes_no"].pk: False}
        values[q["scale"].pk] = 1 + index
        if index < MIN_ANONYMOUS_RESPONDENTS - 1:
            values[q["multiple"].pk] = [q["multiple"].options.first().pk]
        invitation = survey.invitations.get(organization=organization)
        services.response_save_and_submit(
            user=person, invitation=invitation, values=values, draft_secret=anonymous.new_secret()
        )
    _close(survey)
    return survey


def test_an_anonymous_question_answered_by_fewer_than_the_threshold_is_left_out_though_the_survey_is_above_it(
    client, anonymous_survey
):
    q = anonymous_survey.q
    published = {str(q[name].pk) for name in ("single", "sdg", "scale", "yes_no")}
    for file_format, (header, rows, _text) in all_formats(client, SLUG).items():
        records = [dict(zip(header, row, strict=True)) for row in rows]
        assert {record["respondents"] for record in records} == {str(MIN_ANONYMOUS_RESPONDENTS)}, file_format
        assert {record["question_id"] for record in records} == published, file_format
        scale = [record for record in records if record["question_id"] == str(q["scale"].pk)]
        assert {record["answered"] for record in scale} == {str(MIN_ANONYMOUS_RESPONDENTS)}, file_format
    api_rows = every_row(client_for(), f"/api/v1/datasets/{SLUG}/rows/")
    assert {str(row["question_id"]) for row in api_rows} == published


def test_in_a_named_survey_the_same_question_is_published_however_few_answered_it(client, anonymous_survey):
    q = anonymous_survey.q
    Survey.objects.filter(pk=anonymous_survey.pk).update(is_anonymous=False)
    header, rows, _text = all_formats(client, SLUG)["csv"]
    assert str(q["multiple"].pk) in {dict(zip(header, row, strict=True))["question_id"] for row in rows}
