"""Walk every page without URL parameters, as staff and as a representative, before and after adding
hundreds of rows of every kind: no page's HTML may grow with the data (no unbounded list)."""

import pytest
from django.urls import URLResolver, get_resolver, reverse

from tests.scale.test_detail_query_counts import bulk_organizations, bulk_people

pytestmark = pytest.mark.django_db

SKIPPED = {"admin", "javascript-catalog", "health", "logout"}


def pages(patterns=None, namespace=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace not in SKIPPED:
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from pages(pattern.url_patterns, inner)
        elif pattern.name and pattern.name not in SKIPPED and not pattern.pattern.regex.groups:
            yield f"{namespace}{pattern.name}"


def sizes(client):
    result = {}
    for name in pages():
        response = client.get(reverse(name))
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            result[name] = len(response.content)
    return result


def grow(n):
    """Hundreds of organizations, people, proposals, audit events, sessions and agreements-to-be."""
    from audit.models import AuditEvent
    from committees.models import Committee, Membership
    from projects.models import Call, Proposal

    organizations = bulk_organizations(n, "Crecida")
    bulk_people(organizations, "crecida-")
    committee = Committee.objects.filter(closed_at__isnull=True).order_by("pk").first()
    Membership.objects.bulk_create(
        Membership(committee=committee, organization=o, status="active", source="invitation", joined_on="2017-01-01")
        for o in organizations
    )
    call = Call.objects.filter(committee=committee).first()
    Proposal.objects.bulk_create(
        Proposal(
            call=call,
            committee=committee,
            lead_organization=organizations[i],
            created_by=call.created_by,
            title=f"Propuesta crecida {i}",
            status="submitted",
            version=1,
        )  # fmt: skip
        for i in range(n)
    )
    AuditEvent.objects.bulk_create(AuditEvent(actor_repr="crecida@example.org", action="auth.login") for _ in range(n))


@pytest.mark.parametrize("email", ["staff@amexcid.example", "chair role", "representative role"])
def test_no_page_grows_with_the_data(client, demo, email):
    from accounts.models import User
    from committees.models import Post
    from companies.models import Representative

    if email == "chair role":
        person = Post.objects.filter(kind="chair", ended_on__isnull=True).first().holder
    elif email == "representative role":
        person = Representative.objects.filter(ended_at__isnull=True).first().user
    else:
        person = User.objects.get(email=email)
    client.force_login(person)
    before = sizes(client)
    grow(300)
    after = sizes(client)
    grown = {name: (before[name], after[name]) for name in before if after.get(name, 0) > before[name] * 1.25 + 4000}
    assert not grown, f"pages whose HTML grew with 300 more rows of each kind: {grown}"
    assert len(before) >= 15  # the walk reached the pages (staff reach about 40)
