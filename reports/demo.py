"""The demo alliance's systematization narrative (the seed's findings, milestones, objectives,
bibliography and acronyms), the cover's logo, and its documents: the fact sheets of the four projects
structured by March 2018, the public fact sheets of the published projects (Spanish and English) and the
report for May 2016 – March 2018, rendered once and kept."""

import datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files import File
from django.db.models import Max

from axs_platform.dates import DatePrecision as P
from documents.models import Document
from documents.services import document_regenerate, document_request, params_key
from projects.documents import PUBLIC_FACT_SHEET
from projects.models import Proposal, ProposalStatus
from projects.services import public_fact_sheets_request

from .demo_sources import ACRONYMS, FOCUS_GROUP, FOCUS_GROUP_EN, SUCCESSES, WORKS
from .demo_sources import OBJECTIVES as ALLIANCE_OBJECTIVES
from .documents import SYSTEMATIZATION
from .models import (
    Acronym,
    AllianceObjective,
    BibliographyEntry,
    CoverImage,
    CoverImageKind,
    Finding,
    FindingKind,
    Milestone,
    NarrativePart,
    NarrativeText,
    ObjectiveContribution,
    RecordedFigure,
    Stage,
)
from .services import cover_image_upload, narrative_text_save

D = datetime.date
PERIOD = {"start": "2016-05-01", "end": "2018-03-31"}

CHALLENGES = [
    ("Diversificar la representación del sector privado incorporando PyMES.",
     "Diversify the private sector's representation by bringing in SMEs."),
    ("Incrementar el uso de metodologías participativas durante el proceso de estructuración de proyectos.",
     "Use participatory methods more while projects are structured."),
    ("Activar otros mecanismos de vinculación con el sector privado más allá de los proyectos.",
     "Activate other ways of working with the private sector beyond projects."),
    ("Evaluar el impacto de los proyectos y de la AxS.", "Evaluate the impact of the projects and of the AxS."),
    ("Profundizar la apropiación de la AxS dentro de la AMEXCID.", "Deepen AMEXCID's ownership of the AxS."),
    ("Garantizar los recursos para la implementación de los proyectos.",
     "Secure the resources to implement the projects."),
]  # fmt: skip
# The seed's note 37, called in the recommendation's title: its text is the finding's body.
DUE_DILIGENCE = "Aplicar el proceso de due diligence[^dd] diseñado por la AMEXCID."
DUE_DILIGENCE_EN = "Apply the due-diligence[^dd] process designed by AMEXCID."
DUE_DILIGENCE_NOTE = (
    "[^dd]: El due diligence tiene como objetivo orientar la selección de aliados estratégicos del sector privado en "
    "las actividades de cooperación internacional para el desarrollo que lleva a cabo la AMEXCID, mediante la "
    "identificación, prevención y valoración de riesgos que representa para la Agencia colaborar con una organización "
    "empresarial determinada. Lo anterior, permitirá verificar que las operaciones de la organización empresarial en "
    "cuestión estén alineadas a la misión y visión de la AMEXCID."
)
DUE_DILIGENCE_NOTE_EN = (
    "[^dd]: Due diligence aims to guide the choice of strategic allies from the private sector in the international "
    "development cooperation activities that AMEXCID carries out, by identifying, preventing and assessing the risks "
    "that working with a given business organization poses to the Agency. This makes it possible to check that the "
    "operations of that business organization are aligned with AMEXCID's mission and vision."
)
RECOMMENDATIONS = [
    ("Posicionar a la AMEXCID y a la AxS como un socio de colaboración público-privada.",
     "Position AMEXCID and the AxS as a public-private collaboration partner."),
    ("Establecer acuerdos y criterios base para la colaboración público-privada.",
     "Set base agreements and criteria for public-private collaboration."),
    ("Aprovechar las capacidades existentes en la AMEXCID.", "Make use of AMEXCID's existing capacities."),
    ("Integrar herramientas digitales para fortalecer la comunicación y la transparencia.",
     "Bring in digital tools to strengthen communication and transparency."),
    ("Fortalecer el componente de cooperación internacional en los proyectos.",
     "Strengthen the international-cooperation component of the projects."),
    (DUE_DILIGENCE, DUE_DILIGENCE_EN, DUE_DILIGENCE_NOTE, DUE_DILIGENCE_NOTE_EN),
    ("Establecer fases de diseño de proyectos más cortas.", "Set shorter project design phases."),
    ("Otras tareas para la AMEXCID en el corto plazo: gestora del conocimiento, promotora de los proyectos, "
     "protectora del interés público y de los objetivos de desarrollo sostenible.",
     "Other short-term tasks for AMEXCID: knowledge manager, promoter of the projects, protector of the public "
     "interest and of the sustainable development goals."),
]  # fmt: skip
# The seed's written parts, quoted (reports/demo_texts/<part>.<language>.md; an English file where one is kept).
TEXTS = Path(__file__).resolve().parent / "demo_texts"


