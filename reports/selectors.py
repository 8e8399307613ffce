"""What the systematization report counts, for one period: every figure comes from the data.

``report_data(start, end)`` reads each table a fixed number of times whatever the number of
committees, sessions or projects, so that a report of 1,000 projects costs queries, not loops.
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, F, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from axs_platform.charts import Bar, horizontal_bar_chart
from axs_platform.figures import format_percent, percent
from committees.models import (
    Attendance,
    AttendanceStatus,
    Committee,
    Membership,
    MembershipStatus,
    Post,
    Session,
    SessionKind,
    SessionStatus,
)
from committees.selectors import organizations_counted
from projects.models import (
    ConsortiumMember,
    PartnerStatus,
    ProjectIndicator,
    Proposal,
    ProposalStatus,
    ProposalTransition,
)
from surveys.models import Survey, SurveyPurpose
from surveys.selectors.results import sdg_ranking, survey_results

from .models import Acronym, BibliographyEntry, Finding, FindingKind, Milestone, ObjectiveContribution, Stage


def _bounds(start, end):
    """Return aware datetimes for the first moment of ``start`` and the last of ``end``."""
    zone = timezone.get_current_timezone()
    return (
        datetime.datetime.combine(start, datetime.time.min, tzinfo=zone),
        datetime.datetime.combine(end, datetime.time.max, tzinfo=zone),
    )


def plenary_participation(start, end):
    """Return the plenaries of the period with the organizations counted at each (attendance, reported or None)."""
    since, until = _bounds(start, end)
    plenaries = list(
        Session.objects.filter(kind=SessionKind.PLENARY, starts_at__range=(since, until))
        .exclude(status=SessionStatus.CANCELLED)
        .annotate(
            present=Count(
                "attendance__organization",
                filter=Q(attendance__status=AttendanceStatus.PRESENT),
                distinct=True,
            ),
            recorded=Count("attendance", filter=~Q(attendance__status=""), distinct=True),
        )
        .order_by("starts_at", "id")
    )
    for plenary in plenaries:
        plenary.organizations_counted = organizations_counted(
            plenary.present, plenary.recorded, plenary.reported_attendance
        )
    return plenaries


def priorities_survey(start, end):
    """Return the priorities survey of the period with its invitations, responses and SDG ranking, or None."""
    since, until = _bounds(start, end)
    survey = (
        Survey.objects.filter(purpose=SurveyPurpose.PRIORITIES, published_at__isnull=False)
        .filter(Q(opens_at__range=(since, until)) | Q(opens_at__isnull=True, published_at__range=(since, until)))
        .annotate(
            invited=Count("invitations", distinct=True),
            answered=Count("invitations", filter=Q(invitations__responded_at__isnull=False), distinct=True),
        )
        .order_by("opens_at", "id")
        .first()
    )
    if survey is None:
        return None
    invited = survey.recorded_invited_count or survey.invited
    answered = survey.recorded_response_count if survey.recorded_invited_count else survey.answered
    _respondents, results = survey_results(survey, texts_shown=0)
    ranking = sdg_ranking(results)
    # The report shows how many chose each SDG: most chosen first, then most first places, then SDG number.
    rows = sorted(ranking["rows"] if ranking else [], key=lambda row: (-row["count"], -row["first"], row["order"]))
    return {
        "survey": survey,
        "invited": invited,
        "answered": answered,
        "rate": percent(answered, invited),
        "recorded": bool(survey.recorded_invited_count),
        "ranking": rows,
        "ranking_answered": ranking["answered"] if ranking else 0,
    }


def _seated_at_installation():
    """Memberships of organizations that sat on their committee on the day it was installed."""
    return (
        Q(committee__installed_on__isnull=False, joined_on__lte=F("committee__installed_on"))
        & (Q(ended_on__isnull=True) | Q(ended_on__gte=F("committee__installed_on")))
        & ~Q(status__in=[MembershipStatus.REQUESTED, MembershipStatus.DECLINED])
    )


def committees_of(start, end, transitions):
    """Return the committees installed by the end of the period, with members, posts, sessions and projects."""
    since, until = _bounds(start, end)
    committees = list(
        Committee.objects.filter(Q(installed_on__lte=end) | Q(installed_on__isnull=True, created_at__lte=until))
        .select_related("goal")
        .annotate(
            sessions_held=Count(
                "sessions",
                filter=Q(sessions__starts_at__range=(since, until)) & ~Q(sessions__status=SessionStatus.CANCELLED),
                distinct=True,
            )
        )
        .order_by("goal__number", "name")
    )
    members = defaultdict(list)
    for membership in (
        Membership.objects.on(end)
        .filter(committee__in=committees)
        .select_related("organization")
        .order_by("organization__legal_name")
    ):
        organization = membership.organization
        organization.suspended_at_end = membership.status_on == MembershipStatus.SUSPENDED
        members[membership.committee_id].append(organization)
    at_installation = dict(
        Membership.objects.filter(_seated_at_installation(), committee__in=committees)
        .order_by()
        .values("committee")
        .annotate(organizations=Count("organization", distinct=True))
        .values_list("committee", "organizations")
    )
    posts = defaultdict(list)
    for post in (
        Post.objects.filter(committee__in=committees, started_on__lte=end)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
        .select_related("holder", "organization")
        .order_by("started_on", "id")
    ):
        posts[post.committee_id].append(post)
    selected_ids = {t["proposal_id"] for t in transitions if t["to_status"] == ProposalStatus.SELECTED}
    selected = defaultdict(list)
    for proposal in Proposal.objects.filter(pk__in=selected_ids).select_related("lead_organization").order_by("title"):
        selected[proposal.committee_id].append(proposal)
    for committee in committees:
        committee.members_at_end = members[committee.pk]
        committee.members_at_installation = at_installation.get(committee.pk, 0)
        committee.posts_in_period = posts[committee.pk]
        committee.selected_projects = selected[committee.pk]
    return committees


def project_summaries(proposal_ids):
    """Return the structured projects with what their summary shows, in a fixed number of queries."""
    return list(
        Proposal.objects.filter(pk__in=proposal_ids)
        .select_related("committee__goal", "lead_organization")
        .prefetch_related(
            Prefetch(
                "consortium",
                queryset=ConsortiumMember.objects.filter(status=PartnerStatus.ACCEPTED)
                .select_related("organization")
                .prefetch_related("contributions"),
            ),
            Prefetch(
                "indicators",
                queryset=ProjectIndicator.objects.filter(component__isnull=True).select_related("sdg_indicator"),
            ),
            "budget",
            "components",
        )
        .order_by("committee__goal__number", "title", "id")
    )


def _stage_of(day, boundaries):
    for stage, since in reversed(boundaries):
        if since is not None and day >= since:
            return stage
    return Stage.APPROACH


def _present_at_committee_sessions(since, until):
    """Count the organizations present at one or more committee sessions between two moments."""
    return (
        Attendance.objects.filter(
            session__kind=SessionKind.COMMITTEE,
            session__starts_at__range=(since, until),
            status=AttendanceStatus.PRESENT,
        )
        .exclude(session__status=SessionStatus.CANCELLED)
        .values("organization")
        .distinct()
        .count()
    )


def _months_before(day, months):
    """Return the first day of the month ``months`` months before ``day``'s."""
    index = day.year * 12 + day.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, 1)


