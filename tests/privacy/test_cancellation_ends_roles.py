"""A granted cancellation ends the person's representation and committee posts; the rows stay as history."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from committees.models import Post
from companies.models import Representative
from privacy import services
from tests.factories import make_committee, make_organization, make_representative, make_staff, seat

pytestmark = pytest.mark.django_db


def _join(organization, days_ago, primary=False, **fields):
    return Representative.objects.create(
        organization=organization,
        user=make_representative(**fields),
        is_primary_contact=primary,
        started_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


@pytest.fixture
def scene():
    """A primary contact who chairs a committee, and two colleagues: one of long standing, one recent."""
    staff = make_staff()
    organization = make_organization(actor=staff)
    primary = _join(organization, 900, primary=True, full_name="Dolores Cancelada")
    veteran = _join(organization, 400, full_name="Valeria Veterana")
    _join(organization, 10, full_name="Ramón Reciente")
    committee = make_committee()
    seat(committee, organization)
    post = Post.objects.create(
        committee=committee,
        kind="chair",
        holder=primary.user,
        organization=organization,
        started_on=datetime.date(2016, 11, 1),
    )
    # Filed signed out, so the person is in no record the law keeps and the request is granted in full.
    rights_request = services.request_file(
        user=None, right="cancellation", details="Todo.", channel="email", full_name="D", email=primary.user.email
    )
    rights_request = services.identity_verify(actor=staff, rights_request=rights_request, reason="INE cotejada.")
    return staff, organization, primary, veteran, post, rights_request


def test_the_cancellation_ends_the_representation_and_passes_the_primary_contact_on(scene):
    staff, organization, primary, veteran, post, rights_request = scene
    services.request_cancel(actor=staff, rights_request=rights_request, answer="Hecho.")

    primary.refresh_from_db()
    assert primary.ended_at is not None and primary.ended_by == staff and not primary.is_primary_contact
    assert rights_request.number in primary.end_reason
    assert list(Representative.objects.current().filter(organization=organization, is_primary_contact=True)) == [
        veteran
    ]
    assert Representative.objects.filter(pk=primary.pk).exists()  # kept as history
    post.refresh_from_db()
    assert post.ended_on == timezone.localdate() and rights_request.number in post.end_reason
    assert AuditEvent.objects.filter(target_id=str(post.pk), action=AuditEvent.Action.TRANSITION).exists()
    # What the trail recorded names the anonymized account, not the person.
    events = AuditEvent.objects.filter(target_id__in=[str(primary.pk), str(post.pk)])
    assert events.exists() and not any("Dolores" in event.target_repr for event in events)
    rights_request.refresh_from_db()
    assert rights_request.outcome == "granted"


def test_anonymizing_a_person_with_no_organization_nor_post_ends_nothing():
    person = make_representative()
    services.person_anonymize(actor=make_staff(), user=person)
    assert not Representative.objects.filter(user=person).exists()


def test_the_people_page_no_longer_lists_the_anonymized_account_after_the_cancellation_page(client, scene):
    staff, organization, _primary, veteran, _post, rights_request = scene
    client.force_login(staff)
    url = reverse("privacy:request-action", args=[rights_request.pk, "cancel"])
    assert client.post(url, {"cancel-answer": "Hecho."}).status_code == 302
    page = client.get(reverse("companies:people", args=[organization.pk]))
    text = page.content.decode()
    assert "Persona anonimizada" not in text and "anonimizada.invalid" not in text
    assert [r.pk for r in page.context["representatives"] if r.is_primary_contact] == [veteran.pk]
