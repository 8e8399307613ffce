"""The demo alliance's member organizations, their representatives and due-diligence reviews.

Every organization named in the domain digest is here, with the committees it sat on at the
installation (``DEMO_COMMITTEE_SEATS``, for the committees app's own demo). RFCs are invented
for the demo; "Minera Ejemplo del Pacífico" is fictitious and carries the rejected review.

Nothing here invents a fact about a real organization (one the seed names): the real ones sit on
the committees the seed lists; they are registered and joined on the first day the seed names them
(``seed_dates``), and from the day after the last thing it says of them their participation has no data
("sin dato", ``mark_real_participation_no_data``): the seed says neither that they stayed nor that they
left. Every invented person is marked fictitious
(``User.is_fictitious``), and every invented event or figure (a suspension, a departure, a post, a
due-diligence review, priority SDGs, a proposal, a survey answer, an attendance record after the
installation, an agreement) belongs to an organization marked fictitious (``Organization.is_fictitious``,
shown as "ficticia" / "fictitious"). tests/companies/test_demo_facts.py holds the seed's facts and
checks this.

The seed counts more participants than it names: "more than 60" companies, foundations and
chambers at the committees' installation and about 50 still active in March 2018, but its lists
name 46. ``FICTITIOUS_PARTICIPANTS`` stand in for the unnamed ones, so that those figures come
out of the data: invented organizations of mixed kinds whose history (who chaired, who left,
who was suspended) is invented too.
"""

import datetime
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from django.utils.text import slugify

from accounts.demo import DEMO_PASSWORD
from accounts.services import user_update

from . import services
from .models import (
    Decision,
    DueDiligenceReview,
    Finding,
    Organization,
    OrganizationSize,
    OrganizationType,
    ParticipationChange,
    ParticipationStatus,
    Representative,
    RiskQuestion,
    RiskRating,
    Sector,
)

T = OrganizationType
S = OrganizationSize
ACTIVE, SUSPENDED, WITHDRAWN = ParticipationStatus.ACTIVE, ParticipationStatus.SUSPENDED, ParticipationStatus.WITHDRAWN

