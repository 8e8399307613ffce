"""The edition preview counts the period's projects in SQL and lists a bounded number of them."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from axs_platform import fragments
from committees.models import Membership
from projects.models import ProposalTransition
from reports.committee_chapter import MEMBERS_SHOWN, SELECTED_SHOWN
from reports.project_chapter import PROJECTS_SHOWN
from tests.factories import make_organization
from tests.projects.ballot_scene import make_candidates
from tests.projects.conftest import seat
from tests.scale.test_dashboard import END, START, structure

PERIOD = {"start": START.isoformat(), "end": END.isoformat()}


def preview(client, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit):
        response = client.get(reverse("reports:edition"), PERIOD)
    assert response.status_code == 200
    return response.content.decode()


def test_the_edition_shows_the_first_projects_and_counts_the_rest(client, cast, django_assert_max_num_queries):
    client.force_login(cast.staff)
    structure(cast, 10)
    with django_assert_max_num_queries(200) as captured:
        small = client.get(reverse("reports:edition"), PERIOD).content.decode()
    queries = len(captured)
    assert small.count('<article class="project">') == 10 and "proyectos más" not in small
    structure(cast, 90)
    large = preview(client, django_assert_max_num_queries, queries)
    assert large.count('<article class="project">') == PROJECTS_SHOWN
    assert f"Y {100 - PROJECTS_SHOWN} proyectos más" in large
    assert reverse("projects:project-list") in large
    # Counted by committee in SQL: one committee, all 100 projects of the period.
    assert '<td class="num">100</td>' in large
    assert len(large) < len(small) * 3


def select(cast, n):
    """``n`` proposals selected within the period (their transitions, in bulk)."""
    when = timezone.make_aware(datetime.datetime(2030, 6, 1, 12))
    ProposalTransition.objects.bulk_create(
        ProposalTransition(
            proposal=p, from_status="evaluation", to_status="selected", actor=cast.staff, created_at=when
        )
        for p in make_candidates(cast, n)
    )
    fragments.changed(fragments.PROPOSALS)  # written around the services, which would have bumped it


def seat_many(cast, n):
    for _ in range(n):
        seat(cast.staff, cast.committee, make_organization(actor=cast.staff))


def test_each_committee_lists_its_first_members_and_selected_projects_and_counts_the_rest(
    client, cast, django_assert_max_num_queries
):
    client.force_login(cast.staff)
    seat_many(cast, 4)
    select(cast, 3)
    with django_assert_max_num_queries(200) as captured:
        small = client.get(reverse("reports:edition"), PERIOD).content.decode()
    queries = len(captured)
    assert "5 organizaciones miembro al cierre del periodo" in small and " más</a>" not in small
    seat_many(cast, MEMBERS_SHOWN)
    select(cast, SELECTED_SHOWN + 2)
    large = preview(client, django_assert_max_num_queries, queries)
    members_url = reverse("committees:committee-members", args=[cast.committee.pk])
    total = MEMBERS_SHOWN + 5
    assert f"{total} organizaciones miembro al cierre del periodo" in large
    assert f'y <a href="{settings.AXS_SITE_URL}{members_url}">5 más</a>' in large
    assert f'y <a href="{settings.AXS_SITE_URL}{reverse("projects:project-list")}">5 más</a>' in large
    # The first members in legal-name order are printed, the rest only counted.
    memberships = Membership.objects.filter(committee=cast.committee).select_related("organization")
    names = [str(m.organization) for m in memberships.order_by("organization__legal_name", "id")]
    printed = large.split(f"{total} organizaciones miembro al cierre del periodo:</strong> ")[1].split(" y <a")[0]
    assert printed.split(", ") == [escape(name) for name in names[:MEMBERS_SHOWN]]