def _text(path):
    return path.read_text(encoding="utf-8").strip()


# The texts the demo wrote before, by the text that replaces each: a demo row or written part that still holds them
# gets the new texts when the demo loads again. The findings lacked the seed's notes 35 and 37; chapters 1 and 2
# (demo_texts/former/) listed the milestones and the stages that their figures draw, instead of referring to them;
# the priorities stage did not cite its figure (the seed's Figura 3).
FORMER_TEXTS = {
    **{_text(TEXTS / path.name): _text(path) for path in sorted((TEXTS / "former").glob("*.md"))},
    SUCCESSES[1][2]: SUCCESSES[1][2].replace(":[^focus]", f": {FOCUS_GROUP}").split("\n\n[^focus]:")[0],
    SUCCESSES[1][3]: SUCCESSES[1][3].replace(":[^focus]", f": {FOCUS_GROUP_EN}").split("\n\n[^focus]:")[0],
    DUE_DILIGENCE: "Aplicar el proceso de due diligence diseñado por la AMEXCID.",
    DUE_DILIGENCE_EN: "Apply the due-diligence process designed by AMEXCID.",
    DUE_DILIGENCE_NOTE: "",
    DUE_DILIGENCE_NOTE_EN: "",
    **{
        body: body.split("\n\n[^vision]:")[0].replace("[^vision]", "")
        for _title_es, _title_en, *bodies in ALLIANCE_OBJECTIVES
        for body in bodies
        if "[^vision]" in body
    },
}
# (date, how much of it the seed gives, stage, title es/en, text es/en). Where the seed gives the month only ("a
# principios de mayo de 2016", "en mayo de 2017", "desde septiembre de 2017"), the date is the month's first day and
# the report prints the month.
MILESTONES = [
    (D(2016, 5, 1), P.MONTH, Stage.APPROACH, "Invitación a empresas a sumarse a la AxS",
     "Companies invited to join the AxS",
     "Se convocó a generar sinergias para proyectos de desarrollo sostenible más allá de las donaciones.",
     "A call was made to build synergies for sustainable development projects beyond donations."),
    (D(2016, 10, 31), P.DAY, Stage.STRUCTURING, "Sesiones de instalación de los comités de trabajo",
     "Installation sessions of the working committees",
     "Del 31 de octubre al 4 de noviembre de 2016, en la SRE, los comités elaboraron sus planes de trabajo y "
     "definieron presidentes, secretarios, áreas prioritarias, actividades y dinámica de operación.",
     "From 31 October to 4 November 2016, at the SRE, the committees drew up their work plans and chose their chairs, "
     "secretaries, priority areas, activities and way of working."),
    (D(2017, 5, 1), P.MONTH, Stage.STRUCTURING, "Inicia el acompañamiento de la GIZ a los comités",
     "GIZ starts supporting the committees",
     "Diagnóstico de cada comité, alineación de proyectos a los ODS y construcción de indicadores.",
     "A diagnosis of each committee, alignment of the projects with the SDGs and the building of indicators."),
    (D(2017, 6, 7), P.DAY, Stage.STRUCTURING, "Sesión transversal y criterios de la AxS",
     "Cross-committee session and the AxS criteria",
     "Los presidentes presentaron avances y la AMEXCID compartió los siete criterios de los proyectos.",
     "The chairs presented their progress and AMEXCID shared the seven criteria for the projects."),
    (D(2017, 9, 1), P.MONTH, Stage.STRUCTURING, "Inicia la sistematización de la AxS", "The systematization of the AxS starts",
     "Ejercicio de reflexión con los actores principales, de septiembre de 2017 a marzo de 2018.",
     "An exercise of reflection with the main actors, from September 2017 to March 2018."),
]  # fmt: skip
# The seed's Figure 1 (“Sistema Mexicano de Cooperación Internacional para el Desarrollo”): the milestones of the
# cooperation system, 2011-2016, with the seed's dates and texts, each with one of the figure's “Fuentes consultadas”
# (the seed lists the four works for the whole figure; which milestone each one backs is the demo's reading).
# (day, how much of it the seed gives, title es, title en, text es, text en, source key)
SYSTEM_MILESTONES = [
    (D(2011, 4, 6), P.DAY, "Ley de Cooperación Internacional para el Desarrollo",
     "International Development Cooperation Act",
     "La LCID entra en vigor, se formaliza el Sistema de Cooperación Internacional para el Desarrollo de México a "
     "través de la AMEXCID, el PROCID, el RENCID y el FONCID.",
     "The LCID comes into force; Mexico's International Development Cooperation System is formalized through "
     "AMEXCID, PROCID, RENCID and FONCID.", "sistema"),
    (D(2011, 9, 28), P.DAY, "Agencia Mexicana de Cooperación Internacional para el Desarrollo",
     "Mexican Agency for International Development Cooperation",
     "Creación de la AMEXCID, pilar institucional/administrativo facultado para coordinar, programar, promover, "
     "ejecutar y evaluar las acciones y programas de cooperación internacional de México, sea como país oferente o "
     "como receptor de cooperación.",
     "AMEXCID is created: the institutional and administrative pillar empowered to coordinate, programme, promote, "
     "carry out and evaluate Mexico's international cooperation actions and programmes, whether as a provider or as "
     "a recipient of cooperation.", "sre_2012"),
    (D(2013, 12, 13), P.DAY, "Programa Sectorial de Relaciones Exteriores 2013-2018",
     "Sectoral Programme of Foreign Affairs 2013-2018",
     "El Programa Sectorial tiene como uno de sus objetivos principales, impulsar una política de cooperación "
     "internacional para el desarrollo en beneficio de México y de otros países, siendo una de sus estrategias la "
     "consolidación de la AMEXCID como coordinadora de la cooperación internacional de México.",
     "One of the Sectoral Programme's main objectives is to promote an international development cooperation policy "
     "for the benefit of Mexico and other countries; one of its strategies is to consolidate AMEXCID as the "
     "coordinator of Mexico's international cooperation.", "sre_informe"),
    (D(2014, 1, 1), P.MONTH, "Fondo Nacional de Cooperación Internacional para el Desarrollo",
     "National International Development Cooperation Fund",
     "Inicia operaciones el FONCID, pilar financiero, administrado mediante un fideicomiso.",
     "FONCID, the financial pillar, administered through a trust, starts operating.", "sistema"),
    (D(2014, 1, 1), P.YEAR, "Consejo Técnico Empresarial, Diálogos Globales con el Sector Privado y Marco de "
     "Colaboración con el Sector Privado",
     "Business Technical Council, Global Dialogues with the Private Sector and Framework for Collaboration with the "
     "Private Sector",
     "De 2014 a 2016, dentro de la AMEXCID: esfuerzos representativos de la AMEXCID por vincularse con el sector "
     "privado.",
     "From 2014 to 2016, within AMEXCID: representative efforts of AMEXCID to work with the private sector.",
     "sre_informe"),
    (D(2014, 4, 30), P.DAY, "Programa de Cooperación Internacional para el Desarrollo 2014-2018",
     "International Development Cooperation Programme 2014-2018",
     "Aprobación del PROCID, pilar programático de carácter transversal, que establece las bases para la planeación "
     "y ejecución de las acciones de cooperación.",
     "PROCID is approved: the cross-cutting programmatic pillar that lays the foundations for planning and carrying "
     "out cooperation actions.", "sistema"),
    (D(2014, 6, 23), P.DAY, "Registro Nacional de Cooperación Internacional para el Desarrollo",
     "National Registry of International Development Cooperation",
     "Lanzamiento de la plataforma tecnológica del RENCID, que junto con el Sistema de Información (SICID) forman el "
     "pilar estadístico que facilitará la cuantificación y rendición de cuentas en materia de oferta y recepción de "
     "CID.",
     "The RENCID technology platform is launched; with the Information System (SICID) it forms the statistical "
     "pillar that will make it easier to quantify and account for the IDC Mexico provides and receives.", "rencid"),
    (D(2015, 9, 25), P.DAY, "Objetivos de Desarrollo Sostenible", "Sustainable Development Goals",
     "Lanzamiento de los ODS, objetivos globales para erradicar la pobreza, proteger el planeta y asegurar la "
     "prosperidad para todos como parte de la nueva Agenda 2030 para el Desarrollo Sostenible.",
     "The SDGs are launched: global goals to eradicate poverty, protect the planet and ensure prosperity for all as "
     "part of the new 2030 Agenda for Sustainable Development.", "sre_informe"),
    (D(2016, 5, 19), P.DAY, "Alianza por la Sostenibilidad", "Alliance for Sustainability", "", "", "sre_informe"),
]  # fmt: skip
OBJECTIVES = [
    ("1.1.2", "Fomentar y fortalecer la inclusión y vinculación con otros actores de la cooperación mexicana",
     "Foster and strengthen the inclusion of, and links with, other actors of Mexican cooperation",
     "La AxS es una plataforma que fomenta y fortalece la inclusión y vinculación con otros actores de la "
     "cooperación mexicana, posicionando a la AMEXCID como una entidad coordinadora de la CID ante el sector privado.",
     "The AxS is a platform that fosters and strengthens the inclusion of, and links with, other actors of Mexican "
     "cooperation, positioning AMEXCID as an entity that coordinates IDC before the private sector."),
    ("1.2.4", "Promover un esquema de Alianzas Público-Privadas para el desarrollo, en el marco del FONCID",
     "Promote a scheme of public-private partnerships for development, within the framework of FONCID",
     "A partir del trabajo con los cinco comités, la AxS se ha convertido en una plataforma para incrementar los "
     "esquemas de colaboración público-privadas en la implementación de proyectos de desarrollo.",
     "Building on the work with the five committees, the AxS has become a platform for increasing public-private "
     "collaboration schemes in the implementation of development projects."),
    ("1.2.7", "Simplificar los procesos en la AMEXCID, sistematizando las fases que sean factibles",
     "Simplify AMEXCID's processes, systematizing the phases where feasible",
     "La presente sistematización del proceso de creación y gestión de la AxS, así como la estructuración de "
     "proyectos documentada en un manual contribuyen a simplificar los procesos en la AMEXCID.",
     "This systematization of the process of creating and managing the AxS, and the structuring of projects "
     "documented in a manual, help simplify AMEXCID's processes."),
    ("2.1.3", "Impulsar proyectos de cooperación en sus distintas modalidades, que contribuyan a la prosperidad de "
     "México y de los países socios",
     "Promote cooperation projects in their various forms that contribute to the prosperity of Mexico and of the "
     "partner countries",
     "La AxS, por medio de las mesas de trabajo con los comités, impulsa proyectos de colaboración con el sector "
     "privado que tienen potencial para ser replicados en México y otros países prioritarios de la cooperación "
     "mexicana.",
     "Through the working tables with the committees, the AxS promotes collaboration projects with the private "
     "sector that have the potential to be replicated in Mexico and in other priority countries of Mexican "
     "cooperation."),
    ("3", "Mantener relaciones estratégicas con oferentes de cooperación para atraer recursos y capacidades en "
     "beneficio nacional alineándose con las prioridades nacionales",
     "Maintain strategic relationships with cooperation providers to attract resources and capacities for the "
     "nation's benefit, in line with national priorities",
     "La AxS ha sido una plataforma que favorece el aprendizaje y la adopción de distintas experiencias y "
     "herramientas del sector privado en una diversidad de temas. Algunos de ellos están alineados a los sectores "
     "prioritarios para el desarrollo nacional, como medio ambiente o educación, que pueden incidir en el "
     "crecimiento de la productividad. Esto contribuye a crear las bases para un desarrollo sostenible. "
     "Paralelamente, la AxS se encuentra en un proceso de búsqueda de otros actores internacionales que apoyen y "
     "fortalezcan la implementación de los proyectos resultantes.",
     "The AxS has been a platform that favours learning from, and adopting, the private sector's varied experiences "
     "and tools on a range of subjects. Some of them are aligned with the sectors that are priorities for national "
     "development, such as the environment or education, which can bear on the growth of productivity. This helps "
     "lay the foundations for sustainable development. At the same time, the AxS is looking for other international "
     "actors to support and strengthen the implementation of the resulting projects."),
    ("4.1.1", "Promover la cooperación económica del sector privado en los sectores prioritarios de nuestro país con "
     "países y regiones prioritarias",
     "Promote the private sector's economic cooperation in our country's priority sectors with priority countries "
     "and regions",
     "La AxS ha buscado promover la cooperación del sector privado en diversos temas que pueden incidir en el "
     "desarrollo económico del país. Aunque en un principio los proyectos impulsados han estado enmarcados en el "
     "ámbito nacional, hay una tendencia a convertirlos en referencia para futuras acciones de escalamiento y "
     "replicabilidad en otras latitudes prioritarias para México.",
     "The AxS has sought to promote the private sector's cooperation on various subjects that can bear on the "
     "country's economic development. Although the projects it has promoted were at first set at the national "
     "level, there is a tendency to make them a reference for future scaling-up and replication in other regions "
     "that are priorities for Mexico."),
    ("4.1.7", "Impulsar un enfoque incluyente de los actores locales, no gubernamentales, académicos y privados en "
     "la promoción de México en el exterior",
     "Promote an inclusive approach of local, non-governmental, academic and private actors in promoting Mexico "
     "abroad",
     "Desde su lanzamiento, la AxS ha impulsado un enfoque incluyente del sector privado, lo que ha construido y "
     "fortalecido una relación público-privada para la creación de acciones conjuntas en favor del desarrollo "
     "sostenible. Por esta experiencia, la AxS ha sido utilizada como un referente de este tipo de cooperación para el "
     "desarrollo en diversos foros internacionales en los que México participa, contribuyendo a la promoción del país "
     "en el exterior.",
     "Since its launch, the AxS has promoted an inclusive approach to the private sector, which has built and "
     "strengthened a public-private relationship for creating joint actions for sustainable development. Because of "
     "this experience, the AxS has been used as a reference for this kind of development cooperation in various "
     "international forums in which Mexico takes part, contributing to promoting the country abroad."),
]  # fmt: skip
# (label es, label en, value or None for "sin dato", qualifier, percentage, as of, how much of that date the seed
# gives, source, page or section). The dates match the sessions and the survey the figures are about
# (reports.selectors._stated); the meetings and the survey are dated to the month, as the seed dates them.
RECORDED_FIGURES = [
    ("Organizaciones en el evento de lanzamiento", "Organizations at the launch event", 81, "exact", False,
     D(2016, 5, 19), P.DAY, "seed", "Etapa 1: Acercamiento y diálogo"),
    ("Organizaciones en la segunda reunión", "Organizations at the second meeting", 90, "at_least", False,
     D(2016, 7, 6), P.MONTH, "release_2", ""),
    ("Organizaciones en la tercera reunión", "Organizations at the third meeting", None, "exact", False,
     D(2016, 8, 23), P.MONTH, "release_3", ""),
    ("Organizaciones a las que se envió la encuesta", "Organizations the survey was sent to", 90, "about", False,
     D(2016, 8, 31), P.MONTH, "seed", "Etapa 2: Identificación de prioridades"),
    ("Organizaciones que respondieron la encuesta", "Organizations that answered the survey", 61, "exact", True,
     D(2016, 8, 31), P.MONTH, "seed", "Etapa 2: Identificación de prioridades"),
    ("Empresas, fundaciones y organismos en la instalación de los comités",
     "Companies, foundations and business bodies at the installation of the committees", 60, "at_least", False,
     D(2016, 11, 4), P.DAY, "release_committees", ""),
    ("Empresas que participaban activamente en los comités", "Companies taking an active part in the committees",
     50, "about", False, D(2018, 3, 31), P.MONTH, "seed", "Etapa 3: Estructuración de proyectos"),
    ("Proyectos completamente estructurados", "Projects fully structured", 4, "exact", False, D(2018, 3, 31),
     P.MONTH, "seed", "Etapa 3: Estructuración de proyectos"),
]  # fmt: skip


