"""What the systematization report counts, for one period: every figure comes from the data.

``report_data(start, end)`` reads each table a fixed number of times whatever the number of
committees, sessions or projects, so that a report of 1,000 projects costs queries, not loops.
"""

from collections import defaultdict

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from axs_platform.charts import Bar, horizontal_bar_chart
from axs_platform.figures import format_percent, percent
from committees.models import (
    AttendanceStatus,
    Session,
    SessionKind,
    SessionStatus,
)
from committees.selectors import organizations_counted
from projects.models import (
    ProposalStatus,
    ProposalTransition,
)
from surveys.models import Survey, SurveyPurpose
from surveys.selectors.results import MIN_ANONYMOUS_RESPONDENTS, results_withheld, sdg_ranking, survey_results

from .bibliography import in_reading_order
from .committee_chapter import committees_of
from .figures import bounds, report_figures
from .markup import render_markup
from .models import (
    Acronym,
    AllianceObjective,
    BibliographyEntry,
    Finding,
    FindingKind,
    Milestone,
    NarrativeText,
    ObjectiveContribution,
    Qualifier,
    RecordedFigure,
    Stage,
)
from .project_chapter import (
    project_summaries,
    projects_by_committee,
    projects_by_state,
    reaching,
    structured_by_day,
    structured_projects,
)


def plenary_participation(start, end):
    """Return the plenaries of the period with the organizations counted at each (attendance, reported or None)."""
    since, until = bounds(start, end)
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
    # Read only when a plenary has a reported count: one query, not one per plenary.
    reported_any = any(plenary.reported_attendance for plenary in plenaries)
    figures = _recorded_figures(start, end) if reported_any else []
    for plenary in plenaries:
        plenary.organizations_counted = organizations_counted(
            plenary.present, plenary.recorded, plenary.reported_attendance
        )
        reported = bool(plenary.reported_attendance) and plenary.reported_attendance >= plenary.present
        plenary.count_text = (
            _stated(figures, timezone.localdate(plenary.starts_at), plenary.organizations_counted)
            if reported
            else plenary.organizations_counted
        )
    return plenaries


def _recorded_figures(start, end):
    return list(RecordedFigure.objects.current().filter(as_of__range=(start, end)))


def _stated(figures, day, value):
    """Return ``value`` as the recorded figure of ``day`` that gives it states it (“more than 90”), else the value.

    A count entered on a session or a survey carries no qualifier of its own; the recorded figure of the same day
    and value, with its source, says whether the source gave it as exact, a lower bound or an approximation.
    """
    for figure in figures:
        stated = figure.as_of == day and not figure.is_percentage and figure.value == value
        if stated and figure.qualifier != Qualifier.EXACT:
            return f"{figure.get_qualifier_display()} {value}"
    return value


def priorities_survey(start, end):
    """Return the priorities survey of the period with its invitations, responses and SDG ranking, or None.

    The ranking is empty while ``results_withheld`` says why (``withheld``) an anonymous survey's answers are not shown.
    """
    since, until = bounds(start, end)
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
    rate, invited_text = percent(answered, invited), invited
    if survey.recorded_invited_count and survey.closes_at:
        # Totals recorded from before the platform: the source's own rate and wording, not a finer recomputed one.
        closed_on, figures = timezone.localdate(survey.closes_at), _recorded_figures(start, end)
        invited_text = _stated(figures, closed_on, invited)
        stated_rates = [f.value for f in figures if f.as_of == closed_on and f.is_percentage and f.value is not None]
        rate = stated_rates[0] if stated_rates else rate
    respondents, results = survey_results(survey, texts_shown=0)
    # An anonymous survey's answers wait for its close and enough respondents, here as on its results page.
    withheld = results_withheld(survey, respondents)
    ranking = None if withheld else sdg_ranking(results)
    # The report shows how many chose each SDG: most chosen first, then most first places, then SDG number.
    rows = sorted(ranking["rows"] if ranking else [], key=lambda row: (-row["count"], -row["first"], row["order"]))
    return {
        "survey": survey,
        "invited": invited,
        "invited_text": invited_text,
        "answered": answered,
        "rate": rate,
        "recorded": bool(survey.recorded_invited_count),
        "ranking": rows,
        "ranking_answered": ranking["answered"] if ranking else 0,
        "withheld": withheld,
        "minimum_respondents": MIN_ANONYMOUS_RESPONDENTS,
    }


