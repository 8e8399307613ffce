"""An address given up and taken later by another account: each account's export has only its own rows.

Rows sent to an address (invitations, requests, their pauses and notices) are the person's only from when their
account held it (``privacy.subjects.address_periods``).
"""

import pytest

from accounts.services import user_update
from companies import services as company_services
from privacy import services
from privacy.export import personal_data
from privacy.subjects import address_periods
from tests.factories import make_organization, make_representative, make_staff

pytestmark = pytest.mark.django_db
OLD, NEW = "buzon@b.example", "ana.nueva@b.example"


def _filed_signed_out(staff, *, name, right="access"):
    rights_request = services.request_file(
        user=None, full_name=name, email=OLD, right=right, details="Mis datos.", channel="email"
    )
    return services.identity_verify(actor=staff, rights_request=rights_request, reason="INE mostrada.")


def _ids(data, label):
    return {row["id"] for row in data[label]}


def test_the_new_owner_of_an_old_address_gets_only_the_rows_sent_while_they_held_it():
    staff = make_staff()
    organization = make_organization(actor=staff)
    first = make_representative(email=OLD, full_name="Ana Primera")
    first_invitation, _ = company_services.invitation_create(
        actor=staff, organization=organization, email=OLD, full_name="Ana Primera"
    )
    first_request = _filed_signed_out(staff, name="Ana Primera")
    services.request_withdraw(actor=staff, rights_request=first_request, reason="Lo pidió por teléfono.")
    user_update(actor=staff, user=first, email=NEW, reason="Cambió de correo.")
    first.refresh_from_db()

    second = make_representative(email=OLD, full_name="Berta Segunda")
    second_invitation, _ = company_services.invitation_create(
        actor=staff, organization=make_organization(actor=staff), email=OLD, full_name="Berta Segunda"
    )
    second_request = _filed_signed_out(staff, name="Berta Segunda")

    theirs = personal_data(second)
    assert _ids(theirs, "companies.Invitation") == {second_invitation.pk}
    assert _ids(theirs, "privacy.RightsRequest") == {second_request.pk}
    assert "Ana Primera" not in str(theirs["companies.Invitation"] + theirs["privacy.RightsRequest"])
    mine = personal_data(first)
    assert _ids(mine, "companies.Invitation") == {first_invitation.pk}
    assert _ids(mine, "privacy.RightsRequest") == {first_request.pk}


def test_the_periods_follow_the_audited_changes_of_the_address():
    staff, person = make_staff(), make_representative(email=OLD)
    user_update(actor=staff, user=person, email=NEW, reason="Cambio.")
    person.refresh_from_db()
    (old, old_start, old_end), (new, new_start, new_end) = address_periods(person)
    assert (old, new) == (OLD, NEW) and old_start is None  # nobody had it before: what came before joining is theirs
    assert old_end == new_start and new_end is None
    later = make_representative(email=OLD)
    assert address_periods(later) == [(OLD, later.date_joined, None)]  # held from joining: the earlier rows are not