def _put(model, match, *, position, body_en="", **fields):
    """Write one demo row once; on a row already there, set its place and its English text where it has none.

    A row that still holds the texts the demo wrote before (``FORMER_TEXTS``) gets the new ones, notes included.
    """
    former = {name: FORMER_TEXTS.get(value, value) for name, value in match.items()}
    row = model.objects.filter(**match).first() or (former != match and model.objects.filter(**former).first())
    if not row:
        model.objects.create(**match, position=position, body_en=body_en, **fields)
        return 1
    renewed = {name: value for name, value in {**match, **fields, "body_en": body_en}.items() if value in FORMER_TEXTS}
    if not all(getattr(row, name) in (value, FORMER_TEXTS[value]) for name, value in renewed.items()):
        renewed = {}  # staff have changed the row: it keeps their texts
    for name, value in renewed.items():
        setattr(row, name, value)
    row.position = position
    row.body_en = row.body_en or body_en
    row.save(update_fields=["position", "body_en", *renewed])
    return 0


def _narrative():
    """Write the seed's findings, milestones, contributions and acronyms; return how many rows were added.

    Each row is found again by what names it, so a second load adds nothing and an older demo gets the rows and the
    English texts it lacks.
    """
    added = 0
    for position, (title_es, title_en, body_es, body_en) in enumerate(SUCCESSES, 1):
        added += _put(Finding, {"kind": FindingKind.SUCCESS, "title_es": title_es}, position=position,
                      title_en=title_en, body_es=body_es, body_en=body_en)  # fmt: skip
    for kind, rows in ((FindingKind.CHALLENGE, CHALLENGES), (FindingKind.RECOMMENDATION, RECOMMENDATIONS)):
        for position, (title_es, title_en, *body) in enumerate(rows, 1):
            body_es, body_en = body or ("", "")
            added += _put(Finding, {"kind": kind, "title_es": title_es}, position=position, title_en=title_en,
                          body_es=body_es, body_en=body_en)  # fmt: skip
    for position, (day, precision, stage, title_es, title_en, body_es, body_en) in enumerate(MILESTONES, 1):
        added += _put(Milestone, {"title_es": title_es}, position=position, happened_on=day, date_precision=precision,
                      stage=stage, title_en=title_en, body_es=body_es, body_en=body_en)  # fmt: skip
    for position, (reference, title_es, title_en, body_es, body_en) in enumerate(OBJECTIVES, 1):
        added += _put(ObjectiveContribution, {"reference": reference}, position=position, title_es=title_es,
                      title_en=title_en, body_es=body_es, body_en=body_en)  # fmt: skip
    for acronym, meaning_es, meaning_en in ACRONYMS:
        _, created = Acronym.objects.get_or_create(
            acronym=acronym, defaults={"meaning_es": meaning_es, "meaning_en": meaning_en}
        )
        added += created
    return added