# short name, legal name, type, size, sector, state, committees, priority SDGs (none for the organizations the seed
# names: it states no organization's priorities), website
DEMO_ORGANIZATIONS = [
    ("AMEXCID", "Agencia Mexicana de Cooperación Internacional para el Desarrollo", T.PUBLIC_BODY, S.LARGE, Sector.GOVERNMENT, "CMX", (), (), "https://www.gob.mx/amexcid"),
    ("GIZ", "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH", T.COOPERATION_AGENCY, S.LARGE, Sector.GOVERNMENT, "", (), (), "https://www.giz.de"),
    ("BBVA Bancomer", "BBVA Bancomer, S.A.", T.COMPANY, S.LARGE, Sector.FINANCE, "CMX", (4, 10), (), ""),
    ("Citibanamex", "Banco Nacional de México, S.A.", T.COMPANY, S.LARGE, Sector.FINANCE, "CMX", (4, 11), (), ""),
    ("Fundación Mapfre", "Fundación Mapfre México, A.C.", T.CORPORATE_FOUNDATION, S.MEDIUM, Sector.SOCIAL, "CMX", (4,), (), ""),
    ("Fundación Telefónica", "Fundación Telefónica México, A.C.", T.CORPORATE_FOUNDATION, S.MEDIUM, Sector.SOCIAL, "CMX", (4,), (), ""),
    ("Fundación Posadas", "Fundación Posadas, A.C.", T.CORPORATE_FOUNDATION, S.SMALL, Sector.SOCIAL, "CMX", (4,), (), ""),
    ("Grupo CICE", "Grupo CICE, S.A. de C.V.", T.COMPANY, S.MEDIUM, Sector.EDUCATION, "CMX", (4,), (), ""),
    ("KidZania", "KidZania de México, S.A. de C.V.", T.COMPANY, S.LARGE, Sector.TOURISM, "CMX", (4,), (), ""),
    ("PwC", "PricewaterhouseCoopers, S.C.", T.COMPANY, S.LARGE, Sector.PROFESSIONAL, "CMX", (4,), (), ""),
    ("CANACINTRA", "Cámara Nacional de la Industria de Transformación", T.CHAMBER, S.MEDIUM, Sector.BUSINESS_REPRESENTATION, "CMX", (4, 11, 12), (), ""),
    ("Aeroméxico", "Aerovías de México, S.A. de C.V.", T.COMPANY, S.LARGE, Sector.TRANSPORT, "CMX", (7,), (), ""),
    ("Clean Energy Partners", "Clean Energy Partners México, S.A.P.I. de C.V.", T.COMPANY, S.SMALL, Sector.ENERGY, "NLE", (7,), (), ""),
    ("Eolectric", "Eolectric Desarrollo Renovable, S.A.P.I. de C.V.", T.COMPANY, S.MEDIUM, Sector.ENERGY, "CMX", (7,), (), ""),
    ("Gauss Energía", "Gauss Energía, S.A.P.I. de C.V.", T.COMPANY, S.MEDIUM, Sector.ENERGY, "CMX", (7,), (), ""),
    ("Grupo Dragón", "Grupo Dragón, S.A. de C.V.", T.COMPANY, S.MEDIUM, Sector.ENERGY, "CMX", (7, 10), (), ""),
    ("KABYAX", "KABYAX Energía Sustentable, S.A. de C.V.", T.SOCIAL_ECONOMY, S.SMALL, Sector.ENERGY, "YUC", (7,), (), ""),
    ("Maersk", "Maersk México, S.A. de C.V.", T.COMPANY, S.LARGE, Sector.TRANSPORT, "CMX", (7,), (), ""),
    ("Siemens", "Siemens, S.A. de C.V.", T.COMPANY, S.LARGE, Sector.MANUFACTURING, "CMX", (7, 11), (), ""),
    ("Nacional Monte de Piedad", "Nacional Monte de Piedad, I.A.P.", T.CIVIL_SOCIETY, S.LARGE, Sector.FINANCE, "CMX", (7,), (), ""),
    ("Total Energy Systems", "Total Energy Systems de México, S.A. de C.V.", T.COMPANY, S.SMALL, Sector.ENERGY, "QUE", (7,), (), ""),
    ("ANTAD", "Asociación Nacional de Tiendas de Autoservicio y Departamentales, A.C.", T.CHAMBER, S.SMALL, Sector.BUSINESS_REPRESENTATION, "CMX", (7,), (), ""),
    ("ALSEA", "Alsea, S.A.B. de C.V.", T.COMPANY, S.LARGE, Sector.FOOD, "CMX", (10,), (), ""),
    ("AXA", "AXA Seguros, S.A. de C.V.", T.COMPANY, S.LARGE, Sector.FINANCE, "CMX", (10, 11), (), ""),
    ("Fundación Manpower", "Fundación Manpower, A.C.", T.CORPORATE_FOUNDATION, S.SMALL, Sector.SOCIAL, "CMX", (10,), (), ""),
    ("Kimberly Clark", "Kimberly-Clark de México, S.A.B. de C.V.", T.COMPANY, S.LARGE, Sector.MANUFACTURING, "CMX", (10,), (), ""),
    ("McBride Sustainability", "McBride Sustainability, S.C.", T.COMPANY, S.MICRO, Sector.PROFESSIONAL, "CMX", (10,), (), ""),
    ("Microsoft", "Microsoft México, S. de R.L. de C.V.", T.COMPANY, S.LARGE, Sector.TELECOM, "CMX", (10,), (), ""),
    ("Pfizer", "Pfizer, S.A. de C.V.", T.COMPANY, S.LARGE, Sector.PHARMA, "CMX", (10,), (), ""),
    ("AMDEE", "Asociación Mexicana de Energía Eólica, A.C.", T.CHAMBER, S.MICRO, Sector.BUSINESS_REPRESENTATION, "CMX", (10, 11), (), ""),
    ("FUNDEMEX", "Fundación del Empresariado en México, A.C.", T.CORPORATE_FOUNDATION, S.SMALL, Sector.SOCIAL, "CMX", (10,), (), ""),
    ("BASF", "BASF Mexicana, S.A. de C.V.", T.COMPANY, S.LARGE, Sector.CHEMICALS, "CMX", (11, 12), (), ""),
    ("Bioconstrucción y Energía Alternativa", "Bioconstrucción y Energía Alternativa, S.A. de C.V.", T.COMPANY, S.SMALL, Sector.CONSTRUCTION, "NLE", (11,), (), ""),
    ("DINA", "DINA Camiones, S.A. de C.V.", T.COMPANY, S.LARGE, Sector.MANUFACTURING, "HID", (11,), (), ""),
    ("DOW", "Dow Química Mexicana, S.A. de C.V.", T.COMPANY, S.LARGE, Sector.CHEMICALS, "CMX", (11, 12), (), ""),
    ("Mabe", "Mabe, S.A. de C.V.", T.COMPANY, S.LARGE, Sector.MANUFACTURING, "CMX", (11,), (), ""),
    ("Rotoplas", "Grupo Rotoplas, S.A.B. de C.V.", T.COMPANY, S.LARGE, Sector.MANUFACTURING, "CMX", (11, 12), (), ""),
    ("Fundación Avina", "Fundación Avina México, A.C.", T.CIVIL_SOCIETY, S.SMALL, Sector.SOCIAL, "CMX", (11, 12), (), ""),
    ("Reforestamos México", "Reforestamos México, A.C.", T.CIVIL_SOCIETY, S.SMALL, Sector.SOCIAL, "CMX", (11, 12), (), ""),
    ("Bimbo", "Grupo Bimbo, S.A.B. de C.V.", T.COMPANY, S.LARGE, Sector.FOOD, "CMX", (12,), (), "https://www.grupobimbo.com"),
    ("Biopapel", "Biopapel, S.A. de C.V.", T.COMPANY, S.LARGE, Sector.MANUFACTURING, "JAL", (12,), (), ""),
    ("Danone", "Danone de México, S.A. de C.V.", T.COMPANY, S.LARGE, Sector.FOOD, "MEX", (12,), (), ""),
    ("Fundación Grupo Lala", "Fundación Grupo Lala, A.C.", T.CORPORATE_FOUNDATION, S.SMALL, Sector.SOCIAL, "COA", (12,), (), ""),
    ("GreenMark México", "GreenMark México, S.A. de C.V.", T.COMPANY, S.SMALL, Sector.PROFESSIONAL, "CMX", (12,), (), ""),
    ("Helvex", "Helvex, S.A. de C.V.", T.COMPANY, S.LARGE, Sector.MANUFACTURING, "CMX", (12,), (), ""),
    ("HSBC", "HSBC México, S.A.", T.COMPANY, S.LARGE, Sector.FINANCE, "CMX", (12,), (), ""),
    ("CANAJAD", "Cámara Nacional de la Industria de Aceites, Grasas, Jabones y Detergentes", T.CHAMBER, S.MICRO, Sector.BUSINESS_REPRESENTATION, "CMX", (12,), (), ""),
    ("CONCAMIN", "Confederación de Cámaras Industriales de los Estados Unidos Mexicanos", T.CHAMBER, S.SMALL, Sector.BUSINESS_REPRESENTATION, "CMX", (12,), (), ""),
    ("Minera Ejemplo del Pacífico", "Minera Ejemplo del Pacífico, S.A. de C.V.", T.COMPANY, S.MEDIUM, Sector.MINING, "SON", (), (8,), ""),
]  # fmt: skip

