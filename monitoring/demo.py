"""The demo's projects in implementation: the four structured in March 2018, reporting from 2018 on.

Every figure is invented, and each implementation is marked ``is_demo`` so pages say so ("datos de
demostración"). The past is written directly with its own dates (the services stamp today); what
sits near today (the report waiting for approval, the draft of the current period, one project's
end) is counted from the day the demo loads (``axs_platform.demo_dates``). A project already in
implementation is left alone, so loading twice changes nothing.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.utils import timezone

from axs_platform import demo_dates, fragments
from committees.models import Post
from companies.models import Representative
from projects.models import ConsortiumMember, Proposal, ProposalStatus, ProposalTransition

from .models import (
    ContributionDelivery,
    Implementation,
    PeriodTarget,
    Report,
    ReportEvent,
    ReportStatus,
    ReportValue,
    ValueType,
)
from .selectors import current_approved
from .services.plan import build_plan
from .services.progress import progress_refresh
from .services.reports import milestones_sync

D = datetime.date
S = ReportStatus
RETURN_COMMENT = "Faltan las listas de asistencia que respaldan la cifra del periodo."

# title, start, end (a date, or days from today), frequency, share of the expected progress reached,
# and what happened to some periods: "returned" (returned, then approved), "correction" (approved, then
# a second approved version), "returned_open" (returned, never resubmitted), "none" (no report).
PROJECTS = [
    ("Energía solar para comunidades sin red eléctrica", D(2018, 7, 1), D(2021, 6, 30), "half_yearly",
     Decimal("1.02"), {2: "returned", 3: "correction"}, True),
    ("Habilidades digitales para jóvenes", D(2018, 7, 1), 400, "yearly", Decimal("0.95"),
     {2: "returned", 3: "none"}, False),
    ("Empleo incluyente para personas con discapacidad", D(2018, 10, 1), D(2020, 9, 30), "quarterly",
     Decimal("0.8"), {5: "returned", 7: "returned_open", 8: "none"}, False),
    ("Vivienda sostenible y captación de agua de lluvia", D(2018, 10, 1), D(2022, 9, 30), "half_yearly",
     Decimal("0.5"), {4: "correction"}, False),
]  # fmt: skip
TWO = Decimal("0.01")


def aware(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _people(proposal):
    """Return (reporter, approver): the lead's representative, and the secretary, chair or staff outside the consortium."""
    officers = Post.objects.current().filter(committee_id=proposal.committee_id).values("holder")
    # A representative who holds no post in the committee reports, so that no officer judges a report of their own.
    reporter = (
        Representative.objects.current()
        .filter(organization_id=proposal.lead_organization_id, user__is_active=True)
        .select_related("user")
        .order_by(Exists(officers.filter(holder=OuterRef("user"))), "id")
        .first()
    )
    # The committees' posts are held by the fictitious organizations that also lead and join the projects: no
    # organization of the consortium (lead or partner) approves its own project, nor does anyone who represents one.
    consortium = ConsortiumMember.objects.filter(proposal=proposal).values("organization")
    posts = (
        Post.objects.current()
        .filter(committee_id=proposal.committee_id)
        .exclude(organization__in=consortium)
        .exclude(holder__in=Representative.objects.current().filter(organization__in=consortium).values("user"))
        .select_related("holder")
    )
    holders = [p.holder for p in sorted(posts, key=lambda p: p.kind != "secretary")]
    staff = get_user_model().objects.get(email="staff@amexcid.example")
    approver = next((h for h in holders if reporter is None or h.pk != reporter.user_id), staff)
    return (reporter.user if reporter else staff), approver


def _value(indicator, number, count, share):
    """Return the invented figure of period ``number`` of ``count`` for the indicator."""
    gain = indicator.target - indicator.baseline
    if indicator.value_type == ValueType.PERCENTAGE:
        level = indicator.baseline + gain * Decimal(number) / Decimal(count) * share
        return {"number": min(level, Decimal(100)).quantize(TWO, ROUND_HALF_UP)}
    return {"number": (gain / Decimal(count) * share).quantize(Decimal(1), ROUND_HALF_UP)}


def _report(period, version, status, *, reporter, approver, indicators, contributions, share, count, day):
    """Write one report of ``period`` with its values, deliveries and history, dated from ``day``."""
    submitted = status != S.DRAFT
    decided = status in (S.APPROVED, S.RETURNED)
    report = Report.objects.create(
        period=period, version=version, status=status, created_by=reporter, created_at=aware(day),
        achievements=f"Periodo {period.number}: se cumplieron las actividades previstas con las comunidades.",
        difficulties="Retrasos en la entrega de materiales." if period.number % 2 else "",
        next_steps="Ampliar la cobertura a dos municipios más.",
        budget_executed_mxn=Decimal(250000 + 10000 * period.number),
        submitted_by=reporter if submitted else None, submitted_at=aware(day, 11) if submitted else None,
        decided_by=approver if decided else None, decided_at=aware(day + datetime.timedelta(days=9)) if decided else None,
        comments=RETURN_COMMENT if status == S.RETURNED else "",
    )  # fmt: skip
    ReportValue.objects.bulk_create(
        ReportValue(report=report, indicator=indicator, **_value(indicator, period.number, count, share))
        for indicator in indicators
    )
    ContributionDelivery.objects.bulk_create(
        ContributionDelivery(
            report=report,
            contribution=c,
            amount_mxn=(c.amount_mxn / count * share).quantize(TWO) if c.amount_mxn else None,
            note="" if c.amount_mxn else "Asesoría y voluntariado del periodo.",
        )  # fmt: skip
        for c in contributions
    )
    steps = [("", S.DRAFT, reporter, "", day)]
    if submitted:
        steps.append((S.DRAFT, S.SUBMITTED, reporter, "", day))
    if decided:
        steps.append((S.SUBMITTED, status, approver, report.comments, day + datetime.timedelta(days=9)))
    for from_status, to_status, actor, reason, when in steps:
        ReportEvent.objects.create(report=report, from_status=from_status, to_status=to_status, actor=actor,
                                   reason=reason, created_at=aware(when, 12))  # fmt: skip
    return report


