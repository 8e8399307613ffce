"""The staff directory pages by key: next and previous pages, in order, with the same queries at any depth."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_staff
from tests.scale.test_detail_query_counts import bulk_organizations

pytestmark = pytest.mark.django_db


def test_the_directory_walks_forward_and_back_by_key(client):
    bulk_organizations(60, "Directorio")
    client.force_login(make_staff())
    url = reverse("companies:directory")
    seen, counts, query = [], [], {}
    while True:
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, query)
        counts.append(len(captured))
        page = response.context["page_obj"]
        seen += [organization.pk for organization in page]
        if not page.has_next:
            break
        query = {"after": page.last_pk}
    assert len(seen) == len(set(seen)) == 60 and len(counts) == 3
    assert counts[1] == counts[2]
    assert "60 organizaciones" in response.content.decode()
    back = client.get(url, {"before": page.first_pk}).context["page_obj"]
    assert [organization.pk for organization in back] == seen[25:50]
    assert back.has_previous and back.has_next


def test_a_key_that_is_no_number_shows_the_first_page(client):
    """``"²".isdigit()`` is true but ``int("²")`` fails: such keys are ignored, never a server error."""
    client.force_login(make_staff())
    for name in ("companies:directory", "audit:event-list"):
        for key in ("after", "before"):
            assert client.get(reverse(name), {key: "²"}).status_code == 200