def report_data(start, end):
    """Return every figure, table and text of the report for the period ``start``–``end`` (dates)."""
    since, until = _bounds(start, end)
    transitions = list(
        ProposalTransition.objects.filter(created_at__range=(since, until)).values(
            "proposal_id", "to_status", "created_at"
        )
    )
    plenaries = plenary_participation(start, end)
    survey = priorities_survey(start, end)
    committees = committees_of(start, end, transitions)
    structured_on = {}
    for row in transitions:
        if row["to_status"] == ProposalStatus.STRUCTURED:
            structured_on.setdefault(row["proposal_id"], row["created_at"])
    projects = project_summaries(structured_on)
    for project in projects:
        project.structured_on = structured_on[project.pk]
        project.budget_total = sum((line.amount_mxn for line in project.budget.all()), Decimal(0))
    submitted = {t["proposal_id"] for t in transitions if t["to_status"] == ProposalStatus.SUBMITTED}
    # Organizations active on a committee on the period's last day (suspended ones not), as of then.
    active_organizations = Membership.objects.active_on(end).values("organization").distinct().count()
    installed_in_period = [c for c in committees if c.installed_on and start <= c.installed_on <= end]
    # Distinct: an organization seated on several committees took part in the installation once.
    installation_organizations = (
        Membership.objects.filter(_seated_at_installation(), committee__in=installed_in_period)
        .order_by()
        .values("organization")
        .distinct()
        .count()
        if installed_in_period
        else None
    )
    committee_sessions = sum(committee.sessions_held for committee in committees)
    attended = _present_at_committee_sessions(since, until)
    # "About 50 companies continued to take an active part in the committees' sessions" (March 2018):
    # those present at a session of the period's last three months, not the members on paper.
    recent_since = max(start, _months_before(end, 2))
    attended_recently = _present_at_committee_sessions(_bounds(recent_since, end)[0], until)

    installed = sorted(c.installed_on for c in committees if c.installed_on)
    implementation = sorted(
        t["created_at"].date() for t in transitions if t["to_status"] == ProposalStatus.IN_IMPLEMENTATION
    )
    boundaries = [
        (Stage.APPROACH, start),
        (
            Stage.PRIORITIES,
            timezone.localdate(survey["survey"].opens_at) if survey and survey["survey"].opens_at else None,
        ),
        (Stage.STRUCTURING, installed[0] if installed else None),
        (Stage.IMPLEMENTATION, implementation[0] if implementation else None),
    ]
    timeline = [
        {"date": m.happened_on, "title": m.title, "body": m.body, "stage": m.stage, "recorded": False}
        for m in Milestone.objects.filter(happened_on__range=(start, end))
    ]
    for plenary in plenaries:
        timeline.append(
            {
                "date": timezone.localdate(plenary.starts_at),
                "title": plenary.title,
                "body": _("%(count)s organizations took part.") % {"count": plenary.organizations_counted}
                if plenary.organizations_counted
                else "",
                "recorded": True,
            }
        )
    if survey and survey["survey"].opens_at:
        timeline.append(
            {
                "date": timezone.localdate(survey["survey"].opens_at),
                "title": survey["survey"].title,
                "body": _("Sent to %(invited)s organizations; %(rate)s answered.")
                % {"invited": survey["invited"], "rate": format_percent(survey["rate"])},
                "recorded": True,
            }
        )
    for committee in installed_in_period:
        timeline.append(
            {
                "date": committee.installed_on,
                "title": _("Installation of the committee %(name)s") % {"name": committee.name},
                "body": _("%(count)s organizations took part.") % {"count": committee.members_at_installation}
                if committee.members_at_installation
                else "",
                "recorded": True,
            }
        )
    by_day = defaultdict(list)
    for project in projects:
        by_day[timezone.localdate(project.structured_on)].append(project.title)
    for day, titles in by_day.items():
        timeline.append(
            {
                "date": day,
                "title": _("Projects structured: %(count)s") % {"count": len(titles)},
                "body": "; ".join(titles[:10]) + ("…" if len(titles) > 10 else ""),
                "recorded": True,
            }
        )
    for item in timeline:
        item.setdefault("stage", _stage_of(item["date"], boundaries))
    timeline.sort(key=lambda item: (item["date"], item["recorded"]))
    stages = [(value, label, [item for item in timeline if item["stage"] == value]) for value, label in Stage.choices]

    findings = defaultdict(list)
    for finding in Finding.objects.all():
        findings[finding.kind].append(finding)
    launch = plenaries[0] if plenaries else None
    return {
        "start": start,
        "end": end,
        "figures": {
            "launch_organizations": launch.organizations_counted if launch else None,
            "plenaries": len(plenaries),
            "survey_invited": survey["invited"] if survey else None,
            "survey_rate": survey["rate"] if survey else None,
            "committees": len(committees),
            "installation_organizations": installation_organizations,
            "committee_sessions": committee_sessions,
            "proposals_submitted": len(submitted),
            "projects_structured": len(projects),
            "active_organizations": active_organizations,
            "organizations_in_sessions": attended,
            "recent_sessions_since": recent_since,
            "organizations_in_recent_sessions": attended_recently,
        },
        "plenaries": plenaries,
        "survey": survey,
        "committees": committees,
        "projects": projects,
        "stages": stages,
        "timeline": timeline,
        "successes": findings[FindingKind.SUCCESS],
        "challenges": findings[FindingKind.CHALLENGE],
        "recommendations": findings[FindingKind.RECOMMENDATION],
        "objectives": list(ObjectiveContribution.objects.all()),
        "bibliography": list(BibliographyEntry.objects.all()),
        "acronyms": list(Acronym.objects.all()),
    }