def _system_milestones(sources):
    """Write the milestones of the seed's Figure 1 once (found again by title and stage); return how many were added."""
    added = 0
    for position, (day, precision, title_es, title_en, body_es, body_en, key) in enumerate(SYSTEM_MILESTONES, 1):
        added += _put(Milestone, {"stage": Stage.SYSTEM, "title_es": title_es}, position=position, happened_on=day,
                      date_precision=precision, title_en=title_en, body_es=body_es, body_en=body_en,
                      source=sources[key])  # fmt: skip
    return added


def _works():
    """Write the seed's bibliography in fields, once (found again by title); return the entries by key."""
    entries = {}
    for key, kind, authors, year, letter, title, day, place, publisher, url, accessed in WORKS:
        entries[key] = BibliographyEntry.objects.filter(title=title).first() or BibliographyEntry.objects.create(
            kind=kind, authors=authors, year=year, year_suffix=letter, title=title, issued_on=day, place=place,
            publisher=publisher, url=url, accessed_on=accessed,
        )  # fmt: skip
    return entries


def _alliance_objectives(sources):
    """Write the alliance's objectives once; an older demo's objective gets the note the seed gives it."""
    if not AllianceObjective.objects.exists():
        for position, (title_es, title_en, body_es, body_en) in enumerate(ALLIANCE_OBJECTIVES, 1):
            AllianceObjective.objects.create(position=position, title_es=title_es, title_en=title_en, body_es=body_es,
                                             body_en=body_en, source=sources["onepager"])  # fmt: skip
        return
    for title_es, _title_en, body_es, body_en in ALLIANCE_OBJECTIVES:
        for name, body in (("body_es", body_es), ("body_en", body_en)):
            if body in FORMER_TEXTS:
                rows = AllianceObjective.objects.filter(title_es=title_es, **{name: FORMER_TEXTS[body]})
                rows.update(**{name: body})


