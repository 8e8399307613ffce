"""A structured project put into implementation, and the people who report on it and approve it."""

import datetime
from types import SimpleNamespace

import pytest

from committees import services as committee_services
from monitoring import services
from projects import services as project_services
from tests.factories import make_member, make_organization
from tests.projects.conftest import cast, draft, in_review, submitted  # noqa: F401 (the projects' builders)

START = datetime.date(2024, 1, 1)
END = datetime.date(2025, 12, 31)


@pytest.fixture
def structured(cast, in_review):  # noqa: F811
    for action in ("select", "structure", "structured"):
        project_services.proposal_transition(actor=cast.staff, proposal=in_review, action=action)
    in_review.refresh_from_db()
    return in_review


@pytest.fixture
def scene(cast, structured):  # noqa: F811
    """The project in implementation (quarterly, 2024–2025) and its reporters and approvers."""
    implementation = services.implementation_start(
        actor=cast.staff, proposal=structured, starts_on=START, ends_on=END, frequency="quarterly", grace_days=30
    )
    secretary_org = make_organization(actor=cast.staff)
    committee_services.membership_add(actor=cast.staff, committee=cast.committee, organization=secretary_org)
    secretary = make_member(secretary_org)
    committee_services.post_appoint(actor=cast.staff, committee=cast.committee, kind="secretary", holder=secretary)
    second_lead = make_member(cast.lead_org)
    return SimpleNamespace(
        **vars(cast),
        proposal=structured,
        implementation=implementation,
        indicator=implementation.indicators.get(),
        periods=list(implementation.periods.order_by("number")),
        secretary=secretary,
        second_lead=second_lead,
    )


def filled_report(scene, period=None, *, actor=None, value="250"):
    """Start and fill a report of the first period (or ``period``) with every value and achievements."""
    actor = actor or scene.lead
    report = services.report_start(actor=actor, period=period or scene.periods[0])
    return services.report_save(
        actor=actor,
        report=report,
        values={scene.indicator.pk: value},
        achievements="Se recuperaron 250 toneladas.",
        difficulties="Lluvias en febrero.",
        next_steps="Ampliar a dos cadenas más.",
        budget_executed_mxn="120000",
    )


def approved_report(scene, period=None, value="250"):
    report = filled_report(scene, period, value=value)
    services.report_submit(actor=scene.lead, report=report)
    return services.report_approve(actor=scene.secretary, report=report)
