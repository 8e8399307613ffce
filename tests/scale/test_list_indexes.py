"""Long lists' queries match the partial indexes written for them (PostgreSQL).

An index whose condition no longer implies the query's filter is silently ignored: migration
``companies`` 0005 widened the public directory to organizations with no data, and the directory's
index (active members only) stopped serving it until 0006. With sequential scans, bitmap scans and
sorts priced out, each query must read its own index, whatever the table's size.
"""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


@pytest.fixture
def planner_on_indexes():
    if connection.vendor != "postgresql":
        pytest.skip("partial and collated indexes are PostgreSQL's; SQLite reads its own")
    with connection.cursor() as cursor:  # undone with the test's transaction
        for setting in ("enable_seqscan", "enable_bitmapscan", "enable_sort"):
            cursor.execute(f"SET LOCAL {setting} = off")


def assert_reads(queryset, index):
    """The rows come from ``index`` in the query's order: no sort after the scan."""
    plan = queryset.explain()
    assert index in plan and "Sort" not in plan, plan


def test_public_directory_reads_its_index(planner_on_indexes):
    from companies import selectors
    from companies.models import Organization

    page = selectors.directory(private=False).order_by(selectors.directory_key(), "pk")[:26]
    assert_reads(page, "companies_org_public_dir_idx")
    assert_reads(Organization.objects.public().order_by("-updated_at")[:1], "companies_org_public_upd_idx")


def test_published_projects_read_their_indexes(planner_on_indexes):
    from projects import selectors
    from projects.models import Proposal

    assert_reads(selectors.project_cards()[:24], "projects_prop_published_idx")
    assert_reads(Proposal.objects.published().order_by("-updated_at")[:1], "projects_prop_pub_upd_idx")


def test_organization_pickers_read_their_index(planner_on_indexes):
    from companies.models import Organization

    first_page = Organization.objects.active_members().order_by("legal_name")[:50]
    assert_reads(first_page, "companies_org_active_name_idx")


def test_the_staff_desk_reads_the_index_of_evaluations_due(planner_on_indexes):
    from projects import desk

    assert_reads(desk.proposals_with_evaluations_due(), "projects_eval_due_idx")
