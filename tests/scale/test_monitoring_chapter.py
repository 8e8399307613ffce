"""The report's implementation section counts every project in SQL and lists a bounded number of them."""

import datetime

from django.template.loader import render_to_string
from django.urls import reverse

from monitoring.chapter import PROJECTS_SHOWN, implementation_chapter
from monitoring.models import Implementation, Period
from tests.monitoring.conftest import END, START, scene, structured  # noqa: F401 (fixtures)
from tests.projects.ballot_scene import make_candidates
from tests.projects.conftest import in_review, submitted  # noqa: F401 (fixtures)

YEAR = (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))


def start_many(people, n):
    """``n`` more projects in implementation over the same years, each with one period due in 2024 (in bulk)."""
    implementations = Implementation.objects.bulk_create(
        Implementation(proposal=p, starts_on=START, ends_on=END, frequency="yearly", created_by=people.staff)
        for p in make_candidates(people, n)
    )
    Period.objects.bulk_create(
        Period(
            implementation=i,
            number=1,
            starts_on=START,
            ends_on=datetime.date(2024, 12, 31),
            due_on=datetime.date(2024, 12, 31),
        )
        for i in implementations
    )


def section(django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit) as captured:
        chapter = implementation_chapter(*YEAR)
        html = render_to_string("monitoring/pdf/chapter.html", {"chapter": chapter})
    return chapter, html, len(captured)


def test_the_section_lists_the_first_projects_and_counts_every_one(scene, django_assert_max_num_queries):  # noqa: F811
    start_many(scene, 3)
    chapter, small, queries = section(django_assert_max_num_queries, 50)
    assert chapter["count"] == 4 and chapter["more"] == 0 and "proyectos más" not in small
    # The scene's quarterly project has three periods due in 2024, the others one each; none was submitted.
    assert (chapter["due"], chapter["late"]) == (6, 6)
    start_many(scene, PROJECTS_SHOWN + 2)
    chapter, large, _queries = section(django_assert_max_num_queries, queries)
    total = PROJECTS_SHOWN + 6
    assert chapter["count"] == total and len(chapter["projects"]) == PROJECTS_SHOWN
    assert (chapter["due"], chapter["late"]) == (total + 2, total + 2)
    assert large.count("<tr>") == PROJECTS_SHOWN + 1  # the head and one row a project shown
    assert f"{total} proyectos estuvieron en implementación" in large
    assert "Y 6 proyectos más en implementación" in large and reverse("projects:project-list") in large
    first = [i.pk for i in Implementation.objects.order_by("proposal__title", "id")[:PROJECTS_SHOWN]]
    assert [i.pk for i in chapter["projects"]] == first
    due = {i.pk: i.periods.filter(due_on__range=YEAR).count() for i in chapter["projects"]}
    assert {i.pk: (i.due_in_period, i.late_in_period) for i in chapter["projects"]} == {
        pk: (n, n) for pk, n in due.items()
    }
