"""A project's state in the report is its state at the period's end, whatever it is today."""

import datetime

import pytest
from django.utils import timezone, translation

from projects.models import Proposal, ProposalStatus, ProposalTransition
from reports.editions import edition_html
from reports.figures import bounds
from reports.project_chapter import structured_projects

pytestmark = pytest.mark.django_db

PERIOD = (datetime.date(2016, 5, 1), datetime.date(2018, 3, 31))


def test_a_project_in_implementation_today_prints_structured_in_the_2016_2018_report(demo):
    project = structured_projects(*bounds(*PERIOD)).order_by("title").first()
    ProposalTransition.objects.create(
        proposal=project,
        from_status=ProposalStatus.STRUCTURED,
        to_status=ProposalStatus.IN_IMPLEMENTATION,
        actor=project.transitions.first().actor,
        created_at=timezone.make_aware(datetime.datetime(2018, 9, 3, 10)),
    )
    Proposal.objects.filter(pk=project.pk).update(status=ProposalStatus.IN_IMPLEMENTATION)
    with translation.override("es-mx"):
        html = edition_html(*PERIOD)
    chapter = html[html.index(project.title, html.index('id="projects"')) :]
    summary = chapter[: chapter.index("</p>", chapter.index('class="small muted"'))]
    assert "Estructurada al cierre del periodo" in summary
    assert "En implementación" not in summary
    assert structured_projects(*bounds(*PERIOD)).get(pk=project.pk).status_at_end == ProposalStatus.STRUCTURED