# The unnamed participants of the installation, and one organization invited to a committee in 2018.
FICTITIOUS_PARTICIPANTS = [
    ("Colegios Técnicos del Norte", "Colegios Técnicos del Norte, S.C.", T.COMPANY, S.MEDIUM, Sector.EDUCATION, "NLE", (4,), (4, 8), ""),
    ("Fundación Aprender Juntos", "Fundación Aprender Juntos, A.C.", T.CORPORATE_FOUNDATION, S.SMALL, Sector.SOCIAL, "JAL", (4, 10), (4, 10, 5), ""),
    ("Editorial Pizarra Abierta", "Editorial Pizarra Abierta, S.A. de C.V.", T.COMPANY, S.SMALL, Sector.EDUCATION, "PUE", (4,), (4,), ""),
    ("Escuela de Oficios Santa Clara", "Escuela de Oficios Santa Clara, I.A.P.", T.CIVIL_SOCIETY, S.MICRO, Sector.EDUCATION, "GUA", (4,), (4, 8), ""),
    ("Solar Comunitaria de Oaxaca", "Solar Comunitaria de Oaxaca, S.C. de R.L. de C.V.", T.SOCIAL_ECONOMY, S.MICRO, Sector.ENERGY, "OAX", (7,), (7, 1), ""),
    ("Biogás del Golfo", "Biogás del Golfo, S.A.P.I. de C.V.", T.COMPANY, S.SMALL, Sector.ENERGY, "VER", (7, 12), (7, 12, 13), ""),
    ("Cámara de Energía del Sureste", "Cámara Regional de Energía del Sureste, A.C.", T.CHAMBER, S.SMALL, Sector.BUSINESS_REPRESENTATION, "YUC", (7,), (7, 9), ""),
    ("Microfinanciera Tianguis", "Microfinanciera Tianguis, S.A. de C.V., SOFOM, E.N.R.", T.COMPANY, S.MEDIUM, Sector.FINANCE, "CHP", (10,), (10, 1, 5), ""),
    ("Red por el Empleo Incluyente", "Red Mexicana por el Empleo Incluyente, A.C.", T.CIVIL_SOCIETY, S.SMALL, Sector.SOCIAL, "CMX", (10,), (10, 8), ""),
    ("Artesanas Mixtecas", "Cooperativa de Artesanas Mixtecas, S.C. de R.L. de C.V.", T.SOCIAL_ECONOMY, S.MICRO, Sector.MANUFACTURING, "OAX", (10, 12), (5, 10, 12), ""),
    ("Farmacias Salud Cercana", "Farmacias Salud Cercana, S.A. de C.V.", T.COMPANY, S.LARGE, Sector.RETAIL, "JAL", (10,), (3, 10), ""),
    ("Constructora Hábitat del Centro", "Constructora Hábitat Sustentable del Centro, S.A. de C.V.", T.COMPANY, S.MEDIUM, Sector.CONSTRUCTION, "QUE", (11,), (11, 6), ""),
    ("Movilidad Urbana Integral", "Movilidad Urbana Integral, S.A.P.I. de C.V.", T.COMPANY, S.SMALL, Sector.TRANSPORT, "CMX", (11,), (11, 13), ""),
    ("Desarrolladores de Vivienda de Occidente", "Asociación de Desarrolladores de Vivienda de Occidente, A.C.", T.CHAMBER, S.SMALL, Sector.BUSINESS_REPRESENTATION, "JAL", (11,), (11, 9), ""),
    ("Empaques Verdes de Jalisco", "Empaques Verdes de Jalisco, S.A. de C.V.", T.COMPANY, S.SMALL, Sector.CHEMICALS, "JAL", (12,), (12, 9), ""),
    ("Alimentos del Campo Sinaloense", "Alimentos del Campo Sinaloense, S.A. de C.V.", T.COMPANY, S.LARGE, Sector.FOOD, "SIN", (12,), (12, 2), ""),
    ("Consejo Empresarial para el Reciclaje", "Consejo Empresarial para el Reciclaje, A.C.", T.CHAMBER, S.MICRO, Sector.BUSINESS_REPRESENTATION, "NLE", (11, 12), (12, 11), ""),
    ("Textiles Circulares de Puebla", "Textiles Circulares de Puebla, S.A. de C.V.", T.COMPANY, S.SMALL, Sector.MANUFACTURING, "PUE", (), (12, 8), ""),
]  # fmt: skip
DEMO_ORGANIZATIONS += FICTITIOUS_PARTICIPANTS
FICTITIOUS_MINE = "Minera Ejemplo del Pacífico, S.A. de C.V."