def report_charts(data):
    """Return the report's charts as inline SVG: the same on the dashboard and in the PDF."""
    charts = {}
    counted = [p for p in data["plenaries"] if p.organizations_counted is not None]
    if counted:
        charts["participation"] = horizontal_bar_chart(
            [Bar(p.title, p.organizations_counted, "#691c32") for p in counted],
            title=_("Organizations at each plenary session"),
            description=_("Organizations counted at each plenary of the period (attendance list or reported figure)."),
            total=max(p.organizations_counted for p in counted) or None,
            width=600,
            label_width=250,
        )
    survey = data["survey"]
    if survey:
        charts["response_rate"] = horizontal_bar_chart(
            [
                Bar(_("Answered"), survey["answered"], "#bc955c"),
                Bar(_("Did not answer"), survey["invited"] - survey["answered"], "#98989a"),
            ],
            title=_("Response rate of the priorities survey"),
            description=_("%(answered)s of %(invited)s invited organizations answered.")
            % {"answered": survey["answered"], "invited": survey["invited"]},
            total=survey["invited"],
            width=600,
            label_width=250,
        )
        if survey["ranking"]:
            charts["sdg_ranking"] = horizontal_bar_chart(
                [Bar(row["label"], row["count"], row["colour"]) for row in survey["ranking"]],
                title=_("Priority SDGs chosen by the organizations"),
                description=_("How many respondents chose each SDG, first places first."),
                total=survey["ranking_answered"] or None,
                width=600,
                label_width=250,
            )
    return charts
