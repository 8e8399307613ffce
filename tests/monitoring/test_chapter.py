"""The systematization report's section on implementation: figures as the period's last day saw them."""

import datetime

from monitoring.chapter import implementation_chapter
from monitoring.models import Report

from .conftest import approved_report


def test_no_section_for_a_period_before_implementation(scene):
    assert implementation_chapter(datetime.date(2020, 1, 1), datetime.date(2023, 12, 31)) is None


def test_the_section_counts_due_late_and_approved_reports_and_the_figures_by_the_end(scene):
    report = approved_report(scene, value="321")
    Report.objects.filter(pk=report.pk).update(
        submitted_at=datetime.datetime(2024, 4, 20, 12, tzinfo=datetime.UTC),
        decided_at=datetime.datetime(2024, 5, 5, 12, tzinfo=datetime.UTC),
    )
    chapter = implementation_chapter(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    # Periods due in 2024: April 30, July 30, October 30 (the fourth is due on 2025-01-30).
    assert (chapter["due"], chapter["late"], chapter["approved"]) == (3, 2, 1)
    (project,) = chapter["projects"]
    assert [(i.name, figure) for i, figure in project.figures] == [("Toneladas recuperadas", 321)]
    before = implementation_chapter(datetime.date(2024, 1, 1), datetime.date(2024, 4, 30))
    assert before["projects"][0].figures == [] and before["approved"] == 0


def test_the_demo_report_of_2018_to_2019_includes_the_section(demo):
    from reports.documents import _build  # noqa: F401 (the section is wired into the report's context)

    chapter = implementation_chapter(datetime.date(2018, 1, 1), datetime.date(2019, 12, 31))
    assert len(chapter["projects"]) == 4 and chapter["approved"] > 0 and chapter["has_demo"]
