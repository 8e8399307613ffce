"""An agreement's due date is a plausible day, not before the session where it was taken."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from committees import services
from committees.models import Agreement
from tests.factories import make_session

pytestmark = pytest.mark.django_db

D = datetime.date


def agree(secretary, session, due_on):
    return services.agreement_create(
        actor=secretary,
        session=session,
        description="Enviar el mapeo de programas",
        responsible_organization=secretary.representations.get().organization,
        responsible_person=None,
        due_on=due_on,
    )


@pytest.mark.parametrize(
    ("due_on", "code"),
    [(D(1, 1, 1), "implausible_date"), (D(9999, 12, 31), "implausible_date"), (None, "due_before_session")],
)
def test_an_agreement_due_on_an_implausible_day_or_before_its_session_is_refused(committee, secretary, due_on, code):
    session = make_session(committee, days_from_now=-10)
    due_on = due_on or session.starts_on - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        agree(secretary, session, due_on)
    assert error.value.error_dict["due_on"][0].code == code
    assert not Agreement.objects.exists()


def test_following_an_agreement_up_refuses_a_new_due_date_before_its_session(committee, secretary):
    session = make_session(committee, days_from_now=-10)
    agreement = agree(secretary, session, session.starts_on)
    for due_on, code in (
        (session.starts_on - datetime.timedelta(days=3), "due_before_session"),
        (D(1, 1, 1), "implausible_date"),
    ):
        with pytest.raises(ValidationError) as error:
            services.agreement_update(actor=secretary, agreement=agreement, due_on=due_on)
        assert error.value.error_dict["due_on"][0].code == code
    assert Agreement.objects.get().due_on == session.starts_on
    services.agreement_update(actor=secretary, agreement=agreement, due_on=timezone.localdate())
    assert Agreement.objects.get().due_on == timezone.localdate()


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("es-mx", "La fecha límite no puede ser anterior al día de la sesión."),
        ("en", "The due date cannot come before the day of the session."),
    ],
)
def test_the_agreement_page_says_why_a_due_date_before_the_session_is_refused(
    client, committee, secretary, language, message
):
    session = make_session(committee, days_from_now=-10)
    secretary.preferred_language = language
    secretary.save(update_fields=["preferred_language"])
    client.force_login(secretary)
    early = (session.starts_on - datetime.timedelta(days=2)).isoformat()
    response = client.post(
        reverse("committees:agreement-create", args=[session.pk]),
        {
            "description": "Enviar el mapeo de programas",
            "responsible_organization": secretary.representations.get().organization.pk,
            "due_on": early,
            "status": "pending",
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert f'value="{early}"' in response.content.decode()
    assert not Agreement.objects.exists()
