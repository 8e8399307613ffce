"""A request's history shows its fixed sentences in the reader's language, not in the language of whoever acted."""

import pytest
from django.utils import translation
from django.utils.html import escape

from audit.models import AuditEvent
from privacy import services
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db

SENTENCES = {
    "en": (
        "Filed while signed in to the person's own account.",
        "A text was given; it is kept on the request, not in this record.",
    ),
    "es-mx": (
        "Presentada con la sesión iniciada en la cuenta de la persona.",
        "Se dio un texto; se guarda en la solicitud, no en este registro.",
    ),
}
OTHER = {"en": "es-mx", "es-mx": "en"}


def _file_and_extend(language):
    """File signed in and have staff extend the term, both acting in ``language``."""
    person = make_representative(preferred_language=language)
    with translation.override(language):
        rights_request = services.request_file(user=person, right="access", details="Todo.", channel="email")
        services.request_extend(actor=make_staff(), rights_request=rights_request, reason="Carga de trabajo.")
    return person, rights_request


def _page(client, person, rights_request, language):
    person.preferred_language = language
    person.save(update_fields=["preferred_language"])
    client.force_login(person)
    return client.get(rights_request.get_absolute_url()).text


@pytest.mark.parametrize("acting", ["es-mx", "en"])
def test_the_sentences_are_stored_once_whatever_the_actors_language(acting):
    _person, rights_request = _file_and_extend(acting)
    messages = set(AuditEvent.objects.filter(target_id=str(rights_request.pk)).values_list("message", flat=True))
    assert set(SENTENCES["en"]) <= messages
    assert not set(SENTENCES["es-mx"]) & messages


@pytest.mark.parametrize("acting", ["es-mx", "en"])
def test_the_requester_reads_the_history_in_their_own_language(client, acting):
    person, rights_request = _file_and_extend(acting)
    reading = OTHER[acting]
    page = _page(client, person, rights_request, reading)
    for sentence in SENTENCES[reading]:
        assert escape(sentence) in page
    for sentence in SENTENCES[acting]:
        assert escape(sentence) not in page


@pytest.mark.parametrize("stored", ["es-mx", "en"])
@pytest.mark.parametrize("reading", ["es-mx", "en"])
def test_rows_stored_before_in_either_language_read_in_the_readers_language(client, monkeypatch, stored, reading):
    # Recorded as before sentences were stored as msgids: in the actor's language. (Written, not updated
    # afterwards: on PostgreSQL a trigger refuses any change to an audit event.)
    monkeypatch.setattr("audit.services.stored_message", translation.gettext)
    person, rights_request = _file_and_extend(stored)
    messages = set(AuditEvent.objects.filter(target_id=str(rights_request.pk)).values_list("message", flat=True))
    assert set(SENTENCES[stored]) <= messages
    monkeypatch.undo()
    page = _page(client, person, rights_request, reading)
    for sentence in SENTENCES[reading]:
        assert escape(sentence) in page
    if stored != reading:
        for sentence in SENTENCES[stored]:
            assert escape(sentence) not in page