D = datetime.date
# The seed: the installation sessions ran "entre el 31 de octubre y el 4 de noviembre de 2016", not which committee on
# which day. Each committee needs a day; the order is the demo's (committees.demo records it as known to the year).
DEMO_COMMITTEE_INSTALLED_ON = {
    4: D(2016, 10, 31),
    7: D(2016, 11, 1),
    10: D(2016, 11, 2),
    11: D(2016, 11, 3),
    12: D(2016, 11, 4),
}
# The first day the seed names the organizations it does not seat on a committee: AMEXCID convened the launch of
# 19 May 2016 («Etapa 1: Acercamiento y diálogo»); GIZ appears "en mayo de 2017", supporting the structuring of the
# projects («Estructuración de proyectos»; a month: its first day).
SEED_FIRST_NAMED_ON = {"AMEXCID": D(2016, 5, 19), "GIZ": D(2017, 5, 1)}
# The seed's period ends in March 2018: it says nothing of any organization after it.
AFTER_THE_PERIOD = D(2018, 4, 1)

DEMO_COMMITTEE_SEATS = {
    goal: [legal for _short, legal, _t, _s, _sec, _st, seats, *_rest in DEMO_ORGANIZATIONS if goal in seats]
    for goal in (4, 7, 10, 11, 12)
}

