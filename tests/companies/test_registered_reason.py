""" "Registered in the alliance." is stored as its msgid and read in the reader's language, whoever registered."""

import importlib

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from companies.models import ParticipationChange
from tests.factories import make_organization

pytestmark = pytest.mark.django_db


def _history(client, staff, organization, language):
    staff.preferred_language = language
    staff.save(update_fields=["preferred_language"])
    client.force_login(staff)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(reverse("companies:organization-detail", args=[organization.pk])).content.decode()


def test_an_organization_registered_in_english_reads_in_spanish_to_a_spanish_reader(client, staff):
    with translation.override("en"):
        organization = make_organization(actor=staff, legal_name="Gamma Circular, S.A. de C.V.", status="invited")
    assert ParticipationChange.objects.get(organization=organization).reason == "Registered in the alliance."
    assert "Registrada en la alianza." in _history(client, staff, organization, "es-mx")
    assert "Registered in the alliance." in _history(client, staff, organization, "en")


def test_a_row_stored_in_spanish_is_converted_and_read_in_english(client, staff):
    with translation.override("es-mx"):
        organization = make_organization(actor=staff, legal_name="Gamma Circular, S.A. de C.V.", status="invited")
    ParticipationChange.objects.filter(organization=organization).update(reason="Registrada en la alianza.")
    importlib.import_module("companies.migrations.0008_registered_reason_msgid").forwards(apps, None)
    assert ParticipationChange.objects.get(organization=organization).reason == "Registered in the alliance."
    assert "Registered in the alliance." in _history(client, staff, organization, "en")


def test_only_the_known_sentence_is_translated_a_written_reason_stays_as_written(staff):
    change = ParticipationChange(reason="Registrada en la alianza.")
    with translation.override("en"):
        assert change.shown_reason == "Registered in the alliance."  # Read as well before the migration ran.
        assert ParticipationChange(reason="Dejó de responder.").shown_reason == "Dejó de responder."
        assert ParticipationChange(reason="").shown_reason == ""