def _returned_then_approved(period, reporter, approver, args):
    report = _report(period, 1, S.RETURNED, reporter=reporter, approver=approver, **args)
    again = args["day"] + datetime.timedelta(days=20)
    Report.objects.filter(pk=report.pk).update(
        status=S.APPROVED,
        comments="",
        submitted_at=aware(again, 11),
        decided_at=aware(again + datetime.timedelta(days=5)),
    )
    ReportEvent.objects.create(report=report, from_status=S.RETURNED, to_status=S.SUBMITTED, actor=reporter,
                               created_at=aware(again, 11))  # fmt: skip
    ReportEvent.objects.create(report=report, from_status=S.SUBMITTED, to_status=S.APPROVED, actor=approver,
                               created_at=aware(again + datetime.timedelta(days=5), 12))  # fmt: skip


def _start(proposal, start, end, frequency, staff):
    if proposal.status == ProposalStatus.STRUCTURED:
        ProposalTransition.objects.create(
            proposal=proposal, from_status=ProposalStatus.STRUCTURED, to_status=ProposalStatus.IN_IMPLEMENTATION,
            actor=staff, created_at=aware(start - datetime.timedelta(days=28)),
        )  # fmt: skip
        Proposal.objects.filter(pk=proposal.pk).update(status=ProposalStatus.IN_IMPLEMENTATION)
    implementation = Implementation.objects.create(
        proposal=proposal, starts_on=start, ends_on=end, frequency=frequency, grace_days=30, is_demo=True,
        created_by=staff, created_at=aware(start - datetime.timedelta(days=28)),
    )  # fmt: skip
    build_plan(implementation)
    return implementation


def _split(implementation):
    """Split the first number indicator's target evenly over the periods, the remainder in the last."""
    indicator = implementation.indicators.filter(value_type=ValueType.NUMBER).first()
    periods = list(implementation.periods.all())
    if indicator is None or not periods:
        return
    gain = indicator.target - indicator.baseline
    part = (gain / len(periods)).quantize(Decimal(1), ROUND_HALF_UP)
    values = [part] * (len(periods) - 1) + [gain - part * (len(periods) - 1)]
    PeriodTarget.objects.bulk_create(
        PeriodTarget(indicator=indicator, period=p, value=v) for p, v in zip(periods, values, strict=True)
    )


def load(stdout):
    """Put the four projects of March 2018 into implementation with their reports; skip those already in."""
    staff = get_user_model().objects.get(email="staff@amexcid.example")
    today = demo_dates.today()
    created = 0
    for title, start, end, frequency, share, events, split in PROJECTS:
        proposal = Proposal.objects.filter(title=title).first()
        if proposal is None or Implementation.objects.filter(proposal=proposal).exists():
            continue
        end = end if isinstance(end, D) else demo_dates.day(end)
        implementation = _start(proposal, start, end, frequency, staff)
        if split:
            _split(implementation)
        reporter, approver = _people(proposal)
        indicators = list(implementation.indicators.all())
        contributions = list(proposal.consortium.filter(status="accepted").prefetch_related("contributions"))
        contributions = [c for member in contributions for c in member.contributions.all()]
        periods = list(implementation.periods.all())
        due = [p for p in periods if p.due_on < today]
        for period in periods:
            args = {"indicators": indicators, "contributions": contributions, "share": share,
                    "count": len(periods), "day": period.ends_on + datetime.timedelta(days=12)}  # fmt: skip
            event = events.get(period.number)
            if period.starts_on > today or event == "none":
                continue
            if period.ends_on >= today:  # the current period: a draft begun a few days ago
                args["day"] = max(period.starts_on, demo_dates.day(-5))
                _report(period, 1, S.DRAFT, reporter=reporter, approver=approver, **args)
            elif period.due_on >= today or (due and period == due[-1] and period.ends_on > demo_dates.day(-400)):
                args["day"] = min(args["day"], demo_dates.day(-3))
                _report(period, 1, S.SUBMITTED, reporter=reporter, approver=approver, **args)
            elif event == "returned":
                _returned_then_approved(period, reporter, approver, args)
            elif event == "returned_open":
                _report(period, 1, S.RETURNED, reporter=reporter, approver=approver, **args)
            else:
                _report(period, 1, S.APPROVED, reporter=reporter, approver=approver, **args)
                if event == "correction":
                    args["day"] += datetime.timedelta(days=60)
                    _report(period, 2, S.APPROVED, reporter=reporter, approver=approver, **args)
        # Each milestone is named by the approved report of the first period that ends after it was due,
        # and dated by the rule the approval applies, so approving a later report keeps it reached.
        approved = {
            report.period_id: report for report in current_approved().filter(period__implementation=implementation)
        }
        for milestone in implementation.milestones.all():
            report = next((approved[p.pk] for p in due if p.ends_on >= milestone.due_on and p.pk in approved), None)
            if report is not None:
                report.milestones_reached.add(milestone)
        milestones_sync(implementation)
        progress_refresh(implementation=implementation)
        created += 1
    fragments.changed(fragments.MONITORING)  # written without the services: the dashboards must not lag
    stdout.write(f"Monitoring: {created} projects put into implementation, {len(PROJECTS) - created} already there.")