# Participation steps after the invitation, with the reasons the history keeps; default: joined.
JOINED = (ACTIVE, "Aceptó la invitación a la alianza.")
DEMO_PARTICIPATION = {
    "Minera Ejemplo del Pacífico": [(WITHDRAWN, "Se retiró la invitación tras la debida diligencia.")],
    # The fictitious participants that left or paused (committees.demo keeps the dates, committee by committee).
    "Editorial Pizarra Abierta": [JOINED, (WITHDRAWN, "Concluyó su participación al definirse el proyecto de su comité.")],
    "Escuela de Oficios Santa Clara": [JOINED, (WITHDRAWN, "No cuenta con personal para asistir a las sesiones.")],
    "Solar Comunitaria de Oaxaca": [JOINED, (SUSPENDED, "Pausa mientras concluye la instalación de su primera planta.")],
    "Microfinanciera Tianguis": [JOINED, (WITHDRAWN, "Concentra sus recursos en su operación regional.")],
    "Red por el Empleo Incluyente": [
        JOINED,
        (SUSPENDED, "Suspensión temporal por cambio de representante."),
        (ACTIVE, "Nombró nuevo representante y retomó su participación."),
        (WITHDRAWN, "Concentra su participación en su red regional de empleo."),
    ],
    "Farmacias Salud Cercana": [JOINED, (WITHDRAWN, "Los proyectos elegidos no se ajustan a su modelo de negocio.")],
    "Constructora Hábitat del Centro": [JOINED, (WITHDRAWN, "La nueva dirección general decidió no continuar en la alianza.")],
    "Alimentos del Campo Sinaloense": [JOINED, (WITHDRAWN, "El proyecto elegido no incluye su cadena de valor.")],
    "Consejo Empresarial para el Reciclaje": [JOINED, (WITHDRAWN, "Sin presupuesto para aportar a los proyectos.")],
}  # fmt: skip

# Account e-mail → the organization it represents (committee N's chair and secretary sit on N). The seed
# names no chair or secretary: the posts are held by fictitious people of fictitious organizations. The
# representative of the demo's draft represents a fictitious company of Producción y consumo (seated 2018).
DEMO_REPRESENTATIVES = {
    "representante@axs.example": "Textiles Circulares de Puebla",
    "presidencia.ods4@axs.example": "Fundación Aprender Juntos",
    "secretaria.ods4@axs.example": "Colegios Técnicos del Norte",
    "presidencia.ods7@axs.example": "Biogás del Golfo",
    "secretaria.ods7@axs.example": "Cámara de Energía del Sureste",
    "presidencia.ods10@axs.example": "Artesanas Mixtecas",
    "secretaria.ods10@axs.example": "Fundación Aprender Juntos",
    "presidencia.ods11@axs.example": "Movilidad Urbana Integral",
    "secretaria.ods11@axs.example": "Desarrolladores de Vivienda de Occidente",
    "presidencia.ods12@axs.example": "Empaques Verdes de Jalisco",
    "secretaria.ods12@axs.example": "Biogás del Golfo",
}