def system_milestones(end):
    """Return the milestones of the Mexican cooperation system up to ``end``, whatever the period's start.

    They are where the alliance comes from (chapter 1's timeline): most happened before any period of the report.
    """
    return list(Milestone.objects.current().filter(stage=Stage.SYSTEM, happened_on__lte=end).select_related("source"))


def _stage_of(day, boundaries):
    for stage, since in reversed(boundaries):
        if since is not None and day >= since:
            return stage
    return Stage.APPROACH


def report_data(start, end):
    """Return every figure, table and text of the report for the period ``start``–``end`` (dates)."""
    since, until = bounds(start, end)
    plenaries = plenary_participation(start, end)
    survey = priorities_survey(start, end)
    committees = committees_of(start, end, reaching(ProposalStatus.SELECTED, since, until))
    structured = structured_projects(since, until)
    projects = project_summaries(structured)
    by_state = projects_by_state(structured)
    # Each project structured in the period has a state at its end: the states count them all.
    projects_total = sum(row["count"] for row in by_state)
    installed_in_period = [c for c in committees if c.installed_on and start <= c.installed_on <= end]

    installed = sorted(c.installed_on for c in committees if c.installed_on)
    implementation = (
        ProposalTransition.objects.filter(created_at__range=(since, until), to_status=ProposalStatus.IN_IMPLEMENTATION)
        .order_by("created_at", "id")
        .values_list("created_at", flat=True)
        .first()
    )
    boundaries = [
        (Stage.APPROACH, start),
        (
            Stage.PRIORITIES,
            timezone.localdate(survey["survey"].opens_at) if survey and survey["survey"].opens_at else None,
        ),
        (Stage.STRUCTURING, installed[0] if installed else None),
        (Stage.IMPLEMENTATION, implementation.date() if implementation else None),
    ]
    timeline = [
        {
            "date": m.happened_on,
            "precision": m.date_precision,
            "title": m.title,
            "title_lang": m.title_language,
            "body": m.body,
            "lang": m.body_language,
            "stage": m.stage,
            "recorded": False,
        }
        for m in Milestone.objects.current().filter(happened_on__range=(start, end)).exclude(stage=Stage.SYSTEM)
    ]
    for plenary in plenaries:
        timeline.append(
            {
                "date": timezone.localdate(plenary.starts_at),
                "precision": plenary.date_precision,
                "title": plenary.display_title,
                "title_lang": plenary.title_language,
                "body": _("%(count)s organizations took part.") % {"count": plenary.count_text}
                if plenary.organizations_counted
                else "",
                "recorded": True,
            }
        )
    if survey and survey["survey"].opens_at:
        timeline.append(
            {
                "date": timezone.localdate(survey["survey"].opens_at),
                "precision": survey["survey"].date_precision,
                "title": survey["survey"].title,
                "title_lang": survey["survey"].title_language,
                "body": _("Sent to %(invited)s organizations; %(rate)s answered.")
                % {"invited": survey["invited_text"], "rate": format_percent(survey["rate"])},
                "recorded": True,
            }
        )
    for committee in installed_in_period:
        timeline.append(
            {
                "date": committee.installed_on,
                "precision": committee.date_precision,
                "title": _("Installation of the committee %(name)s") % {"name": committee.display_name},
                "body": _("Organizations at the installation, as recorded in the platform: %(count)s.")
                % {"count": committee.members_at_installation}
                if committee.members_at_installation
                else "",
                "recorded": True,
            }
        )
    for day, precision, count, titles in structured_by_day(structured):
        timeline.append(
            {
                "date": day,
                "precision": precision,
                "title": _("Projects structured: %(count)s") % {"count": count},
                "body": "; ".join(titles) + ("…" if count > len(titles) else ""),
                "lang": "es",  # projects' titles are written in Spanish only
                "recorded": True,
            }
        )
    for item in timeline:
        item.setdefault("stage", _stage_of(item["date"], boundaries))
    timeline.sort(key=lambda item: (item["date"], item["recorded"]))
    recorded = list(RecordedFigure.objects.current().filter(as_of__range=(start, end)).select_related("source"))
    for figure in recorded:
        figure.stage = _stage_of(figure.as_of, boundaries)
    stages = [
        (value, label, [item for item in timeline if item["stage"] == value], [f for f in recorded if f.stage == value])
        for value, label in Stage.choices
        if value != Stage.SYSTEM
    ]

    findings = defaultdict(list)
    for finding in Finding.objects.current():
        findings[finding.kind].append(finding)
    return {
        "start": start,
        "end": end,
        "figures": report_figures(start, end, plenaries=plenaries, survey=survey),
        "plenaries": plenaries,
        "survey": survey,
        "committees": committees,
        "projects": projects,
        "projects_total": projects_total,
        "projects_more": projects_total - len(projects),
        "projects_by_committee": projects_by_committee(structured),
        "projects_by_state": by_state,
        "stages": stages,
        "timeline": timeline,
        "system_milestones": system_milestones(end),
        "successes": findings[FindingKind.SUCCESS],
        "challenges": findings[FindingKind.CHALLENGE],
        "recommendations": findings[FindingKind.RECOMMENDATION],
        "objectives": list(ObjectiveContribution.objects.current()),
        "bibliography": in_reading_order(BibliographyEntry.objects.current()),
        "texts": current_narrative(),
        "recorded_figures": recorded,
        "alliance_objectives": list(AllianceObjective.objects.current().select_related("source")),
        "acronyms": list(Acronym.objects.current()),
    }


