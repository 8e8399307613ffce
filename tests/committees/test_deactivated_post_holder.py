"""Deactivating a person ends their chair or secretary term that day, with the reason, and keeps the history."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.services import user_update
from audit.models import AuditEvent
from committees.models import Post, PostKind
from committees.services import post_end
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db


def test_deactivating_the_secretary_ends_her_term_today_and_records_why(committee, secretary, chair):
    staff = make_staff()
    user_update(actor=staff, user=secretary, is_active=False)
    term = Post.objects.get(holder=secretary)
    assert term.ended_on == timezone.localdate()
    assert term.end_reason == "Cuenta desactivada"
    assert Post.objects.current().filter(committee=committee).get().holder == chair  # the chair stays
    event = AuditEvent.objects.get(
        action=AuditEvent.Action.TRANSITION, target_type__model="post", target_id=str(term.pk)
    )
    assert event.actor_id == staff.pk
    assert event.message == "Cuenta desactivada"
    assert event.changes == {"ended_on": [None, str(timezone.localdate())]}


def test_the_reason_staff_typed_is_the_terms_end_reason(committee, secretary):
    user_update(actor=make_staff(), user=secretary, is_active=False, reason="Dejó la fundación")
    assert Post.objects.get(holder=secretary).end_reason == "Dejó la fundación"


def test_reactivation_does_not_reopen_the_term(committee, secretary):
    staff = make_staff()
    user_update(actor=staff, user=secretary, is_active=False)
    user_update(actor=staff, user=secretary, is_active=True)
    assert not Post.objects.current().filter(committee=committee).exists()
    assert Post.objects.filter(holder=secretary).count() == 1  # the ended term is kept as history


def test_the_committee_page_no_longer_shows_a_deactivated_secretary_as_current(client, committee, secretary):
    user_update(actor=make_staff(), user=secretary, is_active=False)
    members = client.get(reverse("committees:committee-members", args=[committee.pk])).content.decode()
    row = members.split("Tomás Beltrán", 1)[1].split("</tr>", 1)[0]
    assert "actual" not in row
    assert timezone.localdate().strftime("%d/%m/%Y") in row


def test_only_staff_end_a_term_and_an_ended_term_cannot_end_again(committee, secretary):
    from django.core.exceptions import PermissionDenied, ValidationError

    term = Post.objects.get(holder=secretary, kind=PostKind.SECRETARY)
    with pytest.raises(PermissionDenied):
        post_end(actor=make_representative(), post=term, reason="No")
    post_end(actor=make_staff(), post=term, reason="Renunció")
    with pytest.raises(ValidationError) as refused:
        post_end(actor=make_staff(), post=term, reason="Otra vez")
    assert refused.value.code == "already_ended"
