"""The committee page and the agreement lists are cached per version of the data: never stale."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from committees import services
from committees.models import Agreement, AgreementStatus
from companies.services import organization_update
from tests.factories import make_committee, make_committee_member, make_organization, make_session, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def committee():
    return make_committee(4, name="Educación")


def test_a_new_member_shows_at_once_and_a_warm_page_runs_fewer_queries(
    client, committee, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    target = reverse("committees:committee-detail", args=[committee.pk])
    first = make_committee_member(committee).representations.get().organization
    with django_assert_max_num_queries(20) as cold:
        assert str(first) in client.get(target).content.decode()
    with django_assert_max_num_queries(len(cold.captured_queries) - 1):
        client.get(target)
    staff = make_staff()
    second = make_organization()
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_add(actor=staff, committee=committee, organization=second)
    assert str(second) in client.get(target).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        organization_update(actor=staff, organization=second, short_name="Nombre nuevo")
    assert "Nombre nuevo" in client.get(target).content.decode()


def test_a_changed_agreement_shows_at_once_on_the_follow_up_list(client, committee):
    member = make_committee_member(committee)
    session = make_session(committee, days_from_now=-10)
    agreement = Agreement.objects.create(
        session=session,
        committee=committee,
        description="Publicar el informe",
        responsible_person=member,
        due_on=timezone.localdate() - datetime.timedelta(days=1),
        created_by=make_staff(),
    )
    client.force_login(make_staff())
    target = reverse("committees:agreement-list") + "?overdue=on"
    assert "Publicar el informe" in client.get(target).content.decode()
    services.agreement_update(actor=make_staff(), agreement=agreement, status=AgreementStatus.DONE)
    assert "Publicar el informe" not in client.get(target).content.decode()


def test_a_deep_agreement_page_lists_the_right_rows(client, committee):
    member = make_committee_member(committee)
    session = make_session(committee, days_from_now=-10)
    staff = make_staff()
    today = timezone.localdate()
    Agreement.objects.bulk_create(
        Agreement(
            session=session, committee=committee, description=f"Acuerdo {n:03d}", responsible_person=member,
            due_on=today + datetime.timedelta(days=n), created_by=staff,
        )
        for n in range(120)
    )  # fmt: skip
    client.force_login(staff)
    content = client.get(reverse("committees:agreement-list") + "?page=3").content.decode()
    assert "Acuerdo 100" in content and "Acuerdo 119" in content
    assert "Acuerdo 099" not in content
