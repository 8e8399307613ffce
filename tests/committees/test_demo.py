"""The demo alliance's committees follow the 2016–2018 history, and loading it twice changes nothing."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from audit.models import AuditEvent
from committees import models
from committees.selectors import quorum

pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            models.Committee,
            models.Membership,
            models.MembershipChange,
            models.Post,
            models.PriorityArea,
            models.WorkPlanActivity,
            models.Session,
            models.AgendaItem,
            models.Attendance,
            models.Minutes,
            models.Agreement,
            AuditEvent,
        )
    }


def test_loading_the_demo_twice_changes_nothing(demo):
    before = counts()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == before


def test_the_five_committees_with_their_sdgs_members_and_current_posts(demo):
    committees = {c.goal.number: c for c in models.Committee.objects.select_related("goal")}
    assert sorted(committees) == [4, 7, 10, 11, 12]
    assert committees[4].name == "Educación"
    for number, committee in committees.items():
        chair = models.Post.objects.current().get(committee=committee, kind="chair")
        secretary = models.Post.objects.current().get(committee=committee, kind="secretary")
        assert chair.holder.email == f"presidencia.ods{number}@axs.example"
        assert secretary.holder.email == f"secretaria.ods{number}@axs.example"
        assert models.Membership.objects.current().filter(committee=committee, organization=chair.organization).exists()
    assert models.Membership.objects.filter(committee=committees[12], status="active").count() == 15


def test_a_chair_was_replaced_and_some_members_left(demo):
    terms = models.Post.objects.filter(committee__goal__number=12, kind="chair").order_by("started_on")
    assert [t.holder.email for t in terms] == ["representante@axs.example", "presidencia.ods12@axs.example"]
    assert terms[0].ended_on == terms[1].started_on
    assert models.Membership.objects.filter(status="left").count() >= 2
    assert models.Membership.objects.filter(status="suspended").exists()


def test_the_plenaries_installations_and_monthly_sessions(demo):
    launch = models.Session.objects.get(kind="plenary", starts_at__date="2016-05-19")
    assert launch.reported_attendance == 81
    assert quorum(launch)["organizations_counted"] == 81
    assert models.Session.objects.get(kind="plenary", starts_at__date="2016-07-06").reported_attendance == 90
    assert models.Session.objects.filter(kind="plenary", starts_at__date="2016-08-23").exists()
    assert models.Session.objects.filter(kind="chairs", starts_at__date="2017-06-07").exists()
    installations = models.Session.objects.filter(title__startswith="Sesión de instalación")
    assert sorted(s.starts_at.date().isoformat() for s in installations) == [
        "2016-10-31",
        "2016-11-01",
        "2016-11-02",
        "2016-11-03",
        "2016-11-04",
    ]
    march_2018 = models.Session.objects.filter(kind="committee", starts_at__year=2018, starts_at__month=3)
    assert march_2018.count() == 5
    assert all(s.minutes.filter(status="approved").exists() for s in march_2018)
    assert models.Agreement.objects.overdue().exists()


def test_there_are_upcoming_sessions_for_the_calendar(demo):
    upcoming = models.Session.objects.filter(starts_at__gt=timezone.now())
    assert upcoming.filter(kind="committee").count() == 5
    assert upcoming.filter(kind="plenary").exists()
