"""The demo alliance's committees, plenaries and sessions, after the 2016–2018 history in DOMAIN.md.

Memberships and posts go through the services (they keep the history and the audit trail).
Sessions, minutes and agreements of the past are written directly: the services refuse, rightly,
to schedule a session in the past. Attendance figures of the plenaries (81, "more than 90") are
recorded as reported figures, since the demo holds only the organizations the report names and a
few fictitious ones.

The seed names 46 organizations at the committees' installation but counts "more than 60", and
about 50 still active in March 2018 (a recorded figure, naming none). The fictitious participants of
``companies.demo`` fill the gap: they are seated at the installation with the named ones, and the
departures and suspensions of 2017 are theirs (``MEMBERSHIP_STEPS``), with invented reasons; one
fictitious company joins by invitation in 2018, as the seed says the committees stay open to new
participants. The installation sessions report how many organizations were seated. Of the named
organizations the seed says nothing after the installation: from the next day their memberships
have no data ("sin dato", ``mark_real_memberships_no_data``), neither current nor ended.

Attendance lists: ``demo_attendance`` (the organizations the seed names have no one on them).
Agreements fall to fictitious members.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import F, Q, Value
from django.db.models.functions import Concat
from django.utils import timezone, translation

from audit.models import AuditEvent
from audit.services import audit_record
from axs_platform import demo_dates
from axs_platform.dates import DatePrecision, historical_date
from companies.demo import DEMO_COMMITTEE_INSTALLED_ON, DEMO_COMMITTEE_SEATS
from companies.models import Organization
from sdg.models import Goal

from . import services
from .demo_attendance import correct_retired_attendance, record_attendance
from .models import (
    AgendaItem,
    Agreement,
    AgreementStatus,
    Attendance,
    Committee,
    DecisionMechanism,
    Membership,
    Minutes,
    MinutesStatus,
    PostKind,
    Session,
    SessionKind,
    WorkPlanActivity,
)
from .models.committees import OPEN_MEMBERSHIP_STATUSES

D = datetime.date

COMMITTEES = {
    4: (
        "Educación",
        "Impulsa proyectos de educación de calidad, habilidades para el empleo y educación para el desarrollo "
        "sostenible, con la participación de empresas, fundaciones y cámaras.",
        DecisionMechanism.CO_CONSTRUCTION,
        [
            ("Habilidades para el empleo", "Educación dual y formación técnica."),
            ("Educación para la sostenibilidad", ""),
        ],
    ),
    7: (
        "Energía asequible y no contaminante",
        "Promueve proyectos de energías renovables y eficiencia energética replicables en Centroamérica y el Caribe.",
        DecisionMechanism.PRIOR_STUDIES,
        [("Energía renovable en comunidades", ""), ("Eficiencia energética en PyMES", "")],
    ),
    10: (
        "Inclusión social",
        "Reúne a las organizaciones que trabajan por la inclusión laboral y financiera de grupos en situación de "
        "vulnerabilidad.",
        DecisionMechanism.ONLINE_SURVEY,
        [("Inclusión laboral", "Personas con discapacidad y jóvenes."), ("Inclusión financiera", "")],
    ),
    11: (
        "Ciudades y comunidades sostenibles",
        "Trabaja en vivienda, movilidad, agua y resiliencia urbana con un enfoque de co-construcción.",
        DecisionMechanism.CO_CONSTRUCTION,
        [("Agua y saneamiento urbano", ""), ("Vivienda y construcción sostenible", "")],
    ),
    12: (
        "Producción y consumo responsables",
        "Impulsa la economía circular, la gestión de residuos y las cadenas de valor sostenibles.",
        DecisionMechanism.VOTE,
        [("Economía circular y residuos", ""), ("Cadenas de suministro sostenibles", "")],
    ),
}
# The committees' English names translate the seed's Spanish ones ("Inclusión social" is "Social Inclusion", not
# SDG 10's "Reduced Inequalities"); like the Spanish, they leave the SDG's number to the badge printed beside them.
NAMES_EN = {
    4: "Education",
    7: "Affordable and Clean Energy",
    10: "Social Inclusion",
    11: "Sustainable Cities and Communities",
    12: "Responsible Consumption and Production",
}
# The English names an earlier demo gave (the SDGs' titles after "SDG n Committee: "): a second load_demo upgrades them.
FORMER_NAMES_EN = {
    4: "SDG 4 Committee: Quality Education",
    7: "SDG 7 Committee: Affordable and Clean Energy",
    10: "SDG 10 Committee: Reduced Inequalities",
    11: "SDG 11 Committee: Sustainable Cities and Communities",
    12: "SDG 12 Committee: Responsible Consumption and Production",
}
# The seed: the installation sessions ran "entre el 31 de octubre y el 4 de noviembre de 2016", not which committee on
# which day. Each committee needs a day; the order is the demo's (kept with the seats in companies.demo, which dates
# the organizations by it), and the day is recorded as known to the year only (a week across two months has no one
# month). The report's milestone gives the week (reports.demo).
INSTALLED_PRECISION = DatePrecision.YEAR
INSTALLED_ON = DEMO_COMMITTEE_INSTALLED_ON
CHAIRS = {goal: f"presidencia.ods{goal}@axs.example" for goal in INSTALLED_ON}
SECRETARIES = {goal: f"secretaria.ods{goal}@axs.example" for goal in INSTALLED_ON}
# The chair of Producción y consumo was first held by a fictitious company's contact, replaced in September 2017
# (the seed says chairs were replaced, not whose: companies.demo.DEMO_CONTACTS).
FIRST_CHAIR = {12: ("miriam.felix@alimentos-del-campo-sinaloense.axs.example", D(2017, 9, 1))}
# (goal, organization short name, action, date, reason)
# Only fictitious participants (companies.demo.FICTITIOUS_PARTICIPANTS): the seed says some companies suspended
# their participation, not which.
MEMBERSHIP_STEPS = [
    (4, "Editorial Pizarra Abierta", "end", D(2017, 6, 20),
     "Concluyó su participación al definirse el proyecto del comité; no se sumó al consorcio."),
    (4, "Escuela de Oficios Santa Clara", "end", D(2017, 10, 18),
     "Dejó el comité por falta de personal para asistir a las sesiones mensuales."),
    (7, "Solar Comunitaria de Oaxaca", "suspend", D(2017, 8, 9),
     "Pausa mientras concluye la instalación de su primera planta comunitaria."),
    (10, "Microfinanciera Tianguis", "end", D(2017, 2, 14),
     "Se retiró para concentrar sus recursos en su operación regional."),
    (10, "Red por el Empleo Incluyente", "suspend", D(2017, 6, 14),
     "Suspensión temporal por cambio de representante."),
    (10, "Red por el Empleo Incluyente", "reinstate", D(2017, 9, 6),
     "Nombró nuevo representante y retomó su participación."),
    (10, "Red por el Empleo Incluyente", "end", D(2017, 12, 13),
     "Concentra su participación en su red regional de empleo."),
    (10, "Farmacias Salud Cercana", "end", D(2017, 12, 5),
     "Los proyectos elegidos no se ajustan a su modelo de negocio."),
    (11, "Consejo Empresarial para el Reciclaje", "end", D(2017, 4, 5),
     "Concentra su participación en el comité de Producción y consumo responsables."),
    (11, "Constructora Hábitat del Centro", "end", D(2017, 7, 12),
     "La nueva dirección general decidió no continuar en la alianza."),
    (12, "Artesanas Mixtecas", "suspend", D(2017, 8, 16),
     "Suspende su participación en este comité para concentrarse en el de Inclusión social."),
    (12, "Alimentos del Campo Sinaloense", "end", D(2017, 9, 13),
     "El proyecto elegido por votación no incluye su cadena de valor."),
    (12, "Consejo Empresarial para el Reciclaje", "end", D(2017, 11, 22),
     "Sin presupuesto para aportar a los proyectos, dejó la alianza."),
]  # fmt: skip
# Organizations seated after the installation, by invitation: (goal, short name, joined on, reason).
LATER_MEMBERS = [
    (12, "Textiles Circulares de Puebla", D(2018, 1, 16),
     "Se sumó por invitación del comité para aportar su experiencia en economía circular textil."),
]  # fmt: skip
# (title, when, description, organizations reported, how much of the date the seed gives). The seed dates the launch
# (19 May 2016); the second and third meetings only through the press releases that report them (6 July and 23 August
# 2016), so to the month; the fourth not at all, only after the survey of August and before the installation of
# 31 October 2016, so to the year. A session needs a day: those of the last three are the demo's; the seed gives no
# hour for any of them, so none is recorded (``time_known`` false).
PLENARIES = [
    ("Lanzamiento de la Alianza por la Sostenibilidad", datetime.datetime(2016, 5, 19),
     "Sesión plenaria de lanzamiento con la AMEXCID, la GIZ y el sector privado.", 81, DatePrecision.DAY),
    ("Segunda sesión plenaria", datetime.datetime(2016, 7, 6),
     "Más de 90 organizaciones asistieron; la cifra registrada es el mínimo reportado.", 90, DatePrecision.MONTH),
    ("Tercera sesión plenaria", datetime.datetime(2016, 8, 23),
     "Presentación del Proyecto de Integración y Desarrollo Mesoamérica.", None, DatePrecision.MONTH),
    ("Cuarta sesión plenaria: resultados de la encuesta", datetime.datetime(2016, 10, 4),
     "Se presentaron los resultados de la encuesta y la propuesta de los cinco comités de trabajo.", None,
     DatePrecision.YEAR),
]  # fmt: skip
PLENARY_TITLES_EN = {
    "Lanzamiento de la Alianza por la Sostenibilidad": "Launch of the Alliance for Sustainability",
    "Segunda sesión plenaria": "Second plenary session",
    "Tercera sesión plenaria": "Third plenary session",
    "Cuarta sesión plenaria: resultados de la encuesta": "Fourth plenary session: the survey's results",
}
# The next ordinary session of each committee, in days from the day the demo is loaded.
UPCOMING_IN_DAYS = {4: 1, 7: 2, 10: 3, 11: 8, 12: 9}
UPCOMING_PLENARY_IN_DAYS = 48
PLACE = "AMEXCID, Plaza Juárez 20, Centro, Ciudad de México"


def aware(moment):
    return timezone.make_aware(moment)


def _session(
    *, committee=None, kind=SessionKind.COMMITTEE, title, title_en="", starts, description="", reported=None,
    public=False, precision=DatePrecision.DAY,
):  # fmt: skip
    """Get or create a session. One before the platform's era is known by its day at most: the seed gives no hour.

    Such a session, and any known only by its month or year, takes its whole day (midnight to midnight) with
    ``time_known`` false; a demo loaded before sessions said so is corrected, so loading it again changes nothing
    more.
    """
    starts_at = starts if timezone.is_aware(starts) else aware(starts)
    historical = starts_at < demo_dates.present_era_start()
    moments = {"starts_at": starts_at, "ends_at": starts_at + datetime.timedelta(hours=2), "time_known": True}
    if historical or precision != DatePrecision.DAY:
        moments = _whole_day(starts_at)
    session, created = Session.objects.get_or_create(
        kind=kind,
        committee=committee,
        title=title,
        defaults={
            "title_en": title_en,
            **moments,
            "place": PLACE,
            "description": description,
            "reported_attendance": reported,
            "is_public": public,
            "date_precision": precision,
        },
    )
    changed = []
    if not created and title_en and not session.title_en:  # a demo loaded before sessions had English titles
        session.title_en = title_en
        changed.append("title_en")
    # A demo loaded with an hour the seed does not give, or one for a date known to the month or year.
    if not created and (historical or session.date_precision != DatePrecision.DAY) and session.time_known:
        for name, value in _whole_day(session.starts_at).items():
            setattr(session, name, value)
        changed += ["starts_at", "ends_at", "time_known"]
    if changed:
        session.save(update_fields=changed)
    return session


def _whole_day(moment):
    """Return the start, end and ``time_known`` of a session of whose day the hour is not known."""
    day = timezone.localdate(moment)
    return {
        "starts_at": aware(datetime.datetime.combine(day, datetime.time())),
        "ends_at": aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time())),
        "time_known": False,
    }


def _held_on(session):
    """Return "el 07/02/2017" for a session of a known day, "en 2016" for one known to the year only."""
    if session.date_precision == DatePrecision.DAY:
        return f"el {timezone.localdate(session.starts_at):%d/%m/%Y}"
    with translation.override("es-mx"):
        return f"en {historical_date(session.starts_at, session.date_precision)}"


def _monthly_dates():
    """The first Tuesday of each month from December 2016 to March 2018."""
    year, month = 2016, 12
    while (year, month) <= (2018, 3):
        day = D(year, month, 1)
        day += datetime.timedelta(days=(1 - day.weekday()) % 7)
        yield day
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _load_committee(goal_number, actor, organizations, users):
    name, description, mechanism, areas = COMMITTEES[goal_number]
    name_en = NAMES_EN[goal_number]
    existing = Committee.objects.filter(name=name).first()
    if existing is not None:
        # A demo loaded before committees had English names, or with the former ones (not a name staff chose).
        if existing.name_en in ("", FORMER_NAMES_EN[goal_number]) and existing.is_open:
            services.committee_update(actor=actor, committee=existing, name_en=name_en)
        return False
    installed_on = INSTALLED_ON[goal_number]
    committee = services.committee_create(
        actor=actor,
        name=name,
        name_en=name_en,
        goal=Goal.objects.get(number=goal_number),
        description=description,
        decision_mechanism=mechanism,
        operating_rules="Sesiones ordinarias mensuales; quórum con la mitad más una de las organizaciones integrantes.",
        installed_on=installed_on,
        date_precision=INSTALLED_PRECISION,
    )
    members = [organizations[legal] for legal in DEMO_COMMITTEE_SEATS[goal_number]]
    for organization in members:
        services.membership_add(actor=actor, committee=committee, organization=organization, joined_on=installed_on)
    chair, secretary = users[CHAIRS[goal_number]], users[SECRETARIES[goal_number]]
    first_chair = FIRST_CHAIR.get(goal_number)
    services.post_appoint(
        actor=actor,
        committee=committee,
        kind=PostKind.CHAIR,
        holder=users[first_chair[0]] if first_chair else chair,
        started_on=installed_on,
    )
    if first_chair:
        services.post_appoint(
            actor=actor, committee=committee, kind=PostKind.CHAIR, holder=chair, started_on=first_chair[1]
        )
    services.post_appoint(
        actor=actor, committee=committee, kind=PostKind.SECRETARY, holder=secretary, started_on=installed_on
    )
    by_short = {organization.short_name: organization for organization in members}
    for goal, short, action, effective_on, reason in MEMBERSHIP_STEPS:
        if goal == goal_number:
            membership = Membership.objects.get(
                committee=committee, organization=by_short[short], status__in=["active", "suspended"]
            )
            services.membership_transition(
                actor=actor, membership=membership, action=action, reason=reason, effective_on=effective_on
            )
    by_short = {organization.short_name: organization for organization in organizations.values()}
    for goal, short, joined_on, reason in LATER_MEMBERS:
        if goal == goal_number:
            services.membership_add(
                actor=actor, committee=committee, organization=by_short[short], joined_on=joined_on, reason=reason
            )

    chair_org = chair.representations.get(ended_at__isnull=True).organization
    secretary_org = secretary.representations.get(ended_at__isnull=True).organization
    for position, (area_name, area_description) in enumerate(areas, start=1):
        area = committee.priority_areas.create(name=area_name, description=area_description, position=position)
        for number, status in enumerate(("done", "done", "in_progress", "planned")):
            WorkPlanActivity.objects.create(
                committee=committee,
                priority_area=area,
                title=f"{['Diagnóstico', 'Mapeo de iniciativas', 'Estructuración del proyecto', 'Piloto'][number]}: "
                f"{area_name.lower()}",
                responsible_organization=(chair_org, secretary_org)[number % 2],
                starts_on=D(2017, 1 + 3 * number, 1),
                ends_on=D(2017, 3 + 3 * number, 28),
                status=status,
            )

    installation = _session(
        committee=committee,
        title=f"Sesión de instalación del Comité de {name}",
        title_en=f"Installation session of the {name_en} Committee",
        starts=datetime.datetime.combine(installed_on, datetime.time()),
        description="Instalación del comité con las organizaciones integrantes.",
        reported=len(members),
        public=True,
        precision=INSTALLED_PRECISION,
    )
    for position, item in enumerate(
        ["Bienvenida de la AMEXCID", "Resultados de la encuesta para este ODS", "Elección de presidencia y secretaría",
         "Reglas de operación y plan de trabajo"], start=1):  # fmt: skip
        AgendaItem.objects.create(session=installation, position=position, title=item)
    sessions = [installation]
    # The seed says the committees met "al menos una vez al mes", not on which day: the first Tuesday is the
    # demo's, so the monthly sessions are known to the month only (pages, calendars and IATI honour that).
    for day in _monthly_dates():
        sessions.append(
            _session(
                committee=committee,
                title=f"Sesión ordinaria de {demo_dates.month_es(day)}",
                title_en=f"Ordinary session of {demo_dates.month_en(day)}",
                starts=datetime.datetime.combine(day, datetime.time()),
                precision=DatePrecision.MONTH,
            )
        )
    chair_terms = [(users[first_chair[0]], first_chair[1])] if first_chair else []
    for index, session in enumerate(sessions):
        date = session.starts_at.date()
        approver = next((holder for holder, until in chair_terms if date < until), chair)
        for person in (approver, secretary):
            organization = person.representations.filter(ended_at__isnull=True).first()
            if (
                organization
                and Membership.objects.filter(committee=committee, organization=organization.organization).exists()
            ):
                Attendance.objects.get_or_create(
                    session=session,
                    person=person,
                    defaults={"organization": organization.organization, "status": "present", "recorded_by": secretary},
                )
        following = sessions[index + 1] if index + 1 < len(sessions) else None
        minutes = Minutes.objects.create(
            session=session,
            version=1,
            body=(
                f"Sesión del Comité de {name} celebrada {_held_on(session)}.\n\n"
                "Se revisó el avance del plan de trabajo y el seguimiento de acuerdos. "
                "Las organizaciones presentes compartieron los avances de sus iniciativas."
            ),
            status=MinutesStatus.APPROVED,
            drafted_by=secretary,
            drafted_at=session.ends_at,
            approved_by=approver,
            approved_at=following.ends_at if following else session.ends_at + datetime.timedelta(days=7),
            approved_at_session=following,
        )
        # Approved minutes are sealed in the audit chain, as ``minutes_approve`` seals them.
        audit_record(actor=approver, action=AuditEvent.Action.TRANSITION, target=minutes, seal=True)
        due_on = date + datetime.timedelta(days=28)
        # Agreements fall to fictitious organizations that sat on the committee that day (the seed assigns none).
        present = [
            m.organization
            for m in committee.memberships.active_on(date)
            .filter(organization__is_fictitious=True)
            .select_related("organization")
            .order_by("organization__legal_name")
        ]
        Agreement.objects.create(
            session=session,
            committee=committee,
            description="Enviar a la secretaría los avances de las iniciativas para el siguiente informe.",
            responsible_organization=present[index % len(present)] if index % 3 else chair_org,
            responsible_person=None if index % 3 else chair,
            due_on=due_on,
            status=AgreementStatus.DONE if index < len(sessions) - 2 else AgreementStatus.PENDING,
            completed_on=due_on if index < len(sessions) - 2 else None,
            created_by=secretary,
            created_at=session.ends_at,
        )
    _upcoming_session(goal_number, committee)
    return True


def _upcoming_session(goal_number, committee):
    """Schedule the committee's next ordinary session a few days from today, unless the present has one."""
    if committee.sessions.filter(starts_at__gte=demo_dates.present_era_start()).exists():
        return
    starts = demo_dates.moment(UPCOMING_IN_DAYS[goal_number])
    upcoming = _session(
        committee=committee,
        title=f"Sesión ordinaria de {demo_dates.month_es(starts.date())} del Comité de {committee.name}",
        title_en=f"Ordinary session of {demo_dates.month_en(starts.date())} of the {committee.name_en} Committee",
        starts=starts,
        description="Revisión de los indicadores de los proyectos en implementación.",
    )
    for position, item in enumerate(["Seguimiento de acuerdos", "Avance de indicadores", "Asuntos generales"], 1):
        AgendaItem.objects.get_or_create(session=upcoming, position=position, defaults={"title": item})


