"""The demo's projects in implementation: four projects from 2018, every kind of period, marked as invented."""

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from monitoring import lights, selectors
from monitoring.models import Implementation, Report, ReportStatus


def _assessments():
    today = timezone.localdate()
    result = {}
    for implementation in Implementation.objects.select_related("proposal"):
        periods = selectors.period_rows(implementation, today)
        result[implementation.proposal.title] = (periods, lights.assess(implementation, today))
    return result


def test_the_four_projects_of_march_2018_report_from_2018_and_are_marked_invented(demo):
    implementations = Implementation.objects.select_related("proposal")
    assert implementations.count() == 4
    assert all(i.is_demo and i.starts_on.year == 2018 for i in implementations)
    assert all(i.proposal.status in ("in_implementation", "closed") for i in implementations)
    statuses = set(Report.objects.values_list("status", flat=True))
    assert statuses == {ReportStatus.APPROVED, ReportStatus.RETURNED, ReportStatus.SUBMITTED, ReportStatus.DRAFT}
    assert Report.objects.filter(version=2, status=ReportStatus.APPROVED).exists()  # a correction


def test_the_demo_shows_every_light_and_overdue_periods_on_any_day(demo):
    assessments = _assessments()
    assert {a.light for _periods, a in assessments.values()} == {"on_track", "at_risk", "off_track", "inactive"}
    assert any(p.is_overdue for periods, _a in assessments.values() for p in periods)


def test_no_demo_report_is_decided_by_someone_who_represents_the_projects_consortium(demo):
    from companies.models import Representative
    from monitoring.models import ReportEvent
    from projects.models import ConsortiumMember

    deciders = ReportEvent.objects.filter(to_status__in=[ReportStatus.APPROVED, ReportStatus.RETURNED])
    assert deciders.count() >= 10
    for event in deciders.select_related("report__period__implementation"):
        proposal_id = event.report.period.implementation.proposal_id
        consortium = ConsortiumMember.objects.filter(proposal_id=proposal_id, status__in=["invited", "accepted"])
        represented = Representative.objects.current().filter(user=event.actor_id).values("organization")
        assert not consortium.filter(organization__in=represented).exists(), (event.actor, event.report)
    decided = Report.objects.exclude(decided_by=None).values_list("decided_by", flat=True).distinct()
    assert set(decided) <= set(deciders.values_list("actor", flat=True))


def test_loading_the_demo_twice_changes_nothing(demo):
    before = (Implementation.objects.count(), Report.objects.count())
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Implementation.objects.count(), Report.objects.count()) == before


def test_the_project_page_says_the_figures_are_invented(demo, client):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(email="staff@amexcid.example"))
    implementation = Implementation.objects.first()
    html = client.get(reverse("monitoring:project", args=[implementation.pk])).content.decode()
    assert "Datos de demostración" in html


def test_the_demo_s_reached_milestones_stay_reached_when_staff_approve_a_waiting_report(demo):
    # The demo names each reached milestone in an approved report, as a reporter would: an approval
    # recomputes the milestones from the reports and used to clear every one the demo had set.
    from django.contrib.auth import get_user_model

    from monitoring import services
    from monitoring.models import Milestone

    reached = dict(Milestone.objects.exclude(reached_on=None).values_list("pk", "reached_on"))
    assert reached
    staff = get_user_model().objects.get(email="staff@amexcid.example")
    waiting = Report.objects.filter(status=ReportStatus.SUBMITTED)
    assert waiting.exists()
    for report in waiting:
        services.report_approve(actor=staff, report=report)
    assert dict(Milestone.objects.exclude(reached_on=None).values_list("pk", "reached_on")) == reached
