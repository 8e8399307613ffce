"""A published project in implementation gives its approved progress through the API, as its public page does.

The API's progress reads the same selector as the page (``monitoring.selectors.indicator_series``); a change in the
shape of its values once made this endpoint fail with a 500 while the pages kept working.
"""

import pytest

from monitoring.models import Implementation, ReportValue

pytestmark = pytest.mark.django_db


def test_a_monitored_project_lists_each_indicators_approved_figures(client, demo):
    implementation = Implementation.objects.filter(proposal__published_at__isnull=False).first()
    assert implementation is not None, "the demo has a published project in implementation"
    response = client.get(f"/api/v1/projects/{implementation.proposal_id}/")
    assert response.status_code == 200
    progress = response.json()["progress"]
    figures = [point for indicator in progress["indicators"] for point in indicator["approved"]]
    approved = ReportValue.objects.filter(
        indicator__implementation=implementation, report__status="approved"
    ).values_list("number", flat=True)
    assert figures and len(figures) <= approved.count()
    assert {point["period"] for point in figures} <= set(implementation.periods.values_list("number", flat=True))
    assert any(point["number"] is not None for point in figures)
