"""Anonymous survey results: a survey or question answered by fewer than 5 respondents is left out."""

from django.utils import timezone

from opendata.datasets.surveys import MIN_ANONYMOUS_RESPONDENTS
from surveys.services import survey_counts_rebuild

from .helpers import all_formats


def _closed_anonymous_survey():
    from surveys.models import Response, Survey

    # The demo's surveys are named: make the closed survey with responses anonymous.
    survey = (
        Survey.objects.filter(published_at__isnull=False, closes_at__lte=timezone.now(), responses__isnull=False)
        .order_by("pk")
        .first()
    )
    assert survey is not None, "the demo has a closed survey with responses"
    Survey.objects.filter(pk=survey.pk).update(is_anonymous=True)
    return survey, Response.objects.filter(survey=survey)


def test_anonymous_survey_with_few_respondents_is_left_out(demo, client):
    survey, responses = _closed_anonymous_survey()
    keep = list(responses.order_by("pk").values_list("pk", flat=True)[: MIN_ANONYMOUS_RESPONDENTS - 1])
    responses.exclude(pk__in=keep).delete()
    survey_counts_rebuild(survey)  # the results read counts kept by the services; this test wrote around them
    rows = all_formats(client, "resultados-encuestas")["csv"][1]
    assert str(survey.pk) not in {row[0] for row in rows}