def _recorded_figures(sources):
    """Write the seed's figures with their sources, once."""
    if RecordedFigure.objects.exists():
        return 0
    for position, (label_es, label_en, value, qualifier, percentage, as_of, precision, key, locator) in enumerate(
        RECORDED_FIGURES, 1
    ):
        RecordedFigure.objects.create(
            position=position,
            label_es=label_es,
            label_en=label_en,
            value=value,
            qualifier=qualifier,
            is_percentage=percentage,
            as_of=as_of,
            date_precision=precision,
            source=sources[key],
            locator=locator,
        )
    return len(RECORDED_FIGURES)


def _seed_texts(staff):
    """Write each written part the seed has, once.

    A demo text still without its English, or still in a wording the demo wrote before (``FORMER_TEXTS``), gets the
    current one as a new version; a text staff have changed is left alone.
    """
    written = 0
    for part in NarrativePart.values:
        spanish = TEXTS / f"{part}.es.md"
        if not spanish.exists():
            continue
        english = TEXTS / f"{part}.en.md"
        body_es = _text(spanish)
        body_en = _text(english) if english.exists() else ""
        latest = NarrativeText.objects.filter(part=part).order_by("-version").first()
        if latest is not None:
            spanish_by_demo = latest.body_es in (body_es, FORMER_TEXTS.get(body_es))
            english_by_demo = latest.body_en in ("", body_en, FORMER_TEXTS.get(body_en))
            if not (spanish_by_demo and english_by_demo) or (latest.body_es, latest.body_en) == (body_es, body_en):
                continue  # staff's text (or the demo's, current) is left alone
        narrative_text_save(actor=staff, part=part, body_es=body_es, body_en=body_en)
        written += 1
    return written


