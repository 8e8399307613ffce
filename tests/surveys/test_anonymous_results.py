"""An anonymous survey's answers wait for its close and five respondents: on the page, the exports and the API.

Its invitations say which organization has answered; with live results, the difference between two looks
on either side of one invitation turning "answered" is that organization's answers. For the same reason, once
they have been shown the survey cannot be reopened.
"""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from surveys import selectors, services
from surveys.models import Survey
from surveys.services import anonymous
from tests.api.helpers import client_for, issue
from tests.factories import make_member, make_organization

from .conftest import build_survey

SECRET_WORDS = "Nos parece mal el reparto"


def _answered_by(staff, survey, count):
    people = [
        make_member(make_organization(actor=staff, legal_name=f"Respondiente {survey.pk}-{index}, S.A."))
        for index in range(count)
    ]
    services.invitations_send(actor=staff, survey=survey)
    q = survey.q
    for person in people:
        invitation = survey.invitations.get(organization__representatives__user=person)
        values = {
            q["single"].pk: q["single"].options.first().pk,
            q["sdg"].pk: [1],
            q["short_text"].pk: SECRET_WORDS,
            q["yes_no"].pk: False,
        }
        extra = {"draft_secret": anonymous.new_secret()} if survey.is_anonymous else {}
        services.response_save_and_submit(user=person, invitation=invitation, values=values, **extra)


def _close(survey):
    Survey.objects.filter(pk=survey.pk).update(closes_at=timezone.now())
    survey.refresh_from_db()


def _seen(client, survey):
    """What staff get: the results page's text, the CSV export's status, the API's detail."""
    page = client.get(reverse("surveys:results", args=[survey.pk])).content.decode()
    export = client.get(reverse("surveys:export-csv", args=[survey.pk]))
    return page, export


@pytest.mark.parametrize("count", [1, selectors.MIN_ANONYMOUS_RESPONDENTS])
def test_while_an_anonymous_survey_is_open_nobody_reads_its_answers(client, staff, count):
    survey = build_survey(staff, is_anonymous=True)
    _answered_by(staff, survey, count)
    client.force_login(staff)
    page, export = _seen(client, survey)
    assert "sus respuestas se muestran cuando haya cerrado" in page
    assert SECRET_WORDS not in page and "Exportar a CSV" not in page
    assert export.status_code == 302 and export["Location"] == reverse("surveys:results", args=[survey.pk])
    _token, key = issue(staff, staff=staff)
    body = client_for(key).get(f"/api/v1/surveys/{survey.pk}/").json()
    assert (body["results_withheld"], body["questions"], body["respondents"]) == ("open", [], count)


def test_a_closed_anonymous_survey_with_fewer_than_five_respondents_stays_withheld(client, staff):
    survey = build_survey(staff, is_anonymous=True)
    _answered_by(staff, survey, selectors.MIN_ANONYMOUS_RESPONDENTS - 1)
    _close(survey)
    client.force_login(staff)
    page, export = _seen(client, survey)
    assert "la respondieron menos de 5 organizaciones" in page and SECRET_WORDS not in page
    assert export.status_code == 302


def test_a_closed_anonymous_survey_with_five_respondents_and_any_named_survey_show_their_answers(client, staff):
    unnamed = build_survey(staff, is_anonymous=True)
    _answered_by(staff, unnamed, selectors.MIN_ANONYMOUS_RESPONDENTS)
    _close(unnamed)
    named = build_survey(staff, title_es="Nominal")
    _answered_by(staff, named, 1)  # open, one answer: the organization's name is on it anyway
    client.force_login(staff)
    for survey in (unnamed, named):
        page, export = _seen(client, survey)
        assert SECRET_WORDS in page and "Exportar a CSV" in page
        assert export.status_code == 200 and SECRET_WORDS in export.getvalue().decode("utf-8-sig")


REOPEN_REFUSED_ES = "Una encuesta anónima no puede reabrirse una vez mostrados sus resultados"


def _closed_with(staff, count, **fields):
    survey = build_survey(staff, **fields)
    _answered_by(staff, survey, count)
    services.survey_close(actor=staff, survey=survey)
    survey.refresh_from_db()
    return survey


def test_an_anonymous_survey_whose_results_were_shown_cannot_be_reopened(client, staff):
    survey = _closed_with(staff, selectors.MIN_ANONYMOUS_RESPONDENTS, is_anonymous=True)
    client.force_login(staff)
    page, export = _seen(client, survey)
    assert SECRET_WORDS in page and export.status_code == 200
    closed_at = survey.closes_at

    with pytest.raises(ValidationError) as refused:
        services.survey_update(actor=staff, survey=survey, closes_at=timezone.now() + timedelta(days=7))
    assert refused.value.error_dict["closes_at"][0].code == "reopen_anonymous"
    survey.refresh_from_db()
    assert survey.closes_at == closed_at and not survey.is_open
    # Its wording may still change.
    services.survey_update(actor=staff, survey=survey, title_en="Alliance priorities, 2026")
    survey.refresh_from_db()
    assert survey.title_en == "Alliance priorities, 2026" and survey.closes_at == closed_at


def test_an_anonymous_survey_closed_below_the_threshold_and_a_named_one_may_be_reopened(staff):
    unshown = _closed_with(staff, selectors.MIN_ANONYMOUS_RESPONDENTS - 1, is_anonymous=True)
    named = _closed_with(staff, selectors.MIN_ANONYMOUS_RESPONDENTS, title_es="Nominal")
    for survey in (unshown, named):
        services.survey_update(actor=staff, survey=survey, closes_at=timezone.now() + timedelta(days=7))
        survey.refresh_from_db()
        assert survey.is_open
    assert selectors.results_withheld(unshown, selectors.respondent_count(unshown)) == "open"


def test_an_open_anonymous_survey_may_still_close_later(staff):
    survey = build_survey(staff, is_anonymous=True)
    _answered_by(staff, survey, selectors.MIN_ANONYMOUS_RESPONDENTS)
    later = survey.closes_at + timedelta(days=7)
    services.survey_update(actor=staff, survey=survey, closes_at=later)
    survey.refresh_from_db()
    assert survey.closes_at == later and survey.is_open


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("es-mx", REOPEN_REFUSED_ES),
        ("en", "An anonymous survey cannot be reopened once its results have been shown"),
    ],
)
def test_the_edit_page_refuses_to_reopen_it_next_to_the_closing_date_and_keeps_what_was_typed(
    client, staff, language, words
):
    survey = _closed_with(staff, selectors.MIN_ANONYMOUS_RESPONDENTS, is_anonymous=True)
    staff.preferred_language = language
    staff.save(update_fields=["preferred_language"])
    client.force_login(staff)
    later = f"{timezone.localtime() + timedelta(days=7):%Y-%m-%dT18:00}"
    typed = {
        "title_es": "Prioridades, segunda vuelta",
        "title_en": "Priorities, second round",
        "description_es": "",
        "description_en": "",
        "closes_at": later,
    }
    response = client.post(reverse("surveys:survey-update", args=[survey.pk]), typed)
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["closes_at"] and words in form.errors["closes_at"][0]
    page = response.content.decode()
    assert words in page
    assert 'value="Prioridades, segunda vuelta"' in page and f'value="{later}"' in page
    survey.refresh_from_db()
    assert survey.title_es == "Prioridades de la alianza" and not survey.is_open
