"""The notice version shown where a request is filed is recorded with it; the one service behind every point,
the access export and a cancellation."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from privacy import services
from privacy.export import personal_data
from privacy.models import NoticeAcknowledgement, PrivacyNotice, RightsRequest
from tests.factories import make_representative, make_staff

from .notice_shown import FIELD, publish, shown_on

pytestmark = pytest.mark.django_db
# The person is in the audit trail (they filed signed in), a record the law keeps.
KEPT = "Ley General de Archivos."

FILING = {"full_name": "Ana Ruiz", "email": "ana@example.org", "right": "access", "details": "x", "channel": "email"}


def test_a_request_filed_without_an_account_records_the_version_its_form_showed(client):
    shown = publish("Aviso para solicitudes", "Notice for requests")
    page = client.get(reverse("privacy:request-file")).content.decode()
    assert "Aviso para solicitudes" in page
    value = shown_on(page, "request-form")
    publish("Otro aviso")
    assert client.post(reverse("privacy:request-file"), {**FILING, FIELD: value}).status_code == 302
    acknowledgement = NoticeAcknowledgement.objects.get()
    assert acknowledgement.point == "rights_request" and acknowledgement.person is None
    assert acknowledgement.rights_request == RightsRequest.objects.get() and acknowledgement.notice == shown


def test_a_signed_in_filing_records_the_person_and_the_form_shows_the_notice_in_english(client):
    person = make_representative(preferred_language="en")
    shown = publish("Aviso para solicitudes", "Notice for requests")
    client.force_login(person)
    page = client.get(reverse("privacy:request-file")).content.decode()
    assert "Notice for requests" in page and "version 1" in page
    data = {"right": "access", "details": "x", "channel": "platform", FIELD: shown_on(page, "request-form")}
    assert client.post(reverse("privacy:request-file"), data).status_code == 302
    acknowledgement = NoticeAcknowledgement.objects.get()
    assert acknowledgement.person == person and acknowledgement.notice == shown


def test_before_any_notice_is_published_the_built_in_text_is_recorded_as_no_version(client):
    page = client.get(reverse("privacy:request-file")).content.decode()
    value = shown_on(page, "request-form")
    assert value == ""
    publish()  # published after the page was shown: the person read the built-in text
    client.post(reverse("privacy:request-file"), {**FILING, FIELD: value})
    assert NoticeAcknowledgement.objects.get().notice is None


def test_a_form_posting_no_version_or_one_that_is_not_a_simplified_notice_records_the_current_one(client):
    publish()
    current = publish("Vigente")
    full = services.notice_publish(actor=make_staff(), kind="full", text_es="Integral", text_en="Full")
    client.post(reverse("privacy:request-file"), FILING)
    client.post(reverse("privacy:request-file"), {**FILING, "right": "opposition", FIELD: str(full.pk)})
    client.post(reverse("privacy:request-file"), {**FILING, "right": "portability", FIELD: "nada"})
    client.post(reverse("privacy:request-file"), {**FILING, "right": "cancellation", FIELD: "9" * 30})
    assert [ack.notice for ack in NoticeAcknowledgement.objects.all()] == [current] * 4


def test_a_refused_duplicate_records_no_second_notice(client):
    value = str(publish().pk)
    client.force_login(make_representative())
    client.post(reverse("privacy:request-file"), {**FILING, FIELD: value})
    response = client.post(reverse("privacy:request-file"), {**FILING, FIELD: value})
    assert response.status_code == 200 and RightsRequest.objects.count() == 1
    assert NoticeAcknowledgement.objects.count() == 1


def test_filing_outside_a_page_records_no_notice():
    publish()
    services.request_file(user=make_representative(), right="access", details="x", channel="email")
    assert not NoticeAcknowledgement.objects.exists()


def test_the_database_keeps_each_point_linked_to_its_own_record():
    person = make_representative()
    rights_request = services.request_file(user=person, right="access", details="x", channel="email")
    with pytest.raises(IntegrityError), transaction.atomic():
        NoticeAcknowledgement.objects.create(person=person, point="proposal_submit", rights_request=rights_request)
    with pytest.raises(IntegrityError), transaction.atomic():
        NoticeAcknowledgement.objects.create(point="survey_answer")


def test_the_access_export_gives_the_notices_shown_in_the_persons_language():
    person = make_representative(email="lu@example.org")
    shown = publish()
    services.request_file(user=None, **{**FILING, "email": "LU@example.org"}, notice_shown=str(shown.pk))
    services.request_file(user=person, right="portability", details="x", channel="email", notice_shown="")
    rows = personal_data(person)["privacy.NoticeAcknowledgement"]
    assert len(rows) == 2, "the one filed without an account is found by the address it names"
    assert {row["notice_id"] for row in rows} == {shown.pk, None}
    with translation.override("es"):
        shown_as = {row["shown_as"] for row in personal_data(person)["privacy.NoticeAcknowledgement"]}
        assert shown_as == {
            "Presentar una solicitud de datos personales: Aviso simplificado v1",
            "Presentar una solicitud de datos personales: texto incluido en la plataforma",
        }
        assert str(NoticeAcknowledgement._meta.verbose_name_plural) == "avisos de privacidad mostrados"
    with translation.override("en"):
        shown_as = {row["shown_as"] for row in personal_data(person)["privacy.NoticeAcknowledgement"]}
        assert shown_as == {
            "Filing a personal data request: Simplified notice v1",
            "Filing a personal data request: built-in text",
        }


def test_a_cancellation_keeps_the_notices_shown_with_the_anonymized_account(django_capture_on_commit_callbacks):
    person = make_representative(email="borra@example.org")
    shown = publish()
    rights_request = services.request_file(
        user=person, right="cancellation", details="Borren mis datos.", channel="email", notice_shown=str(shown.pk)
    )
    before = list(NoticeAcknowledgement.objects.values_list("pk", "person", "point", "notice", "rights_request"))
    with django_capture_on_commit_callbacks(execute=True):
        services.request_cancel(actor=make_staff(), rights_request=rights_request, answer="Hecho.", legal_reason=KEPT)
    person.refresh_from_db()
    assert person.email.endswith("@anonimizada.invalid")
    # The record that the person was informed stays (the unit must show the notice was given); it holds no
    # personal field of its own, only the link to the account, which now names nobody.
    assert (
        list(NoticeAcknowledgement.objects.values_list("pk", "person", "point", "notice", "rights_request")) == before
    )
    assert PrivacyNotice.objects.get(pk=shown.pk).text_es == "Aviso simplificado"


def test_the_preferences_page_lists_the_notices_the_person_was_shown_in_spanish_and_english(client):
    person = make_representative()
    shown = publish()
    services.request_file(user=person, right="access", details="x", channel="email", notice_shown=str(shown.pk))
    client.force_login(person)
    page = client.get(reverse("privacy:my-purposes")).content.decode()
    assert "Avisos de privacidad que se le mostraron donde entregó sus datos" in page
    assert "Presentar una solicitud de datos personales: Aviso simplificado v1" in page
    person.preferred_language = "en"
    person.save(update_fields=["preferred_language"])
    page = client.get(reverse("privacy:my-purposes")).content.decode()
    assert "Privacy notices you were shown where you gave your data" in page
    assert "Filing a personal data request: Simplified notice v1" in page
    client.force_login(make_representative())
    page = client.get(reverse("privacy:my-purposes")).content.decode()
    assert "Ninguno registrado todavía." in page and "Aviso simplificado v1" not in page


def test_the_request_page_says_which_notice_was_shown_when_filing_in_spanish_and_english(client):
    shown = publish()
    person = make_representative()
    rights_request = services.request_file(
        user=person, right="access", details="x", channel="email", notice_shown=str(shown.pk)
    )
    staff = make_staff()
    client.force_login(staff)
    page = client.get(rights_request.get_absolute_url()).content.decode()
    assert "Aviso de privacidad mostrado al presentarla" in page and "Aviso simplificado v1" in page
    staff.preferred_language = "en"
    staff.save(update_fields=["preferred_language"])
    page = client.get(rights_request.get_absolute_url()).content.decode()
    assert "Privacy notice shown when filing" in page and "Simplified notice v1" in page
    other = services.request_file(user=person, right="portability", details="x", channel="email")
    assert "Not recorded (filed outside the form)" in client.get(other.get_absolute_url()).content.decode()
