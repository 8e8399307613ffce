"""Histories and the audit page show field names, choice labels and related objects' names, not codes."""

import pytest
from django.urls import reverse

from audit.labels import action_label, readable_changes
from audit.models import AuditEvent
from audit.selectors import events_for
from audit.services import audit_record
from companies.models import Representative
from companies.services import organization_update
from tests.factories import make_member_person, make_organization, make_staff

pytestmark = pytest.mark.django_db


def test_a_profile_change_reads_in_words_on_the_organization_page(client):
    staff = make_staff()
    organization = make_organization(actor=staff, organization_type="company")
    organization_update(actor=staff, organization=organization, organization_type="foundation")
    [update] = readable_changes(events_for(organization).filter(action=AuditEvent.Action.UPDATED))
    [row] = update.readable_changes
    assert row == ("Tipo", "Empresa", "Fundación empresarial")
    client.force_login(staff)
    page = client.get(organization.get_absolute_url()).content.decode()
    assert "Fundación empresarial" in page and "organization_type" not in page and ">company<" not in page


def test_a_related_object_is_named_not_numbered_and_a_removed_one_says_so():
    staff = make_staff()
    person = make_member_person()
    representative = Representative.objects.get(user=person)
    other = make_organization(actor=staff, short_name="Bimbo")
    audit_record(
        actor=staff,
        action=AuditEvent.Action.UPDATED,
        target=representative,
        changes={"organization": [representative.organization_id, other.pk], "user": [None, 999_999]},
    )
    [event] = readable_changes(events_for(representative))
    rows = {label: (before, after) for label, before, after in event.readable_changes}
    assert rows["Organización"] == (str(representative.organization), str(other))
    assert rows["Persona"] == (None, "(eliminado, id 999999)")


def test_the_audit_filter_names_every_action_in_words(client):
    staff = make_staff()
    audit_record(actor=staff, action="projects.voted")
    assert action_label("projects.voted") == "Voto emitido"
    client.force_login(staff)
    page = client.get(reverse("audit:event-list")).content.decode()
    assert '<option value="projects.voted">Voto emitido</option>' in page
    assert ">projects.voted<" not in page


def test_dates_and_moments_read_as_people_write_them_in_the_site_time_zone():
    from django.utils import translation

    from tests.factories import make_committee, make_session

    staff = make_staff()
    session = make_session(make_committee(4))
    audit_record(
        actor=staff,
        action=AuditEvent.Action.UPDATED,
        target=session,
        changes={"starts_at": ["2016-05-19T15:00:00+00:00", "2016-05-20T16:30:00+00:00"], "ends_at": [None, "x"]},
    )
    with translation.override("es-mx"):
        [event] = readable_changes(events_for(session).filter(action=AuditEvent.Action.UPDATED))
    values = [(before, after) for _label, before, after in event.readable_changes]
    assert ("19 de mayo de 2016 a las 10:00", "20 de mayo de 2016 a las 11:30") in values
    assert (None, "x") in values  # not an ISO value: shown as stored
