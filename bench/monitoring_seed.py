"""Seed projects in implementation in bulk, for ``bench/monitoring_scale.py`` and the query-count tests.

``seed(projects, indicators, periods)`` creates staff, ten committees (projects dealt out in turn),
one lead organization and one structured proposal per project, and its implementation from
2018 on, quarterly: ``periods`` periods, ``indicators`` indicators (one in five a percentage,
the rest numbers linked to an SDG indicator, one in ten with a split target) and one report per
period (nine in ten approved, the others returned, submitted or missing) with a value of every
indicator. At 1,000 × 20 × 32 that is 640,000 values. Rows are written with ``bulk_create``, then
the progress the report services keep is computed for every project (``progress_refresh_all``).
"""

import datetime
from decimal import Decimal
from types import SimpleNamespace

from dateutil.relativedelta import relativedelta

BATCH = 5000
START = datetime.date(2018, 1, 1)


def seed(projects, indicators=20, periods=32):
    from django.utils import timezone

    from accounts.models import User
    from committees.models import Committee
    from companies.models import Organization
    from monitoring.models import Implementation, Indicator, Period, PeriodTarget, Report, ReportValue
    from monitoring.services import progress_refresh_all
    from projects.models import Call, ConsortiumMember, Proposal
    from sdg.models import Goal
    from sdg.models import Indicator as SdgIndicator

    staff = User.objects.create_user(email="staff@bench.example", full_name="Staff", role="staff", is_staff=True)
    approver = User.objects.create_user(email="aprueba@bench.example", full_name="Aprueba", role="staff", is_staff=True)
    reporter = User.objects.create_user(email="reporta@bench.example", full_name="Reporta")
    goals = list(Goal.objects.order_by("number")[:10])
    committees = [
        Committee.objects.create(name=f"Comité {goal.number}", goal=goal, decision_mechanism="vote") for goal in goals
    ]
    calls = [
        Call.objects.create(committee=c, title="Convocatoria", opens_on=START, closes_on=START, created_by=staff)
        for c in committees
    ]
    sdg = list(SdgIndicator.objects.order_by("pk")[:5])
    organizations = Organization.objects.bulk_create(
        (
            Organization(
                legal_name=f"Organización {n:05d}, S.A. de C.V.",
                short_name=f"Org {n:05d}",
                organization_type="company",
                size="large",
                sector="manufacturing",
                country="US",
                participation_status="active",
            )
            for n in range(projects)
        ),
        batch_size=BATCH,
    )
    proposals = Proposal.objects.bulk_create(
        (
            Proposal(
                call=calls[n % len(calls)],
                committee=committees[n % len(committees)],
                lead_organization=organizations[n],
                created_by=staff,
                title=f"Proyecto {n:05d}",
                status="in_implementation",
                published_at=timezone.make_aware(datetime.datetime(2017, 6, 1, 12)),
                version=1,
            )
            for n in range(projects)
        ),
        batch_size=BATCH,
    )
    ConsortiumMember.objects.bulk_create(
        (
            ConsortiumMember(
                proposal=p, organization_id=p.lead_organization_id, is_lead=True, status="accepted", invited_by=staff
            )  # fmt: skip
            for p in proposals
        ),
        batch_size=BATCH,
    )
    ends = START + relativedelta(months=3 * periods) - datetime.timedelta(days=1)
    implementations = Implementation.objects.bulk_create(
        (
            Implementation(
                proposal=p, starts_on=START, ends_on=ends, frequency="quarterly", grace_days=30, created_by=staff
            )  # fmt: skip
            for p in proposals
        ),
        batch_size=BATCH,
    )
    bounds = []
    for number in range(1, periods + 1):
        first = START + relativedelta(months=3 * (number - 1))
        last = first + relativedelta(months=3) - datetime.timedelta(days=1)
        bounds.append((number, first, last))
    all_periods = Period.objects.bulk_create(
        (
            Period(implementation=i, number=n, starts_on=a, ends_on=b, due_on=b + datetime.timedelta(days=30))
            for i in implementations
            for n, a, b in bounds
        ),
        batch_size=BATCH,
    )
    all_indicators = Indicator.objects.bulk_create(
        (
            Indicator(
                implementation=i,
                position=k + 1,
                name=f"Indicador {k + 1}",
                value_type="percentage" if k % 5 == 4 else "number",
                unit="%" if k % 5 == 4 else "t",
                baseline=Decimal(10) if k % 5 == 4 else Decimal(0),
                target=Decimal(90) if k % 5 == 4 else Decimal(1000 * periods),
                means_of_verification="Informe",
                sdg_indicator=None if k % 5 == 4 else sdg[k % len(sdg)],
            )
            for i in implementations
            for k in range(indicators)
        ),
        batch_size=BATCH,
    )
    by_implementation = {}
    for indicator in all_indicators:
        by_implementation.setdefault(indicator.implementation_id, []).append(indicator)
    PeriodTarget.objects.bulk_create(
        (
            PeriodTarget(indicator=indicator, period=period, value=Decimal(1000))
            for period in all_periods
            for indicator in by_implementation[period.implementation_id]
            if indicator.position % 10 == 1 and indicator.value_type == "number"
        ),
        batch_size=BATCH,
    )
    when = timezone.make_aware(datetime.datetime(2019, 1, 1, 12))
    reports = []
    for index, period in enumerate(all_periods):
        kind = index % 10
        if kind == 9:
            continue  # never reported: overdue
        status = {7: "returned", 8: "submitted"}.get(kind, "approved")
        reports.append(
            Report(
                period=period,
                status=status,
                achievements="Avance del periodo.",
                created_by=reporter,
                submitted_by=reporter,
                submitted_at=when,
                decided_by=None if status == "submitted" else approver,
                decided_at=None if status == "submitted" else when,
                comments="Falta evidencia." if status == "returned" else "",
            )
        )
    reports = Report.objects.bulk_create(reports, batch_size=BATCH)
    period_implementation = {p.pk: p.implementation_id for p in all_periods}

    def values():
        for report in reports:
            for indicator in by_implementation[period_implementation[report.period_id]]:
                level = indicator.value_type == "percentage"
                yield ReportValue(
                    report=report,
                    indicator=indicator,
                    number=Decimal(10 + report.period.number * 2) if level else Decimal(900 + indicator.position * 7),
                )

    ReportValue.objects.bulk_create(values(), batch_size=BATCH)
    progress_refresh_all(implementations)  # written without the services: compute what they would keep
    return SimpleNamespace(
        staff=staff, committees=committees, implementations=implementations, reporter=reporter, approver=approver
    )