# The platform's own mark as a cover-size wordmark (reports/demo_images/axs-wordmark.svg, drawn from
# static/img/favicon.svg), rendered once to PNG: python-docx cannot embed SVG, and the cover takes PNG or JPEG.
# No real organization's logo: AMEXCID's emblem is not the demo's to draw; staff upload it at /informes/portada/.
COVER_MARK = Path(__file__).resolve().parent / "demo_images" / "axs-wordmark.png"
COVER_MARK_ALT = (
    "Logotipo de la Alianza por la Sostenibilidad (AxS)",
    "Logo of the Alianza por la Sostenibilidad (Alliance for Sustainability, AxS)",
)


def _cover_mark(staff):
    """Put the platform's mark on the cover through the upload service, once: a cover staff changed is left alone."""
    if CoverImage.objects.exists():
        return False
    with COVER_MARK.open("rb") as stream:
        cover_image_upload(
            actor=staff, file=File(stream, name=COVER_MARK.name), alt_es=COVER_MARK_ALT[0], alt_en=COVER_MARK_ALT[1],
            kind=CoverImageKind.LOGO, position=1,
        )  # fmt: skip
    return True


def _rerender_before_cover(staff):
    """Queue again, once, each language's report edition rendered before the cover's current images.

    A demo loaded before the cover had a logo rendered its report without one: the document is asked for again
    through ``document_regenerate`` (the earlier one is kept). Once the new one is queued or rendered, it is the
    latest, and a second load finds nothing to do.
    """
    cover_since = CoverImage.objects.current().aggregate(latest=Max("uploaded_at"))["latest"]
    if cover_since is None:
        return 0
    editions = Document.objects.filter(kind=SYSTEMATIZATION, target_id="", params_key=params_key(PERIOD))
    queued = 0
    for language in sorted(set(editions.values_list("language", flat=True))):
        latest = editions.filter(language=language).order_by("-requested_at", "-pk").first()
        if latest.status == Document.Status.READY and latest.started_at and latest.started_at < cover_since:
            document_regenerate(actor=staff, document=latest)
            queued += 1
    return queued


