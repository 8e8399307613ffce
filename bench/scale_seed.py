"""Seed the data of issue #23 at a chosen scale, in bulk, for ``bench/scale_pages.py``.

At scale 100: 50,000 organizations, 20,000 proposals (4,000 of them in one call's matrix),
6,000 structured projects, one evaluator with 12,000 evaluations, a committee of 1,300 members
and 800 work-plan activities, 253,000 attendance rows, 212,000 audit events and a survey of
1,000,000 answers. Scale 1 is about the demo's size. ``grow(scene, scale)`` adds one scale's
worth of rows to the same committee, call, evaluator, survey and organization, so a page can be
measured at 1× and again after growing to 100×. Rows are written with ``bulk_create`` in
batches (answers with COPY, reusing ``bench/surveys_results.py``).
"""

import datetime
import random
from types import SimpleNamespace

BATCH = 5000


def scene():
    """Create the people and the objects every page is measured on (once)."""
    from django.utils import timezone
    from surveys_results import build_survey

    from accounts.models import User
    from committees.models import Committee, PriorityArea
    from companies.models import Organization, Representative
    from projects.models import Call
    from sdg.models import Goal

    staff = User.objects.create_user(email="staff@bench.example", full_name="Staff", role="staff", is_staff=True)
    evaluator = User.objects.create_user(email="evaluador@bench.example", full_name="Evaluadora", role="evaluator")
    helpers = [
        User.objects.create_user(email=f"evaluador{n}@bench.example", full_name=f"Evaluador {n}", role="evaluator")
        for n in range(2)
    ]
    home = Organization.objects.create(
        legal_name="Organización Líder, S.A. de C.V.",
        organization_type="company",
        size="large",
        sector="food",
        country="US",
        participation_status="active",
    )
    representative = User.objects.create_user(email="representante@bench.example", full_name="Representante")
    Representative.objects.create(organization=home, user=representative)
    committee = Committee.objects.create(
        name="Producción y consumo responsables", goal=Goal.objects.get(number=12), decision_mechanism="vote"
    )
    area = PriorityArea.objects.create(committee=committee, name="Economía circular")
    today = timezone.localdate()
    calls = [
        Call.objects.create(
            committee=committee,
            title=title,
            opens_on=today,
            closes_on=today + datetime.timedelta(days=30),
            created_by=staff,
        )  # fmt: skip
        for title in ("Convocatoria evaluada", "Convocatoria abierta")
    ]
    survey, questions = build_survey(staff, "Prioridades de la alianza")
    return SimpleNamespace(
        staff=staff, evaluator=evaluator, helpers=helpers, home=home, representative=representative,
        committee=committee, area=area, matrix_call=calls[0], call=calls[1], survey=survey, questions=questions,
        rng=random.Random(23), grown=0,
    )  # fmt: skip


def grow(scene, scale):
    """Add ``scale`` units of data (scale 100 on an empty scene gives the issue's sizes)."""
    start = scene.grown
    organizations = _organizations(scene, start, 500 * scale)
    members = _committee_members(scene, organizations[: 13 * scale])
    _work_plan(scene, organizations, 8 * scale)
    _sessions_and_attendance(scene, members, 2 * scale)
    proposals = _proposals(scene, organizations, 200 * scale)
    _evaluations(scene, proposals, matrix=40 * scale, assigned=120 * scale)
    _structured(scene, proposals[40 * scale : 100 * scale])
    _audit(scene, 2120 * scale)
    _answers(scene, organizations, 10_000 * scale)
    scene.grown += scale


def _organizations(scene, start, count):
    from companies.models import Organization

    first = scene.grown * 500
    return Organization.objects.bulk_create(
        (
            Organization(
                legal_name=f"Organización {n:06d}, S.A. de C.V.",
                short_name=f"Org {n:06d}",
                sort_name=f"organizacion {n:06d}",
                organization_type=("company", "foundation", "chamber")[n % 3],
                size="large",
                sector="manufacturing",
                country="US",
                participation_status="active",
            )
            for n in range(first, first + count)
        ),
        batch_size=BATCH,
    )


def _committee_members(scene, organizations):
    """Seat the organizations on the committee, each with a representative; return (person, organization)."""
    from accounts.models import User
    from committees.models import Membership
    from companies.models import Representative

    Membership.objects.bulk_create(
        (
            Membership(
                committee=scene.committee,
                organization=o,
                status="active",
                source="invitation",
                joined_on=datetime.date(2016, 11, 1),
            )  # fmt: skip
            for o in organizations
        ),
        batch_size=BATCH,
    )
    people = User.objects.bulk_create(
        (User(email=f"rep{o.pk}@bench.example", full_name=f"Representante {o.pk}") for o in organizations),
        batch_size=BATCH,
    )
    Representative.objects.bulk_create(
        (Representative(organization=o, user=p) for o, p in zip(organizations, people, strict=True)), batch_size=BATCH
    )
    return list(zip(people, organizations, strict=True))


def _work_plan(scene, organizations, count):
    from committees.models import WorkPlanActivity

    WorkPlanActivity.objects.bulk_create(
        (
            WorkPlanActivity(
                committee=scene.committee,
                priority_area=scene.area,
                title=f"Actividad {n}",
                responsible_organization=organizations[n % len(organizations)],
                starts_on=datetime.date(2027, 1, 1),
                ends_on=datetime.date(2027, 6, 30),
            )  # fmt: skip
            for n in range(count)
        ),
        batch_size=BATCH,
    )


