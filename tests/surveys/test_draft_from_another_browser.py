"""An anonymous invitation opens one draft: another browser is warned and starts over only when it says so.

Invitations are per organization, so two of its representatives (or one person's laptop and phone) share one;
saving from the second browser used to leave the first one's saved answers unopenable without a word.
"""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from surveys import services
from surveys.models import Response
from surveys.services import anonymous

from .conftest import build_survey, goal

pytestmark = pytest.mark.django_db

WARNING_ES = "Ya se guardaron respuestas a esta encuesta desde otro navegador"
WARNING_EN = "Answers to this survey were already saved from another browser"
FIRST_WORDS, SECOND_WORDS = "Contacto guardado en la laptop", "Contacto escrito en el teléfono"


@pytest.fixture
def invitation(staff, org_a, rep_a):
    survey = build_survey(staff, is_anonymous=True)
    services.invitations_send(actor=staff, survey=survey)
    invitation = survey.invitations.get(organization=org_a)
    invitation.survey.q = survey.q
    return invitation


def _whole_answer(q, text):
    return {
        q["single"].pk: q["single"].options.first().pk,
        q["sdg"].pk: [goal(4)],
        q["yes_no"].pk: False,
        q["short_text"].pk: text,
    }


def _opens(invitation, secret):
    invitation.refresh_from_db()
    return anonymous.draft_values(invitation, secret, list(invitation.survey.questions.all()))


def test_the_service_keeps_another_browsers_draft_unless_told_to_replace_it(invitation):
    q = invitation.survey.q
    first, second = anonymous.new_secret(), anonymous.new_secret()
    services.response_save(
        user=None, invitation=invitation, values={q["short_text"].pk: FIRST_WORDS}, draft_secret=first
    )

    with pytest.raises(ValidationError) as refused:
        services.response_save(
            user=None, invitation=invitation, values={q["short_text"].pk: SECOND_WORDS}, draft_secret=second
        )
    assert refused.value.code == "draft_elsewhere"
    assert _opens(invitation, first) == {q["short_text"].pk: FIRST_WORDS}
    # An incomplete submission is kept as a draft: it is a save, and is refused the same way.
    with pytest.raises(ValidationError) as refused:
        services.response_save_and_submit(
            user=None, invitation=invitation, values={q["short_text"].pk: SECOND_WORDS}, draft_secret=second
        )
    assert refused.value.code == "draft_elsewhere" and not isinstance(refused.value, services.NotSubmitted)
    assert _opens(invitation, first) == {q["short_text"].pk: FIRST_WORDS}

    services.response_save(
        user=None, invitation=invitation, values={q["short_text"].pk: SECOND_WORDS}, draft_secret=second, replace=True
    )
    assert _opens(invitation, second) == {q["short_text"].pk: SECOND_WORDS}
    assert _opens(invitation, first) == {}


def test_a_whole_answer_from_another_browser_is_submitted_without_confirmation(invitation):
    q = invitation.survey.q
    first, second = anonymous.new_secret(), anonymous.new_secret()
    services.response_save(
        user=None, invitation=invitation, values={q["short_text"].pk: FIRST_WORDS}, draft_secret=first
    )
    services.response_save_and_submit(
        user=None, invitation=invitation, values=_whole_answer(q, SECOND_WORDS), draft_secret=second
    )
    invitation.refresh_from_db()
    assert invitation.has_responded and not invitation.has_draft
    texts = set(Response.objects.filter(survey=invitation.survey).values_list("answers__text", flat=True))
    assert SECOND_WORDS in texts and FIRST_WORDS not in texts


def _save_post(q, text, **extra):
    return {f"q{q['short_text'].pk}": text, "save": "1", **extra}


@pytest.mark.parametrize(("language", "warning"), [("es-mx", WARNING_ES), ("en", WARNING_EN)])
def test_the_second_browser_is_warned_and_saves_only_once_it_ticks_start_over(client, invitation, language, warning):
    q = invitation.survey.q
    url = invitation.get_absolute_url()
    laptop, phone = Client(HTTP_ACCEPT_LANGUAGE=language), Client(HTTP_ACCEPT_LANGUAGE=language)
    assert laptop.post(url, _save_post(q, FIRST_WORDS)).status_code == 302
    first_page = laptop.get(url).content.decode()
    assert FIRST_WORDS in first_page and warning not in first_page and 'name="replace_draft"' not in first_page

    page = phone.get(url).content.decode()
    assert warning in page and 'name="replace_draft"' in page and FIRST_WORDS not in page

    refused = phone.post(url, _save_post(q, SECOND_WORDS))
    assert refused.status_code == 200
    text = refused.content.decode()
    assert warning in text and SECOND_WORDS in text  # said again, and what was typed is kept
    assert f"axs_draft_{invitation.pk}" not in refused.cookies
    assert FIRST_WORDS in laptop.get(url).content.decode()

    saved = phone.post(url, _save_post(q, SECOND_WORDS, replace_draft="1"))
    assert saved.status_code == 302
    page = phone.get(url).content.decode()
    assert SECOND_WORDS in page and warning not in page
    page = laptop.get(url).content.decode()
    assert FIRST_WORDS not in page and warning in page  # now the laptop is the other browser


def test_the_second_browser_submits_a_whole_answer_without_ticking(invitation):
    q = invitation.survey.q
    url = invitation.get_absolute_url()
    laptop, phone = Client(), Client()
    laptop.post(url, _save_post(q, FIRST_WORDS))
    answer = {
        f"q{q['single'].pk}": q["single"].options.first().pk,
        f"q{q['sdg'].pk}_1": goal(4),
        f"q{q['yes_no'].pk}": "no",
        f"q{q['short_text'].pk}": SECOND_WORDS,
        "submit": "1",
    }
    done = phone.post(url, answer)
    assert done.status_code == 302 and done.url.endswith("/gracias/")
    assert Response.objects.filter(survey=invitation.survey, answers__text=SECOND_WORDS).exists()
