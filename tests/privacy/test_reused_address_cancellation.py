"""Cancelling the first owner of a reused address leaves the later owner's invitations and requests whole.

Account A held ``OLD`` and changed it; account B took ``OLD`` later. What was sent to ``OLD`` while A held it
is A's and is anonymized with A; what was sent while B held it is B's (``privacy.subjects.held_by_others``).
"""

import pytest

from accounts.services import user_update
from companies.models import Invitation
from companies.services import invitation_create
from documents.models import Document
from privacy.services import person_anonymize, request_file
from tests.factories import make_organization, make_representative, make_staff

pytestmark = pytest.mark.django_db
OLD, NEW = "buzon@b.example", "ana.nueva@b.example"


def _invite(staff, organization, name):
    return invitation_create(actor=staff, organization=organization, email=OLD, full_name=name)[0]


def _signed_out_request(name, right):
    return request_file(user=None, right=right, details="Mis datos.", channel="email", full_name=name, email=OLD)


def test_cancelling_the_first_owner_anonymizes_only_what_was_sent_while_they_held_the_address(monkeypatch):
    from privacy.services import anonymize

    erased_for = []
    monkeypatch.setattr(
        anonymize, "exports_about", lambda *, requests: erased_for.extend(requests) or Document.objects.none()
    )
    staff, organization = make_staff(), make_organization()
    first = make_representative(email=OLD, full_name="Ana Primera")
    first_invitation, first_request = (
        _invite(staff, organization, "Ana Primera"),
        _signed_out_request("Ana Primera", "access"),
    )
    user_update(actor=staff, user=first, email=NEW, reason="Cambió de correo.")
    first.refresh_from_db()
    make_representative(email=OLD, full_name="Berta Segunda")
    second_invitation = _invite(staff, make_organization(), "Berta Segunda")
    _signed_out_request("Berta Segunda", "portability")

    person_anonymize(actor=staff, user=first, reason="Cancelación.")

    assert Invitation.objects.get(pk=first_invitation.pk).email != OLD
    kept = Invitation.objects.get(pk=second_invitation.pk)
    assert (kept.email, kept.full_name) == (OLD, "Berta Segunda")
    # The exports erased with A are those of A's requests: B's request to the same address keeps its own.
    assert [request.pk for request in erased_for] == [first_request.pk]