# The written parts printed under a section's h3 (a stage, a contribution, a finding); the others sit under a
# chapter's h2. Their own headings start one level below.
UNDER_SECTION = {"approach", "priorities", "structuring", "prototype", "successes", "challenges_intro", "challenges",
                 "recommendations"}  # fmt: skip


def current_narrative():
    """Return ``{part: the latest version}`` of the written parts, each with its safe ``html``, in one query."""
    texts = {}
    for text in NarrativeText.objects.order_by("part", "-version"):
        if text.part not in texts:
            text.html = render_markup(text.body, prefix=text.part, top=4 if text.part in UNDER_SECTION else 3)
            texts[text.part] = text
    return texts


def dashboard_data(start, end):
    """Return what the dashboard shows for the period: the figures, the plenaries and the survey.

    Unlike ``report_data`` it builds no row per project, committee or member: every figure is a count.
    """
    plenaries = plenary_participation(start, end)
    survey = priorities_survey(start, end)
    return {
        "start": start,
        "end": end,
        "figures": report_figures(start, end, plenaries=plenaries, survey=survey),
        "plenaries": plenaries,
        "survey": survey,
    }


def report_charts(data):
    """Return the report's charts as inline SVG: the same on the dashboard and in the PDF."""
    charts = {}
    # Sorted by value, largest first (the table beside it keeps the order of the dates).
    counted = sorted(
        (p for p in data["plenaries"] if p.organizations_counted is not None),
        key=lambda plenary: -plenary.organizations_counted,
    )
    if counted:
        charts["participation"] = horizontal_bar_chart(
            [Bar(p.display_title, p.organizations_counted, "#691c32") for p in counted],
            title=_("Organizations at each plenary session"),
            description=_("Organizations counted at each plenary of the period (attendance list or reported figure)."),
            # Each plenary's count stands alone (the same organizations come again): no bar is a share of a whole.
            shares=False,
            width=600,
            label_width=250,
        )
    survey = data["survey"]
    if survey:
        # The organizations "Respondieron" (a context of its own: an invitation is "Respondida").
        answered = pgettext("organizations in a survey", "Answered")
        unanswered = pgettext("organizations in a survey", "Did not answer")
        charts["response_rate"] = horizontal_bar_chart(
            [
                Bar(answered, survey["answered"], "#bc955c", share=survey["rate"]),
                Bar(unanswered, survey["invited"] - survey["answered"], "#98989a", share=100 - survey["rate"]),
            ],
            title=_("Response rate of the priorities survey"),
            description=_("%(answered)s of %(invited)s invited organizations answered.")
            % {"answered": survey["answered"], "invited": survey["invited_text"]},
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
