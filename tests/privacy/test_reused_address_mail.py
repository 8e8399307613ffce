"""An address given up and taken later by another account: e-mails and failed sign-ins follow who held it then.

The export gives each account only the e-mails recorded while it held the address, and cancelling the first
account erases its own e-mails under the address and leaves the later owner's whole.
"""

import pytest
from django.urls import reverse

from accounts.services import user_update
from audit.models import AuditEvent, EventPersonalPart
from axs_platform.models import OutgoingEmail
from axs_platform.outbox import record
from privacy.export import personal_data
from privacy.services import person_anonymize
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db
OLD, NEW = "buzon@b.example", "ana.nueva@b.example"


def _mail(subject, to=OLD):
    return record(subject=subject, body="Hola.", to=[to], kind="test", send_on_commit=False)


def _reused():
    staff = make_staff()
    first = make_representative(email=OLD, full_name="Ana Primera")
    first_mail = _mail("Para Ana")
    user_update(actor=staff, user=first, email=NEW, reason="Cambió de correo.")
    first.refresh_from_db()
    second = make_representative(email=OLD, full_name="Berta Segunda")
    second_mail = _mail("Para Berta")
    return staff, first, first_mail, second, second_mail


def _ids(data):
    return {row["id"] for row in data["axs_platform.OutgoingEmail"]}


def test_each_owner_of_a_reused_address_gets_only_the_mail_of_their_own_period():
    _, first, first_mail, second, second_mail = _reused()
    # The notices of the change (to the old address, then to the new one) are the first owner's too.
    notices = OutgoingEmail.objects.filter(kind__in=["accounts.email_changed", "accounts.email_confirmed"])
    assert sorted(notices.values_list("to", flat=True)) == [[NEW], [OLD]]
    assert _ids(personal_data(first)) == {first_mail.pk, *notices.values_list("pk", flat=True)}
    assert _ids(personal_data(second)) == {second_mail.pk}


def test_cancelling_the_first_owner_erases_their_mail_and_leaves_the_later_owners():
    staff, first, first_mail, second, second_mail = _reused()
    person_anonymize(actor=staff, user=first, reason="Cancelación.")
    assert OutgoingEmail.objects.get(pk=first_mail.pk).erased_at is not None
    kept = OutgoingEmail.objects.get(pk=second_mail.pk)
    assert kept.erased_at is None and kept.subject == "Para Berta" and kept.to == [OLD]


def _failed_sign_in(client):
    client.post(reverse("accounts:login"), {"username": OLD, "password": "mala"})
    return AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN_FAILED).latest("created_at", "pk")


def _reused_with_sign_ins(client):
    staff = make_staff()
    first = make_representative(email=OLD, full_name="Ana Primera")
    first_failed = _failed_sign_in(client)
    user_update(actor=staff, user=first, email=NEW, reason="Cambió de correo.")
    first.refresh_from_db()
    second = make_representative(email=OLD, full_name="Berta Segunda")
    second_failed = _failed_sign_in(client)
    return staff, first, first_failed, second, second_failed


def _failed_ids(data):
    return {row["id"] for row in data["audit.AuditEvent"] if row["action"] == AuditEvent.Action.LOGIN_FAILED}


def test_each_owner_of_a_reused_address_gets_only_the_failed_sign_ins_of_their_own_period(client):
    _, first, first_failed, second, second_failed = _reused_with_sign_ins(client)
    mine, theirs = personal_data(first), personal_data(second)
    assert _failed_ids(mine) == {first_failed.pk}
    assert _failed_ids(theirs) == {second_failed.pk}
    assert {row["id"] for row in theirs["audit.EventPersonalPart"]} >= {second_failed.pk}
    assert first_failed.pk not in {row["id"] for row in theirs["audit.EventPersonalPart"]}
    assert second_failed.pk not in {row["id"] for row in mine["audit.EventPersonalPart"]}


def test_cancelling_the_first_owner_leaves_the_later_owners_failed_sign_ins_whole(client):
    staff, first, first_failed, second, second_failed = _reused_with_sign_ins(client)
    person_anonymize(actor=staff, user=first, reason="Cancelación.")
    assert EventPersonalPart.objects.get(event=first_failed).erased_at is not None
    assert EventPersonalPart.objects.get(event=second_failed).erased_at is None
