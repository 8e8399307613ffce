"""Benchmark the fact sheet and the systematization report: render time and peak memory.

Run from the project root: ``python bench/documents_render.py``. It uses ``harness.setup()`` for a
throwaway database, seeds one committee with 1,000 structured projects (consortium, components,
results matrix, budget), then measures in this process, build and WeasyPrint together:
the fact sheet (p95 of 20 renders; target 1.5 s and 200 MB) and the report for the 100 and the
1,000 newest projects (target 60 s and 1 GB; 1,000 at most 12 × 100). Peak memory is the
process's maximum resident size (``resource.getrusage``), read after each stage. Exits non-zero
when a target is missed.
"""

import datetime
import resource
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import setup  # noqa: E402

PROJECTS = 1000


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def seed():
    from django.utils import timezone

    from committees.models import Committee, DecisionMechanism
    from companies.models import Organization
    from projects.criteria import Criterion
    from projects.models import (
        BudgetLine,
        Call,
        Component,
        ConsortiumMember,
        ProjectIndicator,
        Proposal,
        ProposalTransition,
    )
    from sdg.models import Goal, Indicator
    from tests.factories import make_organization, make_staff

    staff = make_staff()
    goal = Goal.objects.get(number=12)
    committee = Committee.objects.create(
        name="Producción y consumo responsables", goal=goal, decision_mechanism=DecisionMechanism.VOTE,
        installed_on=datetime.date(2016, 11, 4),
    )  # fmt: skip
    call = Call.objects.create(
        committee=committee, title="Convocatoria 2017", opens_on=datetime.date(2017, 1, 1),
        closes_on=datetime.date(2017, 5, 31), created_by=staff,
    )  # fmt: skip
    organizations = [make_organization(actor=staff) for _ in range(20)]
    indicator = Indicator.objects.filter(target__code="12.3").first()
    texts = {c.value: f"Argumento de {c.label}: el consorcio lo cumple con acciones verificables." for c in Criterion}
    proposals = Proposal.objects.bulk_create(
        Proposal(
            call=call, committee=committee, lead_organization=organizations[n % 20], created_by=staff,
            status="structured", version=1, title=f"Proyecto de economía circular número {n}",
            summary="Reducir el desperdicio de alimentos en cadenas de autoservicio.",
            problem="Se desperdician alimentos aptos para consumo.", purpose="Contribuir a la Agenda 2030.",
            general_objective="Recuperar 1,000 toneladas de alimentos al año con bancos de alimentos.",
            replication_countries=["GT", "HN"], **texts,
        )
        for n in range(PROJECTS)
    )  # fmt: skip
    members, components, indicators, budget, transitions = [], [], [], [], []
    for n, proposal in enumerate(proposals):
        members.append(ConsortiumMember(proposal=proposal, organization=organizations[n % 20], is_lead=True,
                                        status="accepted", invited_by=staff, role="Coordina el consorcio"))  # fmt: skip
        members.append(ConsortiumMember(proposal=proposal, organization=organizations[(n + 1) % 20],
                                        status="accepted", invited_by=staff, role="Asesoría técnica"))  # fmt: skip
        transitions.append(ProposalTransition(proposal=proposal, from_status="structuring", to_status="structured",
                                              actor=staff, created_at=timezone.now()))  # fmt: skip
    ConsortiumMember.objects.bulk_create(members)
    ProposalTransition.objects.bulk_create(transitions)
    for proposal in proposals:
        for position in (1, 2):
            components.append(Component(proposal=proposal, position=position, title=f"Componente {position}"))
    Component.objects.bulk_create(components)
    for proposal in proposals:
        indicators.append(ProjectIndicator(
            proposal=proposal, name="Toneladas recuperadas", unit="t", baseline_value=0, baseline_year=2017,
            target_value=1000, target_year=2020, means_of_verification="Reportes", sdg_indicator=indicator,
        ))  # fmt: skip
        budget.append(BudgetLine(proposal=proposal, year=2018, other_source="FONCID", concept="Operación",
                                 amount_mxn=Decimal("500000")))  # fmt: skip
    ProjectIndicator.objects.bulk_create(indicators)
    BudgetLine.objects.bulk_create(budget)
    assert Organization.objects.count() >= 20
    return staff, proposals


def main():
    setup("axs_bench_documents")
    from django.template.loader import render_to_string
    from django.utils import timezone, translation

    from documents.pdf import render_pdf
    from projects.documents import fact_sheet_context
    from projects.models import ProposalTransition
    from projects.selectors import proposal_full
    from reports.selectors import report_charts, report_data

    translation.activate("es-mx")
    _staff, proposals = seed()
    times = []
    for _ in range(20):
        started = time.perf_counter()
        html = render_to_string(
            "projects/pdf/fact_sheet.html", fact_sheet_context(proposal_full().get(pk=proposals[0].pk))
        )
        _pdf, pages = render_pdf(html)
        times.append(time.perf_counter() - started)
    p95 = statistics.quantiles(times, n=20)[-1]
    sheet_peak = peak_mb()
    print(
        f"Fact sheet: {pages} pages, median {statistics.median(times):.2f} s, p95 {p95:.2f} s, peak {sheet_peak:.0f} MB"
    )

    today = timezone.localdate()
    results = {}
    for count in (100, 1000):
        # Only the ``count`` newest transitions fall in the period: the report holds ``count`` projects.
        cutoff = today - datetime.timedelta(days=1)
        ProposalTransition.objects.update(created_at=timezone.now() - datetime.timedelta(days=30))
        ProposalTransition.objects.filter(proposal_id__in=[p.pk for p in proposals[:count]]).update(
            created_at=timezone.now()
        )
        started = time.perf_counter()
        data = report_data(cutoff, today)
        assert len(data["projects"]) == count
        html = render_to_string(
            "reports/pdf/systematization.html", {**data, "charts": report_charts(data), "generated_at": timezone.now()}
        )
        _pdf, pages = render_pdf(html)
        results[count] = time.perf_counter() - started
        print(f"Report, {count} projects: {pages} pages, {results[count]:.1f} s, peak {peak_mb():.0f} MB")
    ratio = results[1000] / results[100]
    print(f"Report time ratio 1,000 / 100 projects: {ratio:.1f} (target at most 12)")
    failures = [
        p95 > 1.5 and "fact sheet p95 above 1.5 s",
        sheet_peak > 200 and "fact sheet peak above 200 MB",
        results[1000] > 60 and "report of 1,000 projects above 60 s",
        peak_mb() > 1024 and "report peak above 1 GB",
        ratio > 12 and "report time grows more than 12 × from 100 to 1,000 projects",
    ]
    failures = [f for f in failures if f]
    print("Request to ready through a real worker: bench/documents_worker.py.")
    if failures:
        print("MISSED: " + "; ".join(failures))
        sys.exit(1)
    print("All targets met.")


if __name__ == "__main__":
    main()
