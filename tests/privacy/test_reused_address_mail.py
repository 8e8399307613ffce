"""An address given up and taken later by another account: outbox e-mails follow who held it when they were sent.

The export gives each account only the e-mails recorded while it held the address, and cancelling the first
account erases its own e-mails under the address and leaves the later owner's whole.
"""

import pytest

from accounts.services import user_update
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
    assert _ids(personal_data(first)) == {first_mail.pk}
    assert _ids(personal_data(second)) == {second_mail.pk}


def test_cancelling_the_first_owner_erases_their_mail_and_leaves_the_later_owners():
    staff, first, first_mail, second, second_mail = _reused()
    person_anonymize(actor=staff, user=first, reason="Cancelación.")
    assert OutgoingEmail.objects.get(pk=first_mail.pk).erased_at is not None
    kept = OutgoingEmail.objects.get(pk=second_mail.pk)
    assert kept.erased_at is None and kept.subject == "Para Berta" and kept.to == [OLD]
