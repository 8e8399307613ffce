"""Saving a session with nothing new for the calendars: no new SEQUENCE, no e-mail, no date in the trail."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from committees import services
from committees.models import Session
from tests.committees.test_session_edit_rules import form_data, session_on
from tests.factories import make_committee_member

pytestmark = pytest.mark.django_db


def updates_of(session):
    return list(
        AuditEvent.objects.filter(action=AuditEvent.Action.UPDATED, target_id=str(session.pk)).values_list(
            "changes", flat=True
        )
    )


def test_saving_a_session_with_its_own_moment_in_local_time_is_no_change(committee, chair):
    session = session_on(committee, 10)
    services.session_update(
        actor=chair,
        session=session,
        starts_at=timezone.localtime(session.starts_at),
        ends_at=timezone.localtime(session.ends_at),
        is_public=not session.is_public,
    )
    assert Session.objects.get(pk=session.pk).sequence == session.sequence
    assert updates_of(session) == [{"is_public": [session.is_public, not session.is_public]}]


def test_saving_the_edit_form_untouched_tells_the_invitees_nothing(
    client, committee, chair, django_capture_on_commit_callbacks
):
    make_committee_member(committee, full_name="Mariana Torres")
    session = session_on(committee, 10)
    client.force_login(chair)
    page = reverse("committees:session-update", args=[session.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(page, form_data(session)).status_code == 302
        assert (
            client.post(page, form_data(session, is_public="on" if not session.is_public else None)).status_code == 302
        )
    assert Session.objects.get(pk=session.pk).sequence == session.sequence
    assert mail.outbox == []
    assert updates_of(session) == [{"is_public": [session.is_public, not session.is_public]}]
    # A real change of hour still reaches the calendars.
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(page, form_data(session, starts_time="11:00", ends_time="13:00")).status_code == 302
    assert Session.objects.get(pk=session.pk).sequence == session.sequence + 1
    assert mail.outbox and mail.outbox[0].subject.startswith("Cambio")
