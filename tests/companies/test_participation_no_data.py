"""An organization's participation with no data: from a day on, nothing says whether it still takes part."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from audit.models import AuditEvent
from companies import selectors, services
from companies.models import Organization, ParticipationChange, ParticipationStatus
from tests.factories import make_organization
from tests.opendata.helpers import fetch, read_csv

pytestmark = pytest.mark.django_db

REASON = "La fuente solo la nombra en la instalación de su comité."


def _today():
    return timezone.localdate()


def _unknown(staff, organization, since=None):
    services.participation_mark_unknown(actor=staff, organization=organization, since=since or _today(), reason=REASON)
    organization.refresh_from_db()
    return organization


def test_marking_no_data_records_the_step_and_the_audit_trail(staff, org_a):
    _unknown(staff, org_a)
    assert org_a.participation_status == ParticipationStatus.UNKNOWN
    change = org_a.participation_changes.order_by("-id").first()
    assert (change.from_status, change.to_status, change.reason, change.effective_on) == (
        "active",
        "unknown",
        REASON,
        _today(),
    )
    assert change.changed_by == staff
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.TRANSITION,
        target_id=str(org_a.pk),
        changes={"participation_status": ["active", "unknown"]},
    ).exists()


def test_an_organization_with_no_data_is_not_an_active_member_but_the_directory_lists_it(staff, org_a, org_b):
    _unknown(staff, org_a)
    assert not Organization.objects.active_members().filter(pk=org_a.pk).exists()
    assert set(Organization.objects.public().values_list("pk", flat=True)) == {org_a.pk, org_b.pk}
    figures = selectors.figures()
    assert figures["active_total"] == 1
    assert ("unknown", 1) in [(value, count) for value, _label, count in figures["by_status"]]


def test_no_data_needs_a_reason(staff, org_a):
    with translation.override("es"), pytest.raises(ValidationError) as error:
        services.participation_mark_unknown(actor=staff, organization=org_a, since=_today(), reason="  ")
    reason_error = error.value.error_dict["reason"][0]
    assert reason_error.code == "reason_required"
    assert reason_error.message == "Indique por qué no hay datos sobre si la organización sigue participando."
    org_a.refresh_from_db()
    assert org_a.participation_status == "active"


def test_no_data_cannot_start_before_the_latest_step_nor_in_the_future(staff, org_a):
    yesterday = _today() - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.participation_mark_unknown(actor=staff, organization=org_a, since=yesterday, reason=REASON)
    assert error.value.error_dict["effective_on"][0].code == "before_latest_change"
    with pytest.raises(ValidationError) as error:
        services.participation_mark_unknown(
            actor=staff, organization=org_a, since=_today() + datetime.timedelta(days=1), reason=REASON
        )
    assert error.value.error_dict["effective_on"][0].code == "future_date"


def test_only_staff_record_no_data(org_a, rep_a):
    with pytest.raises(PermissionDenied):
        services.participation_mark_unknown(actor=rep_a, organization=org_a, since=_today(), reason=REASON)


def test_an_invited_or_withdrawn_organization_cannot_be_marked_no_data(staff):
    for status in ("invited", "withdrawn"):
        organization = make_organization(actor=staff, status=status)
        with translation.override("es"), pytest.raises(ValidationError) as error:
            _unknown(staff, organization)
        refused = error.value.error_dict["to_status"][0]
        assert refused.code == "invalid_transition"
        assert refused.message == "Solo una organización activa o suspendida puede registrarse como «sin dato»."


def test_staff_leave_no_data_for_what_they_learn(staff):
    back = _unknown(staff, make_organization(actor=staff))
    services.participation_change(actor=staff, organization=back, to_status="active")
    gone = _unknown(staff, make_organization(actor=staff))
    with pytest.raises(ValidationError):
        services.participation_change(actor=staff, organization=gone, to_status="withdrawn")
    services.participation_change(actor=staff, organization=gone, to_status="withdrawn", reason="Confirmó su salida.")
    back.refresh_from_db()
    gone.refresh_from_db()
    assert (back.participation_status, gone.participation_status) == ("active", "withdrawn")
    assert list(back.participation_changes.order_by("id").values_list("to_status", flat=True)) == [
        "invited",
        "active",
        "unknown",
        "active",
    ]


def test_the_database_refuses_a_no_data_step_without_a_reason(staff, org_a):
    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipationChange.objects.create(organization=org_a, from_status="active", to_status="unknown", reason="")


def test_staff_record_no_data_from_the_participation_page_in_each_language(client, staff, org_a):
    client.force_login(staff)
    url = reverse("companies:participation-change", args=[org_a.pk])
    today = _today().isoformat()
    page = client.get(url).content.decode()
    assert "Sin dato: no se sabe si sigue participando" in page
    response = client.post(url, {"to_status": "unknown", "effective_on": today, "reason": ""})
    assert response.status_code == 200
    assert "Indique por qué no hay datos sobre si la organización sigue participando." in response.content.decode()
    staff.preferred_language = "en"  # a signed-in person is spoken to in the language of their profile
    staff.save(update_fields=["preferred_language"])
    response = client.post(url, {"to_status": "unknown", "effective_on": today, "reason": ""})
    assert "Say why there is no data on whether the organization still takes part." in response.content.decode()
    response = client.post(url, {"to_status": "unknown", "effective_on": today, "reason": REASON}, follow=True)
    html = response.content.decode()
    assert "there is no data on whether Alfa still takes part." in html
    org_a.refresh_from_db()
    assert org_a.participation_status == "unknown"


def test_the_organization_page_and_the_public_directory_say_no_data(client, staff, org_a):
    _unknown(staff, org_a)
    client.cookies["axs_language"] = "es-mx"
    html = client.get(reverse("companies:organization-detail", args=[org_a.pk])).content.decode()
    assert "Sin dato" in html and "no dicen si sigue participando en la alianza" in html
    directory = client.get(reverse("companies:directory")).content.decode()
    assert "Alfa" in directory and "Sin dato" in directory
    client.cookies["axs_language"] = "en"
    html = client.get(reverse("companies:organization-detail", args=[org_a.pk])).content.decode()
    assert "No data since" in html and "do not say whether it still takes part in the alliance" in html


def test_the_api_and_the_open_data_publish_the_status(client, staff, org_a, org_b):
    _unknown(staff, org_a)
    client.cookies["axs_language"] = "es-mx"
    body = client.get("/api/v1/organizations/", HTTP_ACCEPT_LANGUAGE="es").json()
    listed = {row["id"]: row for row in body["results"]}
    assert (listed[org_a.pk]["participation_status"], listed[org_a.pk]["participation_status_label"]) == (
        "unknown",
        "Sin dato",
    )
    assert listed[org_b.pk]["participation_status"] == "active"
    rows = read_csv(fetch(client, "organizaciones", "csv")[1])
    column = rows[0].index("participation_status")
    assert {row[0]: row[column] for row in rows[1:]} == {str(org_a.pk): "unknown", str(org_b.pk): "active"}