# One contact for each fictitious organization without a demo account above (fictitious people, about as many
# women as men); they sign in with their e-mail (``contact_email``) and the demo password. The organizations
# the seed names have no contact: the seed names none of their people, and an invented person must not act
# (attend, answer, record) for a real organization. Their attendance at the installations is the sessions'
# reported figure; the platform records a person's attendance, so theirs is not on any list.
DEMO_CONTACTS = [
    ("Colegios Técnicos del Norte", "Alfredo Treviño Cantú", "Director de Vinculación"),
    ("Fundación Aprender Juntos", "Marisol Jiménez Ruelas", "Directora Ejecutiva"),
    ("Editorial Pizarra Abierta", "Ramón Huerta Sánchez", "Director Editorial"),
    ("Escuela de Oficios Santa Clara", "Guadalupe Ledesma Aguirre", "Directora"),
    ("Solar Comunitaria de Oaxaca", "Eduardo Santiago Velasco", "Coordinador General"),
    ("Biogás del Golfo", "Ximena Rendón Cházaro", "Gerente de Proyectos"),
    ("Cámara de Energía del Sureste", "Jesús Chan Euán", "Secretario Técnico"),
    ("Microfinanciera Tianguis", "Rosa María Gómez Vela", "Gerente de Inclusión Financiera"),
    ("Red por el Empleo Incluyente", "Alberto Rangel Nieto", "Coordinador de Redes"),
    ("Artesanas Mixtecas", "Juana Martínez Sosa", "Presidenta de la Cooperativa"),
    ("Farmacias Salud Cercana", "Víctor Manuel Aceves Lara", "Gerente de Responsabilidad Social"),
    ("Constructora Hábitat del Centro", "Teresa Olguín Barrera", "Gerente de Innovación"),
    ("Movilidad Urbana Integral", "Pablo Esquivel Romo", "Director de Proyectos"),
    ("Desarrolladores de Vivienda de Occidente", "Leticia Partida Macías", "Secretaria Técnica"),
    ("Empaques Verdes de Jalisco", "Joaquín Covarrubias Lomelí", "Director de Operaciones"),
    ("Alimentos del Campo Sinaloense", "Miriam Félix Inzunza", "Gerente de Sustentabilidad"),
    ("Consejo Empresarial para el Reciclaje", "Samuel Elizondo Tamez", "Director Ejecutivo"),
    ("Textiles Circulares de Puebla", "Andrea Carrasco Méndez", "Directora de Diseño"),
]


def contact_email(short_name, full_name):
    """Return a demo contact's address: first name and first surname at the organization's own subdomain."""
    names = full_name.split()
    # Two given names are kept as one ("Julio César Ávila Mora" → julio.avila); surnames are the last two words.
    local = f"{slugify(names[0])}.{slugify(names[-2])}".replace("-", "")
    return f"{local}@{slugify(short_name.removesuffix(' (ficticia)'))}.axs.example"


# short name → (decision or "" for in progress, risk, conditions, days the review stays valid; negative: expired)
# Only fictitious organizations: the seed tells of no review of a real one.
DEMO_REVIEWS = {
    "Colegios Técnicos del Norte": (Decision.APPROVED, RiskRating.LOW, "", 540),
    "Empaques Verdes de Jalisco": (Decision.APPROVED, RiskRating.LOW, "", 400),
    "Movilidad Urbana Integral": (Decision.APPROVED, RiskRating.LOW, "", 300),
    "Biogás del Golfo": (
        Decision.APPROVED_WITH_CONDITIONS,
        RiskRating.MEDIUM,
        "Presentar el resultado de la auditoría ambiental de su planta en curso antes de firmar el convenio.",
        365,
    ),
    "Farmacias Salud Cercana": (Decision.APPROVED, RiskRating.LOW, "", -30),
    "Minera Ejemplo del Pacífico": (Decision.REJECTED, RiskRating.HIGH, "", 365),
    "Artesanas Mixtecas": ("", "", "", 0),
    "Microfinanciera Tianguis": ("", "", "", 0),
}


def seed_dates(short_name, seats):
    """Return the first day the seed names a real organization and the first day it has no data on it.

    A seated organization is named at its committees' installation (the first one) and the seed says nothing
    of it after the last; the others from ``SEED_FIRST_NAMED_ON`` to the end of the period.
    """
    if seats:
        days = [DEMO_COMMITTEE_INSTALLED_ON[goal] for goal in seats]
        return min(days), max(days) + timedelta(days=1)
    return SEED_FIRST_NAMED_ON[short_name], AFTER_THE_PERIOD


def _real_organizations():
    """Yield each real organization of the demo with its short name and committee seats."""
    rows = {legal: (short, seats) for short, legal, _t, _s, _sec, _st, seats, *_rest in DEMO_ORGANIZATIONS}
    for organization in Organization.objects.filter(legal_name__in=rows, is_fictitious=False).order_by("legal_name"):
        yield organization, *rows[organization.legal_name]


def date_real_organizations():
    """Date the real organizations' registration, invitation and joining on the first day the seed names them.

    The services date them on the day they run, the demo's load day, which the seed does not say. The rows are
    the demo's own, so they are corrected in place, here for a new demo and for one loaded before this rule
    alike. Return how many organizations were corrected.
    """
    corrected = 0
    for organization, short, seats in _real_organizations():
        first_named_on, _no_data_from = seed_dates(short, seats)
        steps = ParticipationChange.objects.filter(
            organization=organization,
            from_status__in=["", ParticipationStatus.INVITED],
            to_status__in=[ParticipationStatus.INVITED, ACTIVE],
            effective_on__gt=first_named_on,
        )
        dated = steps.update(effective_on=first_named_on)
        if timezone.localdate(organization.created_at) > first_named_on:
            registered_at = timezone.make_aware(datetime.datetime.combine(first_named_on, datetime.time(9)))
            Organization.objects.filter(pk=organization.pk).update(created_at=registered_at)
            dated += 1
        corrected += bool(dated)
    return corrected


