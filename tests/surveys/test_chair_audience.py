"""A chair's survey goes only to the chair's committee's members, even with the audience “Chosen organizations”."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from surveys import selectors, services
from surveys.forms import SurveyForm
from surveys.models import Audience, Survey

from .conftest import build_survey, window

pytestmark = pytest.mark.django_db


def test_a_chair_cannot_choose_organizations_outside_the_committee(chair, committee, other_committee, org_c):
    with pytest.raises(ValidationError) as error:
        services.survey_create(
            actor=chair,
            title_es="Fuera del comité",
            committee=committee,
            audience=Audience.CHOSEN,
            chosen_organizations=[org_c],
            **window(),
        )
    assert "chosen_organizations" in error.value.message_dict
    assert "Gamma" in " ".join(error.value.message_dict["chosen_organizations"])
    assert not Survey.objects.filter(title_es="Fuera del comité").exists()


def test_a_chair_chooses_among_the_committees_members(chair, committee, other_committee, org_a, org_b, org_c):
    survey = build_survey(chair, committee=committee, audience=Audience.CHOSEN, chosen_organizations=[org_b])
    assert list(survey.chosen_organizations.all()) == [org_b]
    form = SurveyForm(user=chair)
    assert set(form.fields["chosen_organizations"].queryset) == {org_a, org_b}


def test_the_chairs_page_refuses_an_outsider(client, chair, committee, other_committee, org_c):
    client.force_login(chair)
    now = timezone.localtime()
    response = client.post(
        reverse("surveys:survey-create"),
        {
            "title_es": "Fuera del comité",
            "purpose": "general",
            "committee": committee.pk,
            "audience": "chosen",
            "chosen_organizations": [org_c.pk],
            "response_unit": "organization",
            "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + timezone.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 200
    assert not Survey.objects.filter(title_es="Fuera del comité").exists()


def test_an_existing_chairs_survey_never_invites_outsiders(
    chair, committee, other_committee, org_a, org_b, org_c, rep_b, rep_c
):
    survey = build_survey(chair, committee=committee, audience=Audience.CHOSEN, chosen_organizations=[org_b])
    survey.chosen_organizations.add(org_c)  # chosen before the rule existed
    mail.outbox.clear()
    result = services.invitations_send(actor=chair, survey=survey)
    assert result.sent == 1
    assert set(survey.invitations.values_list("organization_id", flat=True)) == {org_b.pk}
    assert [(o, str(reason)) for o, reason in result.skipped] == [(org_c, services.SkipReason.NOT_IN_COMMITTEE)]
    assert all("carla@gamma.example" not in message.to for message in mail.outbox)


def test_staff_still_choose_any_member_organization(staff, committee, other_committee, org_c, rep_c):
    survey = build_survey(staff, committee=committee, audience=Audience.CHOSEN, chosen_organizations=[org_c])
    result = services.invitations_send(actor=staff, survey=survey)
    assert result.sent == 1


def test_whom_a_survey_is_for_does_not_change_when_its_maker_leaves(
    staff, chair, committee, other_committee, org_a, org_c
):
    staffs = build_survey(staff, committee=committee, audience=Audience.CHOSEN, chosen_organizations=[org_c])
    chairs = build_survey(chair, committee=committee, audience=Audience.CHOSEN, chosen_organizations=[org_a])
    assert (staffs.by_chair, chairs.by_chair) == (False, True)
    staff.is_active = False  # the staff member left AMEXCID
    staff.save(update_fields=["is_active"])
    staffs.refresh_from_db()
    chairs.refresh_from_db()
    assert list(selectors.audience_organizations(staffs)) == [org_c]  # an outsider to the committee, still invited
    assert not selectors.is_chairs_survey(staffs) and selectors.is_chairs_survey(chairs)


def test_a_chairs_copy_of_a_staff_survey_is_a_chairs_survey(staff, chair, committee):
    original = build_survey(staff, committee=committee)
    assert services.survey_copy(actor=chair, survey=original).by_chair
    assert not services.survey_copy(actor=staff, survey=original).by_chair