def _sessions_and_attendance(scene, members, count):
    """Past sessions of the committee, every member recorded at each (old members too: 1,300 × 195 at 100×)."""
    from django.utils import timezone

    from committees.models import Attendance, Membership, Session

    now = timezone.now()
    sessions = Session.objects.bulk_create(
        Session(
            committee=scene.committee,
            kind="committee",
            title=f"Sesión {scene.grown}-{n}",
            starts_at=now - datetime.timedelta(days=7 * n + 1),
            ends_at=now - datetime.timedelta(days=7 * n),
            place="AMEXCID",
        )  # fmt: skip
        for n in range(count)
    )
    seated = Membership.objects.filter(committee=scene.committee).values_list("organization_id", flat=True)
    from companies.models import Representative

    everyone = list(Representative.objects.filter(organization_id__in=seated).values_list("user_id", "organization_id"))
    rows = (
        Attendance(session=s, person_id=person, organization_id=organization, status="present")
        for s in sessions
        for person, organization in everyone
    )
    Attendance.objects.bulk_create(rows, batch_size=BATCH)


def _proposals(scene, organizations, count):
    """Proposals: the first 40 per unit in the evaluated call, the rest in the open one; 1% led by ``home``."""
    from projects.models import ConsortiumMember, Proposal

    rng = scene.rng
    proposals = Proposal.objects.bulk_create(
        (
            Proposal(
                call=scene.matrix_call if n < count // 5 else scene.call,
                committee=scene.committee,
                lead_organization=scene.home if n % 100 == 0 else rng.choice(organizations),
                created_by=scene.staff,
                title=f"Propuesta {scene.grown}-{n:05d}",
                status="in_review" if n < count // 2 else rng.choice(["submitted", "selected", "not_selected"]),
                version=1,
            )  # fmt: skip
            for n in range(count)
        ),
        batch_size=BATCH,
    )
    ConsortiumMember.objects.bulk_create(
        (
            ConsortiumMember(
                proposal=p,
                organization_id=p.lead_organization_id,
                is_lead=True,
                status="accepted",
                invited_by=scene.staff,
            )  # fmt: skip
            for p in proposals
        ),
        batch_size=BATCH,
    )
    return proposals


def _evaluations(scene, proposals, *, matrix, assigned):
    """Three evaluators score the matrix call's proposals; the evaluator is assigned ``assigned`` in all."""
    from django.utils import timezone

    from projects.criteria import Criterion
    from projects.models import Evaluation, Score

    now = timezone.now()
    rows = [
        Evaluation(
            proposal=p, evaluator=e, assigned_by=scene.staff, status="submitted", has_conflict=False, submitted_at=now
        )  # fmt: skip
        for p in proposals[:matrix]
        for e in (scene.evaluator, *scene.helpers)
    ]
    rows += [
        Evaluation(proposal=p, evaluator=scene.evaluator, assigned_by=scene.staff, status="assigned")
        for p in proposals[matrix:assigned]
    ]
    evaluations = Evaluation.objects.bulk_create(rows, batch_size=BATCH)
    rng = scene.rng
    Score.objects.bulk_create(
        (
            Score(evaluation=e, criterion=c, score=rng.randint(0, 5))
            for e in evaluations
            if e.status == "submitted"
            for c in Criterion
        ),
        batch_size=BATCH * 2,
    )
    from projects.services import matrix_totals_rebuild

    matrix_totals_rebuild([scene.matrix_call.pk, scene.call.pk])  # the matrix's kept totals, as after the services


def _structured(scene, proposals):
    """Structure and publish the proposals: transitions, a component with an activity and indicators, a budget."""
    from decimal import Decimal

    from django.utils import timezone

    from projects.models import (
        Activity,
        BudgetLine,
        Component,
        ConsortiumMember,
        ProjectIndicator,
        Proposal,
        ProposalTransition,
    )

    when = timezone.make_aware(datetime.datetime(2017, 6, 1, 12))
    ids = [p.pk for p in proposals]
    Proposal.objects.filter(pk__in=ids).update(status="structured", published_at=when)
    ProposalTransition.objects.bulk_create(
        (
            ProposalTransition(proposal=p, from_status=f, to_status=t, actor=scene.staff, created_at=when)
            for p in proposals
            for f, t in (("draft", "submitted"), ("structuring", "structured"))
        ),
        batch_size=BATCH,
    )
    components = Component.objects.bulk_create(Component(proposal=p, title="Componente") for p in proposals)
    Activity.objects.bulk_create(
        Activity(
            component=c, description="Taller", starts_on=datetime.date(2027, 1, 1), ends_on=datetime.date(2027, 3, 1)
        )  # fmt: skip
        for c in components
    )
    ProjectIndicator.objects.bulk_create(
        (
            ProjectIndicator(
                proposal_id=c.proposal_id,
                component=component,
                name="Toneladas",
                unit="t",
                baseline_value=Decimal(0),
                baseline_year=2017,
                target_value=Decimal(100),
                target_year=2019,
                means_of_verification="Reportes",
            )  # fmt: skip
            for c in components
            for component in (None, c)
        ),
        batch_size=BATCH,
    )
    leads = dict(ConsortiumMember.objects.filter(proposal_id__in=ids, is_lead=True).values_list("proposal_id", "pk"))
    BudgetLine.objects.bulk_create(
        (
            BudgetLine(
                proposal=p, year=2018, concept="Operación", amount_mxn=Decimal(1000), source_member_id=leads[p.pk]
            )  # fmt: skip
            for p in proposals
        ),
        batch_size=BATCH,
    )


def _audit(scene, count):
    from audit.models import AuditEvent

    AuditEvent.objects.bulk_create(
        (
            AuditEvent(actor_repr=f"persona{n % 997}@bench.example", action=("auth.login", "auth.login_failed")[n % 2])
            for n in range(count)
        ),
        batch_size=BATCH * 2,
    )


def _answers(scene, organizations, count):
    from surveys_results import seed_answers

    seed_answers(scene.survey, scene.questions, [o.pk for o in organizations], count)
