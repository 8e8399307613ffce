"""Dropdowns offer only what the rules accept: partners and surveyed organizations are active members."""

from projects import services
from projects.forms import PartnerInviteForm
from surveys.forms import SurveyForm
from tests.factories import make_organization


def test_the_partner_dropdown_offers_no_organization_the_invitation_would_refuse(cast, draft):
    suspended = make_organization(actor=cast.staff, short_name="Suspendida", status="suspended")
    invited = make_organization(actor=cast.staff, short_name="Invitada", status="invited")
    offered = set(PartnerInviteForm(proposal=draft).fields["organization"].queryset)
    assert suspended not in offered and invited not in offered
    assert cast.outsider_org in offered and cast.partner_org not in offered  # the partner is in already
    services.partner_invite(actor=cast.lead, proposal=draft, organization=cast.outsider_org)


def test_the_surveys_chosen_organizations_are_those_a_survey_can_invite(cast):
    suspended = make_organization(actor=cast.staff, short_name="Suspendida", status="suspended")
    offered = set(SurveyForm(user=cast.staff).fields["chosen_organizations"].queryset)
    assert suspended not in offered and cast.outsider_org in offered