NO_DATA_REASON = (
    "El documento de referencia nombra a la organización en la instalación del comité y no dice si siguió "
    "participando después."
)


def mark_real_memberships_no_data(actor):
    """Mark "no data" the open memberships of real organizations from the day after their committee's installation.

    The seed names them at the installation only; that they stayed (or left) would be invented. Idempotent: a
    demo loaded before this rule had them active, and a second load upgrades it.
    """
    marked = 0
    open_memberships = Membership.objects.filter(
        committee__name__in=[name for name, *_rest in COMMITTEES.values()],
        committee__installed_on__isnull=False,
        committee__closed_at__isnull=True,
        organization__is_fictitious=False,
        status__in=OPEN_MEMBERSHIP_STATUSES,
        joined_on__lte=F("committee__installed_on"),
    ).select_related("committee")
    for membership in open_memberships:
        services.membership_mark_unknown(
            actor=actor,
            membership=membership,
            since=membership.committee.installed_on + datetime.timedelta(days=1),
            reason=NO_DATA_REASON,
        )
        marked += 1
    return marked


def correct_session_titles_en():
    """Add "Committee" to the English titles an earlier demo wrote without it ("… of the Education").

    Only the titles the demo wrote (installations and the next ordinary session, ending in the committee's
    demo English name), so a title staff changed is left alone and loading again changes nothing more.
    """
    corrected = 0
    for goal_number, (name, *_rest) in COMMITTEES.items():
        former = Q(title_en__startswith="Installation session of the ") | Q(title_en__startswith="Ordinary session of ")
        corrected += Session.objects.filter(
            former, committee__name=name, title_en__endswith=f" of the {NAMES_EN[goal_number]}"
        ).update(title_en=Concat(F("title_en"), Value(" Committee")))
    return corrected


