"""The demo alliance's committees follow the 2016–2018 history, and loading it twice changes nothing."""

import datetime
import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.utils import timezone

from audit.models import AuditEvent
from committees import models
from committees.demo import INSTALLED_ON, LATER_MEMBERS, NO_DATA_REASON, mark_real_memberships_no_data
from committees.selectors import quorum
from companies.demo import DEMO_COMMITTEE_SEATS
from companies.models import Representative

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
    # 15 real organizations named at the installation (no data after it), 3 fictitious still active, 1 fictitious
    # suspended and 2 gone.
    assert models.Membership.objects.filter(committee=committees[12], status="active").count() == 3
    assert models.Membership.objects.filter(committee=committees[12], status="unknown").count() == 15


def test_a_chair_was_replaced_and_some_members_left(demo):
    terms = models.Post.objects.filter(committee__goal__number=12, kind="chair").order_by("started_on")
    assert [t.holder.email for t in terms] == [
        "miriam.felix@alimentos-del-campo-sinaloense.axs.example",
        "presidencia.ods12@axs.example",
    ]
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
    # The seed says the committees met "al menos una vez al mes", not on which day: known to the month only.
    assert set(march_2018.values_list("date_precision", flat=True)) == {"month"}
    assert {s.date_precision for s in installations} == {"year"}
    assert models.Session.objects.get(kind="chairs", starts_at__date="2017-06-07").date_precision == "day"
    assert all(s.minutes.filter(status="approved").exists() for s in march_2018)
    assert models.Agreement.objects.overdue().exists()


def test_there_are_upcoming_sessions_for_the_calendar(demo):
    upcoming = models.Session.objects.filter(starts_at__gt=timezone.now())
    assert upcoming.filter(kind="committee").count() == 5
    assert upcoming.filter(kind="plenary").exists()


def test_the_installations_seat_the_named_and_the_fictitious_participants_and_report_them(demo):
    for goal, installed_on in INSTALLED_ON.items():
        seated = models.Membership.objects.filter(committee__goal__number=goal, joined_on=installed_on)
        assert sorted(seated.values_list("organization__legal_name", flat=True)) == sorted(DEMO_COMMITTEE_SEATS[goal])
        installation = models.Session.objects.get(
            committee__goal__number=goal, title__startswith="Sesión de instalación"
        )
        assert installation.reported_attendance == seated.count()
    seated_anywhere = models.Membership.objects.filter(joined_on__lte="2016-11-04").values("organization").distinct()
    assert seated_anywhere.count() > 60


def test_the_real_organizations_history_says_only_that_they_sat_at_the_installation(demo):
    real = models.Membership.objects.filter(organization__is_fictitious=False)
    assert real.count() == 59 and real.values("organization").distinct().count() == 46
    assert not real.exclude(status="unknown").exists(), "no real organization is a current member (nor left)"
    assert not models.Membership.objects.current().filter(organization__is_fictitious=False).exists()
    for membership in real.select_related("committee"):
        installed_on = membership.committee.installed_on
        assert membership.joined_on == installed_on and membership.ended_on is None
        steps = list(membership.changes.order_by("effective_on", "id").values_list("to_status", "effective_on"))
        assert steps == [("active", installed_on), ("unknown", installed_on + datetime.timedelta(days=1))]
        assert membership.changes.get(to_status="unknown").reason == NO_DATA_REASON
    assert not models.Membership.objects.on(datetime.date(2018, 3, 31)).filter(organization__is_fictitious=False)


def test_loading_the_demo_on_an_older_demo_marks_the_real_memberships_no_data(demo):
    from django.contrib.auth import get_user_model

    membership = models.Membership.objects.filter(organization__is_fictitious=False).first()
    # As an older demo left it: active since the installation, with no later step.
    membership.changes.filter(to_status="unknown").delete()
    models.Membership.objects.filter(pk=membership.pk).update(status="active")
    actor = get_user_model().objects.get(email="staff@amexcid.example")
    assert mark_real_memberships_no_data(actor) == 1
    assert mark_real_memberships_no_data(actor) == 0
    membership.refresh_from_db()
    assert membership.status == "unknown"
    assert membership.changes.get(to_status="unknown").effective_on == (
        membership.committee.installed_on + datetime.timedelta(days=1)
    )


