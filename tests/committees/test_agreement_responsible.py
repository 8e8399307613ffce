"""An agreement's responsible person speaks for its responsible organization; the form offers only such people."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from committees import services
from committees.models import Agreement, PostKind
from tests.factories import make_committee, make_committee_member, make_post_holder, make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene():
    committee = make_committee(4, name="Educación")
    secretary = make_post_holder(committee, PostKind.SECRETARY, full_name="Tomás Beltrán")
    member = make_committee_member(committee, full_name="Mariana Torres")
    session = make_session(committee, days_from_now=-1)
    return committee, secretary, member, session


def agreement(secretary, session, organization, person):
    return services.agreement_create(
        actor=secretary,
        session=session,
        description="Enviar el mapeo de programas",
        responsible_organization=organization,
        responsible_person=person,
        due_on=session.starts_on + datetime.timedelta(days=30),
    )


def test_a_responsible_person_of_another_organization_is_refused_with_a_code(scene):
    _committee, secretary, member, session = scene
    with pytest.raises(ValidationError) as error:
        agreement(secretary, session, secretary.representations.get().organization, member)
    refusal = error.value.error_dict["responsible_person"][0]
    assert refusal.code == "responsible_person_not_of_organization"
    assert "Mariana Torres no representa a" in refusal.messages[0]
    assert not Agreement.objects.exists()


def test_a_representative_of_the_responsible_organization_is_accepted(scene):
    _committee, secretary, member, session = scene
    organization = member.representations.get().organization
    assert agreement(secretary, session, organization, member).responsible_person == member


def test_a_person_alone_must_speak_for_a_member_organization(scene):
    _committee, secretary, _member, session = scene
    outsider = make_committee_member(make_committee(7, name="Energía"), full_name="Otra Persona")
    with pytest.raises(ValidationError) as error:
        agreement(secretary, session, None, outsider)
    assert error.value.error_dict["responsible_person"][0].code == "responsible_person_not_member"


def test_changing_only_the_person_to_one_of_another_organization_is_refused(scene):
    _committee, secretary, member, session = scene
    recorded = agreement(secretary, session, secretary.representations.get().organization, secretary)
    with pytest.raises(ValidationError) as error:
        services.agreement_update(actor=secretary, agreement=recorded, responsible_person=member)
    assert error.value.error_dict["responsible_person"][0].code == "responsible_person_not_of_organization"


def test_the_form_offers_only_member_organizations_and_their_representatives_named_with_them(client, scene):
    committee, secretary, member, session = scene
    outsider = make_committee_member(make_committee(7, name="Energía"), full_name="Otra Persona")
    client.force_login(secretary)
    page = client.get(reverse("committees:agreement-create", args=[session.pk])).content.decode()
    organization = member.representations.get().organization
    assert f"Mariana Torres ({organization.display_name})" in page
    assert "Otra Persona" not in page
    assert outsider.representations.get().organization.display_name not in page


def test_the_page_shows_the_refusal_next_to_the_person_and_keeps_what_was_typed(client, scene):
    _committee, secretary, member, session = scene
    client.force_login(secretary)
    response = client.post(
        reverse("committees:agreement-create", args=[session.pk]),
        {
            "description": "Enviar el mapeo de programas",
            "responsible_organization": secretary.representations.get().organization.pk,
            "responsible_person": member.pk,
            "due_on": "2027-01-15",
            "status": "pending",
        },
    )
    assert response.status_code == 200
    assert "responsible_person" in response.context["form"].errors
    assert "Enviar el mapeo de programas" in response.content.decode()


def test_the_follow_up_form_names_each_person_with_their_organization(client, scene):
    _committee, secretary, member, session = scene
    organization = member.representations.get().organization
    recorded = agreement(secretary, session, organization, member)
    client.force_login(secretary)
    page = client.get(reverse("committees:agreement-update", args=[recorded.pk])).content.decode()
    assert f"Mariana Torres ({organization.display_name})" in page
