"""Builders for calls, proposals and evaluations, and the cast of people who act on them."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone

from projects import services
from projects.criteria import AXS_CRITERIA, SUSTAINABILITY_CRITERIA
from sdg.models import Goal, Indicator, Target
from tests.factories import make_evaluator, make_member, make_organization, make_staff, unique_number


def make_committee(*, actor, goal_number=12, name=None):
    from committees import services as committee_services

    return committee_services.committee_create(
        actor=actor,
        name=name or f"Comité ODS {goal_number} de prueba {unique_number()}",
        goal=Goal.objects.get(number=goal_number),
        description="",
        decision_mechanism="vote",
        operating_rules="",
        installed_on=None,
    )


def seat(actor, committee, organization):
    from committees import services as committee_services

    committee_services.membership_add(actor=actor, committee=committee, organization=organization)


def make_chair(actor, committee):
    from committees import services as committee_services

    organization = make_organization(actor=actor)
    seat(actor, committee, organization)
    chair = make_member(organization)
    committee_services.post_appoint(actor=actor, committee=committee, kind="chair", holder=chair)
    return chair


def make_call(*, actor, committee, opens_on=None, closes_on=None, weights=None):
    today = timezone.localdate()
    return services.call_create(
        actor=actor,
        committee=committee,
        title=f"Convocatoria {committee.name}",
        guidance="Proyectos replicables en la región.",
        opens_on=opens_on or today - datetime.timedelta(days=10),
        closes_on=closes_on or today + datetime.timedelta(days=20),
        weights=weights,
    )


def fill_proposal(proposal, lead, *, partner=None, partner_org=None):
    """Fill every part the checklist asks for; with a partner, it joins and funds its share."""
    texts = {
        "summary": "Reducir el desperdicio de alimentos en cadenas de autoservicio.",
        "problem": "Se desperdician alimentos aptos para consumo.",
        "causes": "Falta de logística inversa.",
        "effects": "Emisiones y hambre evitable.",
        "purpose": "Contribuir a la producción y consumo responsables.",
        "general_objective": "Recuperar 1,000 toneladas de alimentos al año.",
        "international_cooperation": "Cooperación triangular con Alemania y Guatemala.",
        "replication_countries": ["GT", "HN"],
    }
    texts.update({c.value: f"Argumento de {c.label}" for c in SUSTAINABILITY_CRITERIA + AXS_CRITERIA})
    services.proposal_update(actor=lead, proposal=proposal, **texts)
    component = services.component_add(actor=lead, proposal=proposal, title="Logística inversa")
    services.activity_add(
        actor=lead,
        component=component,
        description="Diagnóstico",
        starts_on=datetime.date(2027, 1, 1),
        ends_on=datetime.date(2027, 3, 31),
    )
    target = Target.objects.get(code="12.3")
    indicator = Indicator.objects.filter(target=target).first()
    services.alignment_add(actor=lead, proposal=proposal, target=target, indicators=[indicator])
    services.indicator_add(
        actor=lead,
        proposal=proposal,
        component=None,
        name="Toneladas recuperadas",
        unit="t",
        baseline_value=Decimal("0"),
        baseline_year=2026,
        target_value=Decimal("1000"),
        target_year=2028,
        means_of_verification="Reportes de los bancos de alimentos",
        sdg_indicator=indicator,
    )
    lead_member = proposal.consortium.get(is_lead=True)
    services.member_update(actor=lead, member=lead_member, role="Coordina el consorcio")
    services.contribution_add(actor=lead, member=lead_member, kind="financial", amount_mxn=Decimal("500000"))
    services.budget_line_add(
        actor=lead,
        proposal=proposal,
        year=2027,
        concept="Operación",
        amount_mxn=Decimal("500000"),
        source_member=lead_member,
    )
    if partner is not None:
        member = services.partner_invite(actor=lead, proposal=proposal, organization=partner_org)
        services.partner_respond(actor=partner, member=member, accept=True, role="Aporta asesoría técnica")
        services.contribution_add(actor=partner, member=member, kind="technical", description="Asesoría en logística")
    proposal.refresh_from_db()
    return proposal


@pytest.fixture
def cast(db):
    """Staff, a committee with its chair, another committee's chair, a lead, a partner, an outsider, an evaluator."""
    staff = make_staff()
    committee = make_committee(actor=staff, goal_number=12)
    other_committee = make_committee(actor=staff, goal_number=7)
    chair = make_chair(staff, committee)
    other_chair = make_chair(staff, other_committee)
    lead_org = make_organization(actor=staff)
    partner_org = make_organization(actor=staff)
    outsider_org = make_organization(actor=staff)
    lead = make_member(lead_org)
    partner = make_member(partner_org)
    outsider = make_member(outsider_org)
    evaluator = make_evaluator()
    call = make_call(actor=staff, committee=committee)
    return SimpleNamespace(
        staff=staff,
        committee=committee,
        other_committee=other_committee,
        chair=chair,
        other_chair=other_chair,
        lead_org=lead_org,
        partner_org=partner_org,
        outsider_org=outsider_org,
        lead=lead,
        partner=partner,
        outsider=outsider,
        evaluator=evaluator,
        call=call,
    )


@pytest.fixture
def draft(cast):
    """A draft proposal of the lead, with the partner in its consortium, complete and ready to submit."""
    proposal = services.proposal_start(actor=cast.lead, call=cast.call, title="Alimentos sin desperdicio")
    return fill_proposal(proposal, cast.lead, partner=cast.partner, partner_org=cast.partner_org)


@pytest.fixture
def submitted(cast, draft):
    return services.proposal_submit(actor=cast.lead, proposal=draft)


@pytest.fixture
def in_review(cast, submitted):
    return services.proposal_transition(actor=cast.staff, proposal=submitted, action="accept")


from .ballot_scene import scene  # noqa: E402, F401 (the selection tests' scene)