NO_DATA_AFTER_INSTALLATION = (
    "El documento de referencia nombra a la organización en la instalación de su comité y no dice si siguió "
    "participando en la alianza después."
)
NO_DATA_AFTER_THE_PERIOD = (
    "El documento de referencia abarca de mayo de 2016 a marzo de 2018 y no dice si la organización siguió "
    "participando en la alianza después."
)


def mark_real_participation_no_data(actor):
    """Mark "no data" the participation of the real organizations from the day the seed stops telling of them.

    That they still take part today (or left) would be invented. Idempotent: a demo loaded before this rule had
    them active, and a second load upgrades it. Return how many were marked.
    """
    marked = 0
    for organization, short, seats in _real_organizations():
        if organization.participation_status not in (ACTIVE, SUSPENDED) or organization.is_archived:
            continue
        _first_named_on, no_data_from = seed_dates(short, seats)
        services.participation_mark_unknown(
            actor=actor,
            organization=organization,
            since=no_data_from,
            reason=NO_DATA_AFTER_INSTALLATION if seats else NO_DATA_AFTER_THE_PERIOD,
        )
        marked += 1
    return marked


def _demo_rfc(index, short_name):
    letters = "".join(character for character in short_name.upper() if "A" <= character <= "Z")[:3].ljust(3, "X")
    return f"{letters}{(index // 12) % 20 + 90:02d}{index % 12 + 1:02d}{index % 28 + 1:02d}AX{index % 10}"


def _review(actor, organization, decision, risk, conditions, valid_days):
    review = services.review_start(actor=actor, organization=organization)
    concern = Finding.SERIOUS_CONCERN if decision == Decision.REJECTED else Finding.NO_CONCERN
    answers = {
        question: (concern if question == RiskQuestion.ENVIRONMENT else Finding.NO_CONCERN, "")
        for question in RiskQuestion.values
    }
    if not decision:
        answers = {RiskQuestion.SANCTIONS_CORRUPTION: (Finding.NO_CONCERN, "Sin registros en las listas consultadas.")}
    services.checklist_save(actor=actor, review=review, answers=answers, summary="Revisión de demostración.")
    if not decision:
        return
    today = timezone.localdate()
    services.review_decide(
        actor=actor,
        review=review,
        decision=decision,
        risk_rating=risk,
        conditions=conditions,
        expires_on=today + timedelta(days=max(valid_days, 1)),
    )
    if valid_days < 0:
        # The demo needs an expired review; the service only accepts future dates, so age it here.
        expired_on = today + timedelta(days=valid_days)
        DueDiligenceReview.objects.filter(pk=review.pk).update(
            expires_on=expired_on, decided_at=timezone.now() - timedelta(days=365 * 2)
        )
        Organization.objects.filter(pk=organization.pk).update(due_diligence_expires_on=expired_on)


