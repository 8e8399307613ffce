"""Saving one's profile records the privacy notice version the page showed, linked to the person."""

import pytest
from django.urls import reverse

from accounts import services
from privacy.export import personal_data
from privacy.models import NoticeAcknowledgement
from tests.factories import make_representative
from tests.privacy.notice_shown import FIELD, publish, shown_on

pytestmark = pytest.mark.django_db
PROFILE = reverse("accounts:profile")


def _data(person, **changes):
    fields = {
        "full_name": person.full_name,
        "job_title": person.job_title,
        "phone": person.phone,
        "preferred_language": person.preferred_language,
        "time_zone": person.time_zone,
    }
    return {**fields, **changes}


def test_a_profile_save_records_the_version_the_page_showed_not_a_later_one(client):
    person = make_representative()
    shown = publish("Versión que la persona leyó en su perfil")
    client.force_login(person)
    value = shown_on(client.get(PROFILE).text, "profile-form")
    assert value == str(shown.pk)
    publish("Versión publicada mientras la persona escribía")
    assert client.post(PROFILE, _data(person, phone="55 1234 5678", **{FIELD: value})).status_code == 302
    acknowledgement = NoticeAcknowledgement.objects.get()
    assert acknowledgement.point == "profile_update" and acknowledgement.person == person
    assert acknowledgement.notice == shown
    assert "Guardar el propio perfil" in client.get(reverse("privacy:my-purposes")).text


def test_a_profile_save_that_changes_nothing_or_comes_from_outside_a_page_records_no_notice(client):
    person = make_representative()
    publish()
    client.force_login(person)
    assert client.post(PROFILE, _data(person, **{FIELD: ""})).status_code == 302
    services.profile_update(user=person, phone="55 8765 4321")
    assert not NoticeAcknowledgement.objects.exists()


def test_the_notice_shown_at_a_profile_save_is_in_the_persons_export(client):
    person = make_representative()
    shown = publish()
    services.profile_update(user=person, shown=str(shown.pk), phone="55 1111 2222")
    rows = personal_data(person)["privacy.NoticeAcknowledgement"]
    assert len(rows) == 1 and rows[0]["point"] == "profile_update"