def test_fictitious_participants_left_or_paused_in_2017_with_a_reason_and_one_joined_later(demo):
    fictitious = models.MembershipChange.objects.filter(membership__organization__is_fictitious=True)
    steps = fictitious.filter(to_status__in=["left", "suspended"])
    assert steps.count() >= 8
    assert not steps.filter(reason="").exists()
    assert {change.effective_on.year for change in steps} == {2017}
    assert fictitious.filter(from_status="suspended", to_status="active").exists()  # one came back
    goal, short, joined_on, _reason = LATER_MEMBERS[0]
    later = models.Membership.objects.get(committee__goal__number=goal, organization__short_name=short)
    assert later.joined_on == joined_on and later.status == "active" and later.source == "invitation"


def test_agreements_fall_to_organizations_that_sat_on_the_committee_that_day(demo):
    for agreement in models.Agreement.objects.filter(session__starts_at__year__lte=2018).select_related("session"):
        day = agreement.session.starts_at.date()
        assert (
            models.Membership.objects.active_on(day)
            .filter(committee=agreement.committee, organization=agreement.responsible_organization)
            .exists()
        ), agreement


def past_committee_sessions():
    return models.Session.objects.filter(kind="committee", starts_at__lt=timezone.now()).select_related("committee")


def test_members_attend_through_their_representative_only_while_active_on_the_sessions_day(demo):
    for session in past_committee_sessions():
        day = timezone.localdate(session.starts_at)
        # The seed names no real organization's person: only the fictitious members are on any list.
        members = models.Membership.objects.filter(committee=session.committee, organization__is_fictitious=True)
        members = members.active_on(day)
        active = set(members.values_list("organization", flat=True))
        recorded = list(session.attendance.values_list("organization", "person"))
        assert {organization for organization, _person in recorded} == active, session
        assert len(recorded) == len(active), "one person for each organization"
        links = Representative.objects.filter(user__in=[person for _organization, person in recorded])
        assert set(links.values_list("user", "organization")) == {(p, o) for o, p in recorded}
    suspended = models.Membership.objects.get(
        committee__goal__number=7, organization__short_name="Solar Comunitaria de Oaxaca"
    )
    assert not models.Attendance.objects.filter(
        organization=suspended.organization,
        session__committee=suspended.committee,
        session__starts_at__date__gt="2017-08-09",
    ).exists()
    assert models.Attendance.objects.filter(
        organization=suspended.organization, session__committee=suspended.committee, status="present"
    ).exists()


def test_most_members_are_present_some_excused_or_absent_and_the_posts_as_before(demo):
    # After the installations (every seated organization present, as the seed lists them).
    statuses = Counter(
        models.Attendance.objects.filter(session__kind="committee")
        .exclude(session__title__startswith="Sesión de instalación")
        .values_list("status", flat=True)
    )
    total = sum(statuses.values())
    assert 0.8 <= statuses["present"] / total <= 0.9
    assert statuses["excused"] and statuses["absent"]
    assert not models.Attendance.objects.filter(status="excused").exclude(response="not_attending").exists()
    for session in past_committee_sessions():
        posts = models.Post.objects.filter(committee=session.committee, started_on__lte=session.starts_at.date())
        secretary = posts.filter(kind="secretary").get()
        assert session.attendance.get(person=secretary.holder).status == "present"
    assert models.Session.objects.filter(kind="plenary", attendance__isnull=False).count() == 0


