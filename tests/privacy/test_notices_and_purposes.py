"""Privacy notices in versions, consent and opposition per purpose, and the uses that honour it at once."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from axs_platform import purposes
from committees.documents import minutes_context
from committees.models import Attendance, Minutes
from privacy import services
from privacy.models import DeadlinePolicy, PurposeChoice
from privacy.selectors import current_choices
from tests.factories import make_representative, make_staff
from tests.privacy.notice_shown import FIELD, publish, shown_on

pytestmark = pytest.mark.django_db


def test_notices_are_published_as_versions_and_shown_where_data_is_collected(client):
    staff = make_staff()
    services.notice_publish(actor=staff, kind="simplified", text_es="Aviso breve uno.", text_en="Short one.")
    second = services.notice_publish(actor=staff, kind="simplified", text_es="Aviso breve dos.", text_en="Short two.")
    services.notice_publish(actor=staff, kind="full", text_es="Aviso integral completo.", text_en="Full notice.")
    assert second.version == 2
    page = client.get(reverse("privacy:request-file")).text
    assert "Aviso breve dos." in page and "Aviso breve uno." not in page
    assert "Aviso integral completo." in client.get(reverse("privacy")).text
    client.force_login(make_representative())
    assert "Aviso breve dos." in client.get(reverse("accounts:profile")).text


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "es",
            ["formulario de solicitudes de datos personales", "(portabilidad)", "15 días hábiles", "4 días hábiles"],
        ),
        ("en", ["personal data request form", "(portability)", "15 business days", "4 business days"]),
    ],
)
def test_the_built_in_full_notice_names_the_request_form_portability_and_the_terms_in_force(client, language, words):
    DeadlinePolicy.objects.update_or_create(pk=1, defaults={"answer_days": 15, "extension_days": 4})
    page = client.get(reverse("privacy"), HTTP_ACCEPT_LANGUAGE=language).text
    assert all(word in page for word in words)
    assert f'href="{reverse("privacy:request-file")}"' in page and f'href="{reverse("privacy:my-purposes")}"' in page
    assert "escribiendo al personal de la alianza" not in page


def test_only_staff_publish_notices_and_a_bad_form_keeps_its_text(client):
    url = reverse("privacy:notices")
    client.force_login(make_representative())
    assert client.get(url).status_code == 403
    client.force_login(make_staff())
    response = client.post(url, {"kind": "full", "text_es": "Texto a medias", "text_en": ""})
    assert response.status_code == 400 and "Texto a medias" in response.text
    assert client.post(url, {"kind": "full", "text_es": "Uno", "text_en": "One"}).status_code == 302


def test_a_person_opposes_and_consents_per_purpose_with_the_notice_version_recorded(client):
    staff, person = make_staff(), make_representative()
    notice = services.notice_publish(actor=staff, kind="simplified", text_es="Breve.", text_en="Short.")
    client.force_login(person)
    response = client.post(reverse("privacy:my-purposes"), {"directory": "on", "named_in_minutes": "on"})
    assert response.status_code == 302
    assert current_choices(person) == {"directory": True, "reminders": False, "named_in_minutes": True}
    choice = PurposeChoice.objects.get(person=person)
    assert choice.purpose == "reminders" and not choice.allowed and choice.notice == notice
    assert AuditEvent.objects.filter(action="privacy.purposes_changed", target_id=str(person.pk)).exists()
    assert purposes.opposing_among(purposes.REMINDERS, [person.pk, staff.pk]) == {person.pk}
    services.purposes_set(person=person, choices={"reminders": True})  # consent again: effective at once
    assert purposes.opposing_among(purposes.REMINDERS, [person.pk]) == set()
    assert PurposeChoice.objects.filter(person=person).count() == 2  # the history stays
    assert "Recibir boletines y recordatorios" in client.get(reverse("privacy:my-purposes")).text


def test_the_consent_page_records_the_notice_version_it_showed_not_one_published_before_the_post(client):
    person = make_representative()
    shown = publish("Versión que la persona leyó")
    client.force_login(person)
    url = reverse("privacy:my-purposes")
    value = shown_on(client.get(url).text, "purposes-form")
    assert value == str(shown.pk)
    publish("Versión publicada mientras la persona elegía")
    assert client.post(url, {"directory": "on", FIELD: value}).status_code == 302
    choices = PurposeChoice.objects.filter(person=person)
    assert {choice.purpose for choice in choices} == {"reminders", "named_in_minutes"}
    assert all(choice.notice == shown for choice in choices)


def test_published_minutes_count_but_do_not_name_who_opposes(demo):
    minutes = Minutes.objects.filter(status="approved").select_related("session").first()
    row = Attendance.objects.filter(session=minutes.session, status="present").select_related("person").first()
    before = minutes_context(minutes.session)
    services.purposes_set(person=row.person, choices={"named_in_minutes": False})
    after = minutes_context(minutes.session)
    assert after["summary"] == before["summary"] and len(after["present"]) == len(before["present"])
    withheld = [r for r in after["present"] if r.name_withheld]
    assert [r.person_id for r in withheld] == [row.person_id]
