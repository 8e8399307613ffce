"""After a cancellation, pages name the person as the account is now (anonymized), not as the sealed trail recorded."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from audit.models import AuditEvent
from audit.selectors import history_for
from audit.services import audit_record
from privacy import services
from privacy.services.anonymize import anonymous_email
from tests.factories import make_organization, make_representative, make_staff

pytestmark = pytest.mark.django_db
# The person is in the audit trail (they filed signed in), a record the law keeps.
KEPT = "Ley General de Archivos."


def test_histories_and_the_audit_page_show_the_anonymized_account_as_actor(client):
    staff, person = make_staff(), make_representative()
    old_email = person.email
    organization = make_organization(actor=staff)
    audit_record(actor=person, action=AuditEvent.Action.UPDATED, target=organization, message="Cambio del teléfono")
    rights_request = services.request_file(user=person, right="cancellation", details="Todo.", channel="email")
    services.request_cancel(actor=staff, rights_request=rights_request, answer="Hecho.", legal_reason=KEPT)
    event = AuditEvent.objects.filter(actor=person, action=AuditEvent.Action.UPDATED).get()
    assert event.actor_repr == old_email  # the sealed record is not rewritten
    history = render_to_string("audit/includes/history.html", {"events": history_for(organization)})
    assert old_email not in history and anonymous_email(person) in history
    client.force_login(staff)
    page = client.get(reverse("audit:event-list"), {"action": AuditEvent.Action.UPDATED}).content.decode()
    assert anonymous_email(person) in page
    assert f">{old_email}<" not in page