def test_installations_reach_quorum_and_later_lists_count_the_fictitious_members_present(demo):
    summaries = {session: quorum(session) for session in past_committee_sessions()}
    assert len(summaries) == 85
    assert all(summary["organizations_present"] <= summary["expected"] for summary in summaries.values())
    installations = [s for s in summaries if s.title.startswith("Sesión de instalación")]
    assert len(installations) == 5 and all(summaries[s]["reached"] for s in installations)
    for session in installations:  # the reported figure: every organization seated that day
        seated = models.Membership.objects.filter(committee=session.committee).active_on(session.starts_at.date())
        assert summaries[session]["organizations_counted"] == session.reported_attendance == seated.count()
    # The later lists hold the fictitious members only; of the real ones there is no data after the installation
    # (whether they were still members): the quorum is "no data", never "not reached", nor "reached" by the
    # fictitious members alone.
    for session in set(summaries) - set(installations):
        summary = summaries[session]
        day = timezone.localdate(session.starts_at)
        real = models.Membership.objects.filter(committee=session.committee, organization__is_fictitious=False)
        assert summary["reached"] is None and summary["no_data"] == real.unknown_on(day).count() > 0, session
    # "alrededor de 50 empresas continuaban participando activamente en las sesiones de los comités" (March 2018)
    # names none of them: it is a recorded figure (reports.demo), and the lists of early 2018 hold only the
    # fictitious members, most of them present.
    early_2018 = (
        models.Attendance.objects.filter(
            session__kind="committee",
            session__starts_at__date__range=("2018-01-01", "2018-03-31"),
            status="present",
        )
        .values("organization")
        .distinct()
    )
    fictitious_members = (
        models.Membership.objects.active_on(datetime.date(2018, 3, 31))
        .filter(organization__is_fictitious=True)
        .values("organization")
        .distinct()
    )
    assert early_2018.count() == fictitious_members.count() == 9
    assert not early_2018.filter(organization__is_fictitious=False).exists()


def test_a_monthly_sessions_page_says_its_quorum_is_unknown_not_missed(demo, client, django_assert_max_num_queries):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    session = models.Session.objects.filter(kind="committee", starts_at__year=2018, attendance__isnull=False).first()
    client.force_login(get_user_model().objects.get(email="staff@amexcid.example"))
    with django_assert_max_num_queries(30):
        html = client.get(reverse("committees:session-detail", args=[session.pk])).content.decode()
    assert "Quórum: sin dato" in html and "Sin quórum" not in html
    assert "Quórum alcanzado" not in html  # not by the fictitious members alone
    no_data = models.Membership.objects.filter(committee=session.committee).unknown_on(session.starts_at.date())
    assert f"Sin dato para {no_data.count()} organizaciones sobre si seguían siendo integrantes ese día." in html


def test_loading_the_demo_again_strikes_the_retired_contacts_off_the_attendance_lists_once(demo):
    from django.contrib.auth import get_user_model

    from committees.demo_attendance import CORRECTED_REASON
    from committees.services.attendance import ATTENDANCE_CORRECTED, STRUCK
    from companies import services as company_services
    from companies.models import Organization

    User = get_user_model()
    staff = User.objects.get(email="staff@amexcid.example")
    educacion = models.Committee.objects.get(name="Educación")
    installation = educacion.sessions.get(starts_at__date=educacion.installed_on)
    later = educacion.sessions.filter(starts_at__date__gt=educacion.installed_on).order_by("starts_at").first()
    # What a demo loaded before the rule left: an invented contact of a real organization on two lists.
    citibanamex = Organization.objects.get(short_name="Citibanamex")
    contact = User.objects.create_user(
        email="alejandra.mendoza@citibanamex.axs.example", full_name="Alejandra Mendoza Rivas", role="representative"
    )
    company_services.representative_attach(actor=staff, organization=citibanamex, user=contact)
    for session in (installation, later):
        models.Attendance.objects.create(
            session=session, person=contact, organization=citibanamex, status="present", recorded_by=staff
        )
    kept = models.Attendance.objects.exclude(person=contact).count()
    minutes = list(models.Minutes.objects.filter(session=installation).values_list("pk", "version", "status", "body"))
    assert minutes and minutes[0][2] == "approved"  # only staff may correct this list

    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "2 rows of retired invented contacts struck off 2 attendance lists" in out.getvalue()
    assert not models.Attendance.objects.filter(person=contact).exists()
    assert models.Attendance.objects.count() == kept
    events = AuditEvent.objects.filter(action=ATTENDANCE_CORRECTED).order_by("pk")
    assert [event.target_id for event in events] == [str(installation.pk), str(later.pk)]
    for event in events:
        assert event.actor == staff and event.message == CORRECTED_REASON
        assert event.changes == {f"{contact.email} · {citibanamex}": ["present", STRUCK]}
    assert (
        list(models.Minutes.objects.filter(session=installation).values_list("pk", "version", "status", "body"))
        == minutes
    )

    before = counts()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "0 rows of retired invented contacts struck off 0 attendance lists" in out.getvalue()
    assert counts() == before