def demo_documents():
    """Return ``[(kind, target, params)]`` of the documents the demo leaves ready."""
    structured = Proposal.objects.filter(
        transitions__to_status=ProposalStatus.STRUCTURED, transitions__created_at__date__lte=D(2018, 3, 31)
    ).order_by("title")
    return [("projects.fact_sheet", proposal, {}) for proposal in structured] + [(SYSTEMATIZATION, None, PERIOD)]


def load(stdout):
    """Write the narrative and ask once for each demo document; a document already asked for is left alone."""
    staff = get_user_model().objects.get(email="staff@amexcid.example")
    wrote = _narrative()
    sources = _works()
    wrote += _system_milestones(sources)
    _alliance_objectives(sources)
    _recorded_figures(sources)
    _seed_texts(staff)
    marked = _cover_mark(staff)
    asked = 0
    for kind, target, params in demo_documents():
        target_id = str(target.pk) if target is not None else ""
        if Document.objects.filter(kind=kind, target_id=target_id, params_key=params_key(params)).exists():
            continue
        # Queued now, rendered once the demo's transaction commits: inline without a broker.
        document_request(actor=staff, kind=kind, language="es-mx", target=target, params=params)
        asked += 1
    # The public fact sheets, in every language, that the project pages and the IATI file link.
    made = set(Document.objects.filter(kind=PUBLIC_FACT_SHEET).values_list("target_id", flat=True))
    for project in Proposal.objects.published().order_by("pk"):
        if str(project.pk) not in made:
            asked += len(public_fact_sheets_request(actor=staff, proposal=project))
    rerendered = _rerender_before_cover(staff)
    stdout.write(
        f"Reports: {wrote} narrative rows added; "
        f"cover logo {'added' if marked else 'already there'}; {asked} documents asked for; "
        f"{rerendered} report editions rendered before the cover's logo asked for again."
    )
