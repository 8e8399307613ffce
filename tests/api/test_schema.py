"""Property-based requests generated from the API's own OpenAPI schema (schemathesis): no server error, and every
answer conforms to the schema (status documented, body of the declared shape, content type).

It runs on the demo alliance, so that answers have real bodies: an operation on one object (``{id}``, ``{slug}``,
``{number}``, ``{code}``) takes its value from the objects its list gives the same client, and the staff pass
(or, for an evaluator's own evaluations, the evaluator's pass) must answer 200 with a body at least once for every
such operation. The schema is loaded inside the test (it
reads the database: the directory's facets), and each operation's strategy is run by Hypothesis with a few
examples (``max_examples`` 5 with a staff token, 2 anonymously), so the run stays near a minute.

One check is left out: ``positive_data_acceptance`` expects every value of the declared type to be accepted,
but a filter naming a committee or goal that does not exist (an integer, as declared) is refused with 400 and
the reason, on purpose (``tests/api/test_errors.py``).
"""

import pytest
import schemathesis
import werkzeug.test
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.specs.openapi.checks import positive_data_acceptance

from .helpers import issue

pytestmark = pytest.mark.django_db
# The field of a list's rows that names one row in its detail address (``id`` when not named here).
LOOKUPS = {"goals": "number", "targets": "code", "indicators": "code", "datasets": "slug"}


@pytest.fixture
def staff_key(demo):
    from django.contrib.auth import get_user_model

    staff = get_user_model().objects.get(email="staff@amexcid.example")
    _token, key = issue(staff, staff=staff)
    return key


@pytest.fixture
def evaluator_key(staff_key):
    """A token of the demo's evaluator: evaluations are the evaluator's own, and no staff page shows one."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    _token, key = issue(users.get(email="evaluador@axs.example"), staff=users.get(email="staff@amexcid.example"))
    return key


def real_values(wsgi_app, key):
    """Return ``{list name: [values]}``: what names each row of every list, as the client with ``key`` sees them.

    Asked through the same WSGI application as schemathesis (Django's test client would connect again the
    closing of the database connection that ``wsgi_app`` took away).
    """
    client = werkzeug.test.Client(wsgi_app)
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    values = {}
    for name in client.get("/api/v1/", headers=headers).json:
        url, rows = f"/api/v1/{name}/?per_page=200", []
        while url:
            response = client.get(url, headers=headers)
            if response.status_code != 200:
                break
            body = response.json
            rows += body["results"] if isinstance(body, dict) else body
            url = body.get("next") if isinstance(body, dict) else None
        if rows:
            values[name] = [row[LOOKUPS.get(name, "id")] for row in rows]
    return values


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


def with_real_values(operation, values):
    """The operation's strategy, its path parameter drawn from the real objects of its list (when it has one)."""
    parameters = [parameter.name for parameter in operation.path_parameters]
    name = operation.path.removeprefix("/api/v1/").split("/")[0]
    if not parameters or not values.get(name):  # a list this client may not read (401): generated values
        return operation.as_strategy()
    [parameter] = parameters
    return st.sampled_from(values[name]).flatmap(
        lambda value: operation.as_strategy(path_parameters={parameter: value})
    )


def exercise(schema, wsgi_app, *, key, examples, answered):
    """Run every operation's generated cases; return ``[(operation, error)]`` for those that failed.

    ``answered`` collects, per operation, the statuses of the answers it got.
    """
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    values = real_values(wsgi_app, key)
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        answered.setdefault(operation.label, set())

        @given(case=with_real_values(operation, values))
        @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def run(case):
            response = case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])
            if response.status_code == 200 and response.content:
                answered[case.operation.label].add(200)

        try:
            run()
        except (Exception, BaseExceptionGroup) as error:  # each operation's failures are reported, all at once
            failures.append((operation.label, error))
    return failures


def test_every_operation_conforms_to_the_schema_on_the_demo(staff_key, evaluator_key, wsgi_app):
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", wsgi_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 25
    answered = {}
    failures = exercise(schema, wsgi_app, key=staff_key, examples=5, answered=answered)
    assert not failures, "\n\n".join(f"{label}: {error}" for label, error in failures)
    failures = exercise(schema, wsgi_app, key=evaluator_key, examples=2, answered=answered)
    assert not failures, "\n\n".join(f"{label}: {error}" for label, error in failures)
    detail = [operation.label for operation in operations if operation.path_parameters]
    assert len(detail) >= 10
    unanswered = sorted(label for label in detail if 200 not in answered[label])
    assert not unanswered, f"never answered 200 with a body: {unanswered}"
    failures = exercise(schema, wsgi_app, key=None, examples=2, answered={})
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


def test_the_schema_is_generated_without_a_warning(tmp_path):
    """drf-spectacular warns of what a client would trip on (two names for one set of choices, a guessed type)."""
    from django.core.management import call_command

    schema = tmp_path / "schema.yml"
    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(schema))
    assert "DatePrecisionEnum:" in schema.read_text(encoding="utf-8")
