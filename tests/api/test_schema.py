"""Property-based requests generated from the API's own OpenAPI schema (schemathesis): no server error, and every
answer conforms to the schema (status documented, body of the declared shape, content type).

A few examples per operation keep the run under a minute; a staff token opens the token-only lists.
"""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

from projects.models import Proposal
from tests.factories import make_committee, make_organization, make_session, make_staff

from .helpers import issue

schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture
def api_schema(db):
    return schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())


@pytest.fixture
def staff_key(db):
    staff = make_staff()
    committee = make_committee(4)
    make_organization()
    make_session(committee, is_public=True)
    make_session(committee, days_from_now=-30, is_public=False)
    assert not Proposal.objects.exists()
    _token, key = issue(staff, staff=staff)
    return key


@schema.parametrize()
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, staff_key):
    case.call_and_validate(headers={"Authorization": f"Bearer {staff_key}"})


@schema.parametrize()
@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema_anonymously(case):
    case.call_and_validate()


def test_schema_is_served_as_openapi_3(client, db):
    response = client.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    body = response.json()
    assert body["openapi"].startswith("3.")
    assert "personalToken" in body["components"]["securitySchemes"]
    assert {"/api/v1/organizations/", "/api/v1/projects/{id}/", "/api/v1/sessions/{id}/agreements/"} <= set(
        body["paths"]
    )
