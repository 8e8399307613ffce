"""The report dashboard counts in the database: its queries do not grow with the projects of the period."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from axs_platform import fragments
from projects.models import ProposalTransition
from reports.selectors import dashboard_data, report_data
from tests.projects.ballot_scene import make_candidates

pytestmark = pytest.mark.django_db

START, END = datetime.date(2030, 1, 1), datetime.date(2030, 12, 31)


def structure(cast, n):
    """``n`` proposals submitted and structured within the period (their transitions, in bulk)."""
    when = timezone.make_aware(datetime.datetime(2030, 6, 1, 12))
    proposals = make_candidates(cast, n)
    ProposalTransition.objects.bulk_create(
        ProposalTransition(proposal=p, from_status=f, to_status=t, actor=cast.staff, created_at=when)
        for p in proposals
        for f, t in (("draft", "submitted"), ("structuring", "structured"))
    )
    fragments.changed(fragments.PROPOSALS)  # written around the services, which would have bumped it


def dashboard_queries(client):
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("reports:dashboard"), {"start": START.isoformat(), "end": END.isoformat()})
    assert response.status_code == 200
    return len(captured), response.context["figures"]


def test_dashboard_counts_projects_in_sql(client, cast):
    client.force_login(cast.staff)
    structure(cast, 3)
    small, figures = dashboard_queries(client)
    assert figures["projects_structured"] == 3 and figures["proposals_submitted"] == 3
    structure(cast, 60)
    large, figures = dashboard_queries(client)
    assert figures["projects_structured"] == 63 and figures["proposals_submitted"] == 63
    assert small == large


def test_dashboard_figures_are_the_reports(cast):
    structure(cast, 5)
    assert dashboard_data(START, END)["figures"] == report_data(START, END)["figures"]


def test_the_dashboard_is_kept_per_period_and_shows_a_change_next(client, cast):
    client.force_login(cast.staff)
    structure(cast, 2)
    url, period = reverse("reports:dashboard"), {"start": START.isoformat(), "end": END.isoformat()}
    with CaptureQueriesContext(connection) as first:
        client.get(url, period)
    with CaptureQueriesContext(connection) as second:
        page = client.get(url, period).content.decode()
    assert len(second) < len(first) - 5
    structure(cast, 1)  # bumps the proposals' version, as the services do
    assert figure(client.get(url, period).content.decode()) == figure(page) + 1
    # Another period is its own copy.
    assert figure(client.get(url, {"start": "2031-01-01", "end": "2031-12-31"}).content.decode()) == 0


def figure(page):
    """The "projects fully structured" figure on the dashboard."""
    label = page.index("proyectos completamente estructurados")
    return int(page[label:].split('<dd class="fs-3">', 1)[1].split("<", 1)[0])
