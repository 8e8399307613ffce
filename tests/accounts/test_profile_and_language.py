"""The profile with preferred language, the language switch, and locale formatting."""

import datetime

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from audit.models import AuditEvent
from tests.factories import make_representative

pytestmark = pytest.mark.django_db
PROFILE = reverse("accounts:profile")
SWITCH = reverse("accounts:set-language")


def test_pages_are_in_mexican_spanish_by_default(client):
    response = client.get(reverse("home"))
    content = response.content.decode()
    assert '<html lang="es-mx">' in content
    assert "Alianza por la Sostenibilidad" in content
    assert "Iniciar sesión" in content


def test_the_language_switch_turns_pages_into_english_and_keeps_the_page(client):
    response = client.post(SWITCH, {"language": "en", "next": "/ods/"})
    assert response.status_code == 302
    assert response.url == "/ods/"
    content = client.get("/ods/").content.decode()
    assert '<html lang="en">' in content
    assert "Sustainable Development Goals" in content
    assert "Affordable and clean energy" in content


def test_browser_language_is_honoured_for_anonymous_visitors(client):
    content = client.get("/", headers={"accept-language": "en-US,en;q=0.9"}).content.decode()
    assert '<html lang="en">' in content


def test_a_signed_in_person_switching_language_keeps_it_on_their_profile(client):
    user = make_representative()
    client.force_login(user)
    client.post(SWITCH, {"language": "en", "next": "/"})
    user.refresh_from_db()
    assert user.preferred_language == "en"


def test_the_profiles_language_wins_after_signing_in_anywhere(client):
    user = make_representative(preferred_language="en")
    client.force_login(user)
    assert '<html lang="en">' in client.get("/", headers={"accept-language": "es-MX"}).content.decode()


def test_an_unknown_language_is_ignored(client):
    user = make_representative()
    client.force_login(user)
    client.post(SWITCH, {"language": "xx", "next": "/"})
    user.refresh_from_db()
    assert user.preferred_language == "es-mx"


def test_profile_requires_sign_in(client):
    response = client.get(PROFILE)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_profile_saves_details_and_records_what_changed(client):
    user = make_representative(full_name="Nombre Viejo")
    client.force_login(user)
    response = client.post(
        PROFILE,
        {
            "full_name": "Nombre Nuevo",
            "job_title": "Directora",
            "phone": "+52 55 1234 5678",
            "preferred_language": "en",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.full_name, user.preferred_language) == ("Nombre Nuevo", "en")
    event = AuditEvent.objects.get(action=AuditEvent.Action.UPDATED, actor=user)
    assert event.changes["full_name"] == ["Nombre Viejo", "Nombre Nuevo"]


def test_profile_keeps_what_was_typed_when_a_field_is_wrong(client):
    client.force_login(make_representative())
    response = client.post(PROFILE, {"full_name": "", "job_title": "Gerente de RSE", "preferred_language": "es-mx"})
    assert response.status_code == 200
    assert "Gerente de RSE" in response.content.decode()
    assert "Este campo es obligatorio" in response.content.decode()


def test_profile_cannot_change_role_or_email(client):
    user = make_representative(email="me@b.example")
    client.force_login(user)
    client.post(
        PROFILE,
        {"full_name": "X", "preferred_language": "es-mx", "role": "staff", "email": "other@b.example"},
    )
    user.refresh_from_db()
    assert user.role == User.Role.REPRESENTATIVE
    assert user.email == "me@b.example"


@pytest.mark.parametrize(
    ("language", "expected_date", "expected_number"),
    [("es-mx", "21 de noviembre de 2026", "1,234,567.5"), ("en", "November 21, 2026", "1,234,567.5")],
)
def test_dates_and_numbers_are_formatted_for_the_language(language, expected_date, expected_number):
    template = Template('{% load humanize %}{{ day|date:"DATE_FORMAT" }}|{{ amount|floatformat:"1g" }}')
    with translation.override(language):
        rendered = template.render(Context({"day": datetime.date(2026, 11, 21), "amount": 1234567.5}))
    assert rendered == f"{expected_date}|{expected_number}"


def test_profile_keeps_the_time_zone_chosen_and_refuses_one_that_is_not(client):
    user = make_representative(full_name="Zona")
    client.force_login(user)
    fields = {"full_name": "Zona", "preferred_language": "es-mx"}
    assert client.post(PROFILE, {**fields, "time_zone": "America/Tijuana"}).status_code == 302
    user.refresh_from_db()
    assert user.time_zone == "America/Tijuana"
    response = client.post(PROFILE, {**fields, "time_zone": "Marte/Base_Uno"})
    assert response.status_code == 200
    assert "Marte/Base_Uno" in response.content.decode()  # named in the error, nothing saved
    user.refresh_from_db()
    assert user.time_zone == "America/Tijuana"


def test_the_time_zone_is_typed_and_suggested_and_a_city_is_enough(client):
    user = make_representative(full_name="Zona")
    client.force_login(user)
    page = client.get(PROFILE).content.decode()
    assert 'list="id_time_zone-suggestions"' in page
    assert '<datalist id="id_time_zone-suggestions">' in page
    assert '<option value="America/Tijuana"></option>' in page
    fields = {"full_name": "Zona", "preferred_language": "es-mx"}
    assert client.post(PROFILE, {**fields, "time_zone": " mexico city "}).status_code == 302
    user.refresh_from_db()
    assert user.time_zone == "America/Mexico_City"
    response = client.post(PROFILE, {**fields, "time_zone": "Santa"})  # no zone is called that
    assert "Santa no es una zona horaria." in response.content.decode()
    assert 'value="Santa"' in response.content.decode()  # what was typed stays in the box
    assert client.post(PROFILE, {**fields, "time_zone": ""}).status_code == 302  # left blank: unchanged
    user.refresh_from_db()
    assert user.time_zone == "America/Mexico_City"


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Cancún", "America/Cancun"),
        ("Ciudad de México", "America/Mexico_City"),
        ("ciudad juárez", "America/Ciudad_Juarez"),
        ("Buenos Aires", "America/Argentina/Buenos_Aires"),  # an old and a current name of one zone
        ("Port au Prince", "America/Port-au-Prince"),
        ("Etc/GMT-6", "Etc/GMT-6"),  # the whole name, as written
        ("GMT-6", None),  # Etc/GMT-6 is six hours ahead of UTC: never guessed from this
        ("West", None),  # Australia/West and Brazil/West keep different times
        ("Factory", None),
    ],
)
def test_a_time_zone_is_found_by_what_people_write(typed, zone):
    from accounts.models import find_time_zone

    assert find_time_zone(typed) == zone


def test_a_profile_whose_stored_zone_is_gone_saves_with_the_sites_zone(client, settings):
    user = make_representative(full_name="Zona")
    User.objects.filter(pk=user.pk).update(time_zone="localtime")
    client.force_login(user)
    response = client.post(PROFILE, {"full_name": "Zona", "preferred_language": "es-mx", "time_zone": ""})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.time_zone == settings.TIME_ZONE
