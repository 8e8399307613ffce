"""Property-based requests generated from the API's own OpenAPI schema (schemathesis): no server error, and every
answer conforms to the schema (status documented, body of the declared shape, content type).

The schema is loaded inside the test (it reads the database: the directory's facets), and each operation's
strategy is run by Hypothesis with a few examples, so the run stays under a minute. A staff token opens the
token-only lists; a second pass asks anonymously.

One check is left out: ``positive_data_acceptance`` expects every value of the declared type to be accepted,
but a filter naming a committee or goal that does not exist (an integer, as declared) is refused with 400 and
the reason, on purpose (``tests/api/test_errors.py``).
"""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.factories import make_committee, make_organization, make_session, make_staff

from .helpers import issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_key():
    staff = make_staff()
    committee = make_committee(4)
    make_organization()
    make_session(committee, is_public=True)
    make_session(committee, days_from_now=-30, is_public=False)
    _token, key = issue(staff, staff=staff)
    return key


@pytest.fixture
def wsgi_app():
    """Django's WSGI application, minus the closing of the database connection around each request (as Django's
    test client does): the test's transaction, and its rows, must outlive the requests.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def exercise(schema, *, headers, examples):
    """Run every operation's generated cases; return ``[(operation, error)]`` for those that failed."""
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def run(case):
            case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])

        try:
            run()
        except (Exception, BaseExceptionGroup) as error:  # each operation's failures are reported, all at once
            failures.append((operation.label, error))
    return failures


def test_every_operation_conforms_to_the_schema(staff_key, wsgi_app):
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", wsgi_app)
    assert len(list(schema.get_all_operations())) >= 25
    failures = exercise(schema, headers={"Authorization": f"Bearer {staff_key}"}, examples=5)
    failures += exercise(schema, headers={}, examples=2)
    assert not failures, "\n\n".join(f"{label}: {error}" for label, error in failures)


def test_schema_is_served_as_openapi_3(client):
    response = client.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    body = response.json()
    assert body["openapi"].startswith("3.")
    assert "personalToken" in body["components"]["securitySchemes"]
    paths = set(body["paths"])
    assert {"/api/v1/organizations/", "/api/v1/projects/{id}/", "/api/v1/sessions/{id}/agreements/"} <= paths
    assert "Retry-After" in body["paths"]["/api/v1/goals/"]["get"]["responses"]["429"]["headers"]
