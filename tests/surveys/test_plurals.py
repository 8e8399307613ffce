"""One reminder, one response: the messages and chart descriptions use the singular."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from surveys import services
from surveys.views.results import question_chart

pytestmark = pytest.mark.django_db


def test_one_reminder_is_written_in_the_singular(client, staff, survey, rep_a):
    services.invitations_send(actor=staff, survey=survey)
    survey.invitations.update(sent_at=timezone.now() - timedelta(days=2))
    client.force_login(staff)
    response = client.post(reverse("surveys:reminder-send", args=[survey.pk]), follow=True)
    text = " ".join(str(message) for message in response.context["messages"])
    assert "Se envió 1 recordatorio." in text


@pytest.mark.parametrize(
    ("language", "words"),
    [("es-mx", "1 respuesta contestó esta pregunta."), ("en", "1 response answered this question.")],
)
def test_a_chart_of_one_response_is_described_in_the_singular(survey, language, words):
    result = {
        "question": survey.q["single"],
        "rows": [{"label": "Educación", "count": 1, "percent": 100}],
        "answered": 1,
    }
    with translation.override(language):
        assert words in str(question_chart(result))