def load(stdout):
    """Create the organizations that do not exist yet, with their history; leave existing ones alone."""
    from sdg.models import Goal

    User = get_user_model()
    actor = User.objects.get(email="staff@amexcid.example")
    goals = {goal.number: goal for goal in Goal.objects.all()}
    by_short_name = {}
    created = 0
    for index, (short, legal, kind, size, sector, state, _seats, priorities, website) in enumerate(DEMO_ORGANIZATIONS):
        organization = Organization.objects.filter(legal_name=legal).first()
        if organization is None:
            foreign = short == "GIZ"
            organization = services.organization_create(
                actor=actor,
                legal_name=legal,
                short_name=short,
                organization_type=kind,
                size=size,
                sector=sector,
                rfc="" if foreign else _demo_rfc(index, short),
                country="DE" if foreign else "MX",
                state=state,
                website=website,
                description="",
                contact_email="",
                contact_phone="",
            )
            for status, reason in DEMO_PARTICIPATION.get(short, [JOINED]):
                services.participation_change(actor=actor, organization=organization, to_status=status, reason=reason)
            if priorities:  # the seed states no organization's priority SDGs or wanted roles: fictitious only
                services.priorities_set(
                    actor=actor,
                    organization=organization,
                    goals=[goals[number] for number in priorities],
                    alliance_roles=["join_consortia", "technical_expertise"] if kind == T.COMPANY else ["disseminate"],
                )
            if short in DEMO_REVIEWS:
                _review(actor, organization, *DEMO_REVIEWS[short])
            created += 1
        by_short_name[short] = organization
    fictitious = [row[1] for row in FICTITIOUS_PARTICIPANTS] + [FICTITIOUS_MINE]
    Organization.objects.filter(legal_name__in=fictitious, is_fictitious=False).update(is_fictitious=True)
    dated = date_real_organizations()
    without_data = mark_real_participation_no_data(actor)
    retired = _retire_invented_links(actor)
    attached = 0
    for email, short in DEMO_REPRESENTATIVES.items():
        user = User.objects.get(email=email)
        if Representative.objects.current().filter(user=user).exists():
            continue
        services.representative_attach(
            actor=actor,
            organization=by_short_name[short],
            user=user,
            is_primary_contact=not Representative.objects.current().filter(organization=by_short_name[short]).exists(),
        )
        attached += 1
    attached += _load_contacts(actor, by_short_name)
    stdout.write(
        f"Organizations: {created} created, {len(DEMO_ORGANIZATIONS) - created} already there; "
        f"{dated} real ones dated from the seed, {without_data} with no data on their participation after it; "
        f"representatives: {attached} attached, {retired} invented people no longer acting for a real organization."
    )


RETIRED_REASON = (
    "Persona inventada por la demostración: la sistematización no nombra a nadie de esta organización, "
    "y nadie inventado actúa por una organización real."
)


def _retire_invented_links(actor):
    """End every link of a person with one of the demo's real organizations, left by a demo loaded before the rule.

    The seed names nobody of the organizations it names, so in the demo nobody represents them. A demo
    database loaded before that rule keeps their invented contacts: each link ends (the history stays), and
    an invented contact's account (the demo's contact address, ``contact_email``) is closed and marked
    fictitious. The demo accounts are attached again to their fictitious organization by ``load``.
    """
    User = get_user_model()
    links = (
        Representative.objects.current()
        .filter(organization__legal_name__in=[row[1] for row in DEMO_ORGANIZATIONS], organization__is_fictitious=False)
        .select_related("organization", "user")
        .order_by("pk")
    )
    retired = 0
    for link in links:
        services.representative_remove(actor=actor, representative=link, reason=RETIRED_REASON)
        user = link.user
        contact_domain = f"@{slugify(link.organization.short_name)}.axs.example"
        if user.email.endswith(contact_domain) and not Representative.objects.current().filter(user=user).exists():
            User.objects.filter(pk=user.pk).update(is_fictitious=True)
            if user.is_active:
                user_update(actor=actor, user=user, is_active=False, reason=RETIRED_REASON)
        retired += 1
    return retired


def _load_contacts(actor, by_short_name):
    """Create the contacts' accounts and make each the primary contact of its organization, once."""
    User = get_user_model()
    emails = {contact_email(short, full_name): (short, full_name, title) for short, full_name, title in DEMO_CONTACTS}
    # Contacts created before ``User.is_fictitious`` existed are marked too.
    User.objects.filter(email__in=emails, is_fictitious=False).update(is_fictitious=True)
    missing = set(emails) - set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    if missing:
        # One hash for all: hashing the shared demo password once per person would double the loading time.
        password = make_password(DEMO_PASSWORD)
        User.objects.bulk_create(
            User(
                email=email,
                password=password,
                full_name=full_name,
                role=User.Role.REPRESENTATIVE,
                job_title=title,
                is_fictitious=True,
            )
            for email, (_short, full_name, title) in emails.items()
            if email in missing
        )
    representing = set(
        Representative.objects.current().filter(user__email__in=emails).values_list("user__email", flat=True)
    )
    attached = 0
    for user in User.objects.filter(email__in=set(emails) - representing).order_by("email"):
        organization = by_short_name[emails[user.email][0]]
        services.representative_attach(
            actor=actor,
            organization=organization,
            user=user,
            is_primary_contact=not Representative.objects.current().filter(organization=organization).exists(),
        )
        attached += 1
    return attached
