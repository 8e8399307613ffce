"""The demo alliance's calls and proposals, after the 2017–2018 history in DOMAIN.md.

2017 calls in each committee; Inclusión social's five candidates (two selected by the online
survey), Producción y consumo's proposals (two selected by vote), Energía's project from prior
studies, and the Educación and Ciudades projects built together; four projects structured by
March 2018 with their results matrices. The past is written directly (the services rightly refuse
to submit to a closed call); a call open today holds the proposals in review, the evaluations to do
and representante@axs.example's draft, which goes through the services.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from axs_platform import demo_dates, fragments
from axs_platform.dates import DatePrecision
from committees.models import Committee, Post
from companies.models import Organization
from sdg.models import Indicator, Target

from . import checklist, selectors
from .criteria import AXS_CRITERIA, SUSTAINABILITY_CRITERIA, Criterion
from .models import (
    Activity,
    AlignedTarget,
    BudgetLine,
    Call,
    Component,
    ConsortiumMember,
    Contribution,
    Evaluation,
    ProjectIndicator,
    Proposal,
    ProposalStatus,
    ProposalTransition,
    ProposalVersion,
    Score,
)

D = datetime.date
S = ProposalStatus
CALL_2017 = (D(2017, 2, 1), D(2017, 5, 31))
# Producción y consumo's open call, in days from the day the demo is loaded, and when its proposals came in.
OPEN_CALL_IN_DAYS = (-63, 118)
OPEN_CALL_SUBMITTED_IN_DAYS = -44
# The seed has the four projects fully structured "en marzo de 2018": the day is the demo's, recorded to the month.
STRUCTURED_ON = D(2018, 3, 15)

SURVEY = "Resultado de la encuesta en línea entre los miembros del comité."
VOTE = "Resultado de la votación del comité."
STUDIES = "Elegido a partir de los estudios y análisis previos presentados al comité."
CO_BUILT = "Construido desde cero con las aportaciones de todos los miembros del comité."

# The seed names no project, proposal or consortium: leads and partners are fictitious participants
# (companies.demo.FICTITIOUS_PARTICIPANTS) seated on the committee when the call closed.
# goal, title, lead, partners, path (statuses after submission), reason of the last step, published,
# (target, indicator codes), objective indicator (name, unit, baseline, target, means, SDG indicator)
PROJECTS = [
    (10, "Empleo incluyente para personas con discapacidad", "Fundación Aprender Juntos", ["Artesanas Mixtecas"],
     [S.IN_REVIEW, S.SELECTED, S.STRUCTURING, S.STRUCTURED], SURVEY, True,
     ("8.5", ["8.5.2"]), ("Personas con discapacidad contratadas", "personas", 0, 600, "Registros del IMSS de las empresas", "8.5.2")),
    (10, "Educación financiera para mujeres emprendedoras", "Red por el Empleo Incluyente", [],
     [S.IN_REVIEW, S.NOT_SELECTED], SURVEY, False, ("10.2", ["10.2.1"]), None),
    # The survey's second choice (surveys.demo's selection survey lists these five proposals).
    (10, "Cocinas comunitarias con jóvenes en riesgo", "Artesanas Mixtecas", ["Fundación Aprender Juntos"],
     [S.IN_REVIEW, S.SELECTED, S.STRUCTURING], SURVEY, False,
     ("10.2", ["10.2.1"]), ("Jóvenes que concluyen la formación", "jóvenes", 0, 3000, "Listas de asistencia y constancias", "10.2.1")),
    (10, "Microseguros para familias rurales", "Red por el Empleo Incluyente",
     ["Farmacias Salud Cercana"], [S.IN_REVIEW, S.NOT_SELECTED], SURVEY, False,
     ("10.2", ["10.2.1"]), None),
    (10, "Salud preventiva en comunidades indígenas", "Farmacias Salud Cercana",
     ["Red por el Empleo Incluyente"], [S.IN_REVIEW, S.NOT_SELECTED], SURVEY,
     False, ("10.2", ["10.2.1"]), None),
    (12, "Cero desperdicio de alimentos en el autoservicio", "Biogás del Golfo", ["Empaques Verdes de Jalisco"],
     [S.IN_REVIEW, S.SELECTED, S.STRUCTURING, S.STRUCTURED, S.IN_IMPLEMENTATION, S.CLOSED], VOTE, True,
     ("12.3", ["12.3.1"]), ("Toneladas de alimento recuperadas al año", "t", 0, 1200, "Reportes de los bancos de alimentos", "12.3.1")),
    (12, "Envases reciclables y economía circular", "Empaques Verdes de Jalisco",
     ["Consejo Empresarial para el Reciclaje"],
     [S.IN_REVIEW, S.SELECTED], VOTE, False, ("12.5", ["12.5.1"]), None),
    (12, "Cadena de valor de papel reciclado", "Consejo Empresarial para el Reciclaje", [], [S.IN_REVIEW, S.NOT_SELECTED], VOTE, False,
     ("12.5", ["12.5.1"]), None),
    (12, "Agua limpia para la industria alimentaria", "Alimentos del Campo Sinaloense", [], [S.DECLINED],
     "Corresponde al comité de Ciudades y comunidades sostenibles.", False, ("12.5", ["12.5.1"]), None),
    (12, "Certificación verde para PyMES proveedoras", "Artesanas Mixtecas", [], [S.WITHDRAWN],
     "La organización decidió sumarse al proyecto de envases.", False, ("12.5", ["12.5.1"]), None),
    (7, "Energía solar para comunidades sin red eléctrica", "Biogás del Golfo",
     ["Solar Comunitaria de Oaxaca", "Cámara de Energía del Sureste"],
     [S.IN_REVIEW, S.SELECTED, S.STRUCTURING, S.STRUCTURED, S.IN_IMPLEMENTATION], STUDIES, True,
     ("7.1", ["7.1.1"]), ("Hogares con electricidad de fuente renovable", "hogares", 0, 2500, "Actas de entrega e inspección en sitio", "7.1.1")),
    (4, "Habilidades digitales para jóvenes", "Fundación Aprender Juntos", ["Colegios Técnicos del Norte"],
     [S.IN_REVIEW, S.SELECTED, S.STRUCTURING, S.STRUCTURED, S.IN_IMPLEMENTATION], CO_BUILT, True,
     ("4.4", ["4.4.1"]), ("Jóvenes con habilidades digitales certificadas", "jóvenes", 0, 10000, "Certificados emitidos y plataforma", "4.4.1")),
    (11, "Vivienda sostenible y captación de agua de lluvia", "Desarrolladores de Vivienda de Occidente",
     ["Movilidad Urbana Integral"],
     [S.IN_REVIEW, S.SELECTED, S.STRUCTURING, S.STRUCTURED], CO_BUILT, True,
     ("11.1", ["11.1.1"]), ("Viviendas con captación de lluvia", "viviendas", 0, 800, "Padrón de beneficiarios y visitas", "11.1.1")),
]  # fmt: skip

# The open call of Producción y consumo: proposals in review, and who leads them (accounts of the demo).
OPEN_CALL_PROPOSALS = [
    ("Logística inversa de envases en tiendas de barrio", "presidencia.ods12@axs.example", S.SUBMITTED),
    ("Compras sostenibles en cadenas hoteleras", "secretaria.ods12@axs.example", S.RETURNED),
    ("Reúso de agua tratada en parques industriales", "presidencia.ods11@axs.example", S.IN_REVIEW),
]
DRAFT_TITLE = "Retazos con segunda vida: reúso de textiles"


def aware(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _chair(committee):
    post = Post.objects.current().filter(committee=committee, kind="chair").select_related("holder").first()
    return post.holder if post else None


def _texts(title, objective):
    texts = {
        "summary": f"{title}: un proyecto del consorcio para contribuir a la Agenda 2030.",
        "problem": "El problema se entendió colectivamente en las sesiones del comité.",
        "causes": "Falta de coordinación entre empresas, gobierno y comunidades; pocos recursos para escalar.",
        "effects": "Los beneficios no llegan a quienes más los necesitan; se pierden recursos.",
        "purpose": "Contribuir al cumplimiento de los ODS en México, Centroamérica y el Caribe.",
        "general_objective": objective,
        "international_cooperation": "Cooperación triangular con la GIZ y socios de Guatemala y Honduras.",
        "replication_countries": ["GT", "HN", "SV"],
    }
    for criterion in SUSTAINABILITY_CRITERIA + AXS_CRITERIA:
        texts[criterion.value] = f"{criterion.label}: así lo cumple el proyecto, según el consorcio."
    return texts


def _content(proposal, lead_member, members, alignment, objective_indicator, *, amount=Decimal("1500000")):
    """Write the components, alignment, results matrix and budget of a proposal."""
    for position, title in enumerate(["Diagnóstico y diseño participativo", "Implementación piloto"], start=1):
        component = Component.objects.create(proposal=proposal, position=position, title=title)
        Activity.objects.create(
            component=component,
            description=f"{title}: planeación",
            starts_on=D(2018, position * 3, 1),
            ends_on=D(2018, position * 3 + 2, 28),
        )
    target_code, indicator_codes = alignment
    target = Target.objects.get(code=target_code)
    aligned = AlignedTarget.objects.create(proposal=proposal, target=target)
    indicators = list(Indicator.objects.filter(code__in=indicator_codes))
    aligned.indicators.add(*indicators)
    if objective_indicator:
        name, unit, baseline, goal_value, means, sdg_code = objective_indicator
        sdg_indicator = Indicator.objects.get(code=sdg_code)
        aligned.indicators.add(sdg_indicator)
    else:
        name, unit, baseline, goal_value, means, sdg_indicator = (
            "Personas beneficiadas", "personas", 0, 500, "Registros del proyecto", indicators[0]
        )  # fmt: skip
    ProjectIndicator.objects.create(
        proposal=proposal, name=name, unit=unit, baseline_value=baseline, baseline_year=2017,
        target_value=goal_value, target_year=2020, means_of_verification=means, sdg_indicator=sdg_indicator,
    )  # fmt: skip
    for component in proposal.components.all():
        ProjectIndicator.objects.create(
            proposal=proposal, component=component, name=f"Avance de «{component.title}»", unit="%",
            baseline_value=0, baseline_year=2017, target_value=100, target_year=2019,
            means_of_verification="Informes trimestrales del consorcio",
        )  # fmt: skip
    Contribution.objects.create(member=lead_member, kind="financial", amount_mxn=amount)
    BudgetLine.objects.create(
        proposal=proposal, year=2018, source_member=lead_member, concept="Operación y coordinación", amount_mxn=amount
    )
    for member in members:
        Contribution.objects.create(member=member, kind="technical", description="Asesoría técnica y voluntariado")


def _history(proposal, path, reason, actor, submitter, *, start):
    """Submit (version 1) on ``start`` and walk the path, a few weeks per step."""
    full = selectors.proposal_full().get(pk=proposal.pk)
    ProposalVersion.objects.create(
        proposal=proposal, number=1, content=checklist.frozen_content(full), submitted_by=submitter,
        submitted_at=aware(start),
    )  # fmt: skip
    previous, day = S.DRAFT, start
    steps = [S.SUBMITTED, *path]
    for index, status in enumerate(steps):
        if status == S.STRUCTURED:
            # The four projects of March 2018; the pilot closed later was structured a year after.
            day = STRUCTURED_ON if S.CLOSED not in path else D(2019, 3, 15)
        is_last_decision = status in (S.SELECTED, S.NOT_SELECTED, S.DECLINED, S.WITHDRAWN, S.RETURNED)
        ProposalTransition.objects.create(
            proposal=proposal, from_status=previous, to_status=status,
            actor=submitter if status in (S.SUBMITTED, S.WITHDRAWN) else actor,
            reason=reason if is_last_decision else "", created_at=aware(day),
            date_precision=DatePrecision.MONTH if day == STRUCTURED_ON else DatePrecision.DAY,
        )  # fmt: skip
        previous = status
        day = day + datetime.timedelta(days=21 if index < 3 else 120)
    return previous, aware(start)


def _evaluate(proposal, evaluator, staff, seed):
    evaluation = Evaluation.objects.create(
        proposal=proposal, evaluator=evaluator, assigned_by=staff, assigned_at=aware(D(2017, 6, 15)),
        has_conflict=False, declared_at=aware(D(2017, 6, 16)), status="submitted",
        submitted_at=aware(D(2017, 6, 20)), overall_comment="Evaluación de demostración.",
    )  # fmt: skip
    for index, criterion in enumerate(Criterion):
        Score.objects.create(
            evaluation=evaluation, criterion=criterion, score=(seed + index) % 3 + 3 - (seed % 2),
            comment="Cumple con lo que el comité pidió." if (seed + index) % 2 else "Falta evidencia.",
        )  # fmt: skip


def load(stdout):
    """Create the calls and proposals that do not exist yet; leave existing ones alone."""
    User = get_user_model()
    staff = User.objects.get(email="staff@amexcid.example")
    evaluator = User.objects.get(email="evaluador@axs.example")
    organizations = {o.short_name or o.legal_name: o for o in Organization.objects.all()}
    committees = {c.goal.number: c for c in Committee.objects.select_related("goal")}
    created = 0
    for committee in committees.values():
        if not Call.objects.filter(committee=committee, opens_on=CALL_2017[0]).exists():
            Call.objects.create(
                committee=committee, title=f"Convocatoria 2017 · {committee.name}",
                guidance="Propuestas de proyecto que cumplan los siete criterios de la AxS.",
                opens_on=CALL_2017[0], closes_on=CALL_2017[1], created_by=staff,
                created_at=aware(D(2017, 1, 20)),
            )  # fmt: skip
    for seed, (goal, title, lead, partners, path, reason, published, alignment, indicator) in enumerate(PROJECTS):
        if Proposal.objects.filter(title=title).exists() or goal not in committees:
            continue
        committee = committees[goal]
        call = Call.objects.get(committee=committee, opens_on=CALL_2017[0])
        actor = _chair(committee) or staff
        lead_org = organizations[lead]
        proposal = Proposal.objects.create(
            call=call, committee=committee, lead_organization=lead_org, created_by=staff, title=title,
            version=1, **_texts(title, f"{title}: objetivo general acordado por el consorcio."),
        )  # fmt: skip
        lead_member = ConsortiumMember.objects.create(
            proposal=proposal, organization=lead_org, is_lead=True, status="accepted", invited_by=staff,
            role="Coordina el consorcio y administra los recursos.",
        )  # fmt: skip
        members = [
            ConsortiumMember.objects.create(
                proposal=proposal,
                organization=organizations[name],
                status="accepted",
                invited_by=staff,
                role="Aporta experiencia técnica y voluntariado.",
            )  # fmt: skip
            for name in partners
        ]
        _content(proposal, lead_member, members, alignment, indicator)
        status, submitted_at = _history(proposal, path, reason, actor, staff, start=D(2017, 5, 2 + seed))
        if status not in (S.DECLINED, S.WITHDRAWN):
            _evaluate(proposal, evaluator, staff, seed)
        Proposal.objects.filter(pk=proposal.pk).update(
            status=status, submitted_at=submitted_at, created_at=aware(D(2017, 4, 1)),
            updated_at=aware(STRUCTURED_ON), published_at=aware(D(2018, 4, 2)) if published else None,
        )  # fmt: skip
        created += 1
    created += _open_call(committees.get(12), staff, evaluator, organizations)
    stdout.write(f"Projects: {created} proposals created, {len(PROJECTS) + 4 - created} already there.")
    from . import demo_selection

    demo_selection.load(stdout)
    from .services import matrix_totals_rebuild

    matrix_totals_rebuild()  # the demo's evaluations are written without the services


def _open_call(committee, staff, evaluator, organizations):
    """Producción y consumo's call open today, with proposals in review and the draft to continue."""
    if committee is None:
        return 0
    User = get_user_model()
    call = Call.objects.filter(committee=committee, opens_on__gte=demo_dates.PRESENT_ERA).first()
    if call is None:
        opens_on, closes_on = (demo_dates.day(offset) for offset in OPEN_CALL_IN_DAYS)
        years = f"{opens_on.year}–{closes_on.year}" if opens_on.year != closes_on.year else f"{opens_on.year}"
        call = Call.objects.create(
            committee=committee, title=f"Convocatoria {years} · Producción y consumo responsables",
            guidance="Segunda generación de proyectos: economía circular con PyMES proveedoras.",
            opens_on=opens_on, closes_on=closes_on, created_by=staff,
        )  # fmt: skip
    submitted_on = demo_dates.day(OPEN_CALL_SUBMITTED_IN_DAYS)
    created = 0
    for title, email, status in OPEN_CALL_PROPOSALS:
        if Proposal.objects.filter(title=title).exists():
            continue
        lead = User.objects.get(email=email)
        lead_org = lead.representations.filter(ended_at__isnull=True).get().organization
        proposal = Proposal.objects.create(
            call=call, committee=committee, lead_organization=lead_org, created_by=lead, title=title, version=1,
            **_texts(title, f"{title}: objetivo general."),
        )  # fmt: skip
        lead_member = ConsortiumMember.objects.create(
            proposal=proposal, organization=lead_org, is_lead=True, status="accepted", invited_by=lead,
            role="Lidera el consorcio.",
        )  # fmt: skip
        _content(proposal, lead_member, [], ("12.5", ["12.5.1"]), None, amount=Decimal("800000"))
        path = {S.SUBMITTED: [], S.RETURNED: [S.RETURNED], S.IN_REVIEW: [S.IN_REVIEW]}[status]
        reason = "Precise la línea base del indicador y el presupuesto por año." if status == S.RETURNED else ""
        _history(proposal, path, reason, _chair(committee) or staff, lead, start=submitted_on)
        Proposal.objects.filter(pk=proposal.pk).update(status=status, submitted_at=aware(submitted_on))
        if status == S.IN_REVIEW:
            Evaluation.objects.create(proposal=proposal, evaluator=evaluator, assigned_by=staff)
        created += 1
    if not Proposal.objects.filter(title=DRAFT_TITLE).exists():
        representative = User.objects.get(email="representante@axs.example")
        lead_org = representative.representations.filter(ended_at__isnull=True).get().organization
        proposal = Proposal.objects.create(
            call=call, committee=committee, lead_organization=lead_org, created_by=representative, title=DRAFT_TITLE,
            summary="Recuperar los retazos de tela de los talleres de la región para nuevos productos.",
            problem="Los talleres tiran cada semana retazos de tela que aún sirven.",
        )  # fmt: skip
        ConsortiumMember.objects.create(
            proposal=proposal, organization=lead_org, is_lead=True, status="accepted", invited_by=representative
        )
        created += 1
    if created:
        fragments.changed(fragments.PROPOSALS)  # the demo writes rows without the services
    return created
