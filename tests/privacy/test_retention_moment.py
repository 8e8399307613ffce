"""The retention job measures every term, the sign-in throttle's window included, from the moment it is given."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone

from audit.models import AuditEvent, EventPersonalPart
from audit.services import audit_record
from privacy import services

pytestmark = pytest.mark.django_db


def test_security_events_are_due_by_the_moment_passed_to_the_run():
    request = RequestFactory().post("/entrar/", REMOTE_ADDR="203.0.113.9")
    audit_record(actor=None, action=AuditEvent.Action.LOGIN_FAILED, identifier="x" * 64, request=request)
    # Run as if 200 days had passed: past the default 90 days and the throttle's window, both from that moment.
    run = services.retention_apply(now=timezone.now() + datetime.timedelta(days=200))
    assert run.results["security_events"] == 1
    assert EventPersonalPart.objects.get().erased_at is not None
