"""The same survey link submitted twice at once: what is stored is what the person thanked sent.

Runs on PostgreSQL (row locks between connections); each submission runs in a thread of its own.
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from surveys import services
from surveys.models import Answer, Response, ResponseStatus, SurveyInvitation

from .test_answering import complete_values

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def invitation(survey, staff, rep_a):
    services.invitations_send(actor=staff, survey=survey)
    return SurveyInvitation.objects.get(survey=survey, organization=rep_a.representations.get().organization)


def submit_at_once(user, invitation, values_per_request):
    """Submit each set of values from its own thread, all released together; return each outcome."""
    start = threading.Barrier(len(values_per_request))
    outcomes = [None] * len(values_per_request)

    def submit(index, values):
        try:
            start.wait()
            services.response_save_and_submit(user=user, invitation=invitation, values=values)
            outcomes[index] = "thanked"
        except ValidationError as error:
            outcomes[index] = error.code
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=pair) for pair in enumerate(values_per_request)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_two_simultaneous_submissions_store_the_answers_of_the_one_told_thank_you(survey, invitation, rep_a):
    if connection.vendor != "postgresql":
        pytest.skip("Row locks between connections need PostgreSQL.")
    scale, number = survey.q["scale"], survey.q["number"]
    for _round in range(10):
        first = {**complete_values(survey), scale.pk: 1, number.pk: "111"}
        second = {**complete_values(survey), scale.pk: 5, number.pk: "555"}
        outcomes = submit_at_once(rep_a, invitation, [first, second])
        assert sorted(outcomes) == ["already_submitted", "thanked"], outcomes
        thanked = first if outcomes[0] == "thanked" else second
        response = Response.objects.get(invitation=invitation)
        assert response.status == ResponseStatus.SUBMITTED
        stored = {
            a.question_id: a.number for a in Answer.objects.filter(response=response, question__in=[scale, number])
        }
        assert stored == {scale.pk: thanked[scale.pk], number.pk: int(thanked[number.pk])}
        # Open the link again for the next round.
        Response.objects.filter(invitation=invitation).delete()
        SurveyInvitation.objects.filter(pk=invitation.pk).update(responded_at=None)