def load(stdout):
    """Create the committees and sessions that do not exist yet; leave existing ones alone."""
    User = get_user_model()
    actor = User.objects.get(email="staff@amexcid.example")
    organizations = {organization.legal_name: organization for organization in Organization.objects.all()}
    users = {user.email: user for user in User.objects.filter(email__endswith="axs.example")}
    created = sum(_load_committee(goal, actor, organizations, users) for goal in COMMITTEES)
    correct_session_titles_en()
    without_data = mark_real_memberships_no_data(actor)
    struck, corrected_sessions = correct_retired_attendance(actor)
    attended = 0
    for goal, (name, *_rest) in COMMITTEES.items():
        committee = Committee.objects.filter(name=name).first()
        if committee is not None:
            attended += record_attendance(goal, committee, users[SECRETARIES[goal]])
    plenaries = 0
    for title, starts, description, reported, precision in PLENARIES:
        new = not Session.objects.filter(kind=SessionKind.PLENARY, title=title).exists()
        _session(kind=SessionKind.PLENARY, title=title, title_en=PLENARY_TITLES_EN[title], starts=starts,
                 description=description, reported=reported, public=True, precision=precision)  # fmt: skip
        plenaries += new
    if not Session.objects.filter(kind=SessionKind.CHAIRS).exists():
        _session(
            kind=SessionKind.CHAIRS,
            title="Sesión intercomités de presidencias",
            title_en="Cross-committee session of the chairs",
            starts=datetime.datetime(2017, 6, 7),
            description="Las presidencias de los cinco comités compartieron avances y retos.",
        )
        plenaries += 1
    present = demo_dates.present_era_start()
    if not Session.objects.filter(kind=SessionKind.PLENARY, starts_at__gte=present).exists():
        starts = demo_dates.moment(UPCOMING_PLENARY_IN_DAYS)
        _session(
            kind=SessionKind.PLENARY,
            title=f"Sesión plenaria de {starts.year}: resultados de los proyectos",
            title_en=f"Plenary session of {starts.year}: the projects' results",
            starts=starts,
            description="Presentación de resultados de los proyectos en implementación.",
            public=True,
        )
        plenaries += 1
    stdout.write(
        f"Committees: {created} created, {len(COMMITTEES) - created} already there; {plenaries} plenaries; "
        f"{without_data} memberships of real organizations recorded as no data after their installation; "
        f"{attended} attendance records; {struck} rows of retired invented contacts struck off "
        f"{corrected_sessions} attendance lists."
    )
