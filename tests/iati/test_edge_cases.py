"""Projects at the edges still give valid files: no budget, no monitoring yet, missing dates, several languages."""

import pytest
from django.urls import reverse
from django.utils import timezone

from iati import selectors, validation
from iati.writer import is_publishable
from monitoring import services as monitoring_services
from projects.models import Activity, BudgetLine, Proposal, ProposalTransition
from tests.monitoring.conftest import approved_report, filled_report, scene, structured  # noqa: F401
from tests.projects.conftest import cast, draft, in_review, submitted  # noqa: F401

from .helpers import activities_tree, activity_of, demo_publisher


def _valid(tree):
    assert validation.problems(tree, validation.ACTIVITIES) == []
    return tree


def _publish(proposal):
    Proposal.objects.filter(pk=proposal.pk).update(published_at=timezone.now())
    return proposal


def test_a_project_with_no_budget_has_no_budget_element_and_validates(structured):  # noqa: F811
    _publish(structured)
    BudgetLine.objects.filter(proposal=structured).delete()
    activity = activity_of(_valid(activities_tree()), structured)
    assert activity is not None and activity.find("budget") is None


def test_a_project_without_monitoring_yet_is_in_pipeline_with_planned_dates_from_its_schedule(structured):  # noqa: F811
    _publish(structured)
    activity = activity_of(_valid(activities_tree()), structured)
    assert activity.find("activity-status").get("code") == "1"
    assert activity.find("result") is None
    types = [d.get("type") for d in activity.iterfind("activity-date")]
    assert types == ["1", "3"]


def test_a_project_with_missing_dates_is_left_out_as_iati_requires_a_start_date(client, structured):  # noqa: F811
    _publish(structured)
    Activity.objects.filter(component__proposal=structured).delete()
    assert not is_publishable(selectors.published_projects().get(pk=structured.pk))
    assert not selectors.publication_rows().get(pk=structured.pk).has_start_date
    assert not selectors.has_start_date(structured)
    demo_publisher()
    # An activity file needs one activity at least: with none to publish the address says so.
    response = client.get(reverse("iati:activities"))
    assert response.status_code == 404
    assert client.get(reverse("iati:project-file", args=[structured.pk])).status_code == 404


def test_a_project_with_only_a_start_date_validates(structured):  # noqa: F811
    _publish(structured)
    Activity.objects.filter(component__proposal=structured).delete()
    Proposal.objects.filter(pk=structured.pk).update(status="in_implementation")
    ProposalTransition.objects.create(
        proposal=structured, from_status="structured", to_status="in_implementation", actor=structured.created_by
    )
    activity = activity_of(_valid(activities_tree()), structured)
    assert [d.get("type") for d in activity.iterfind("activity-date")] == ["2"]


def test_several_languages_are_narratives_with_xml_lang(structured):  # noqa: F811
    _publish(structured)
    Proposal.objects.filter(pk=structured.pk).update(title_en="Zero waste", summary_en="In English.")
    activity = activity_of(_valid(activities_tree()), structured)
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    titles = [(n.get(xml_lang), n.text) for n in activity.iterfind("title/narrative")]
    assert titles == [(None, structured.title), ("en", "Zero waste")]
    descriptions = [(n.get(xml_lang), n.text) for n in activity.iterfind("description[@type='1']/narrative")]
    assert descriptions == [(None, structured.summary), ("en", "In English.")]


@pytest.mark.parametrize("value", ["321"])
def test_a_project_in_implementation_publishes_approved_figures_and_not_submitted_ones(scene, value):  # noqa: F811
    _publish(scene.proposal)
    approved_report(scene, value=value)
    monitoring_services.report_submit(actor=scene.lead, report=filled_report(scene, scene.periods[1], value="4444"))
    activity = activity_of(_valid(activities_tree()), scene.proposal)
    actuals = activity.xpath("result/indicator/period/actual/@value")
    assert actuals == ["321"]
    assert activity.find("activity-status").get("code") == "2"
    period = activity.xpath("result/indicator/period[actual]")[0]
    assert period.find("period-start").get("iso-date") == scene.periods[0].starts_on.isoformat()
