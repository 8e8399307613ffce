"""The demo alliance's surveys: the August 2016 priorities survey, a committee's selection survey, an open one.

The 2016 survey went to about 90 organizations and 55 answered (61 %): the survey records those totals
(``recorded_*``), as the seed gives them. The seed says nothing of who was sent it or how any one
organization answered, so the invitations and answers held one by one are those of the fictitious
participants of ``companies.demo`` (all seated on a committee at its installation answered); their
SDG ranking is each one's priority SDGs, which puts goals 4, 7, 10, 11 and 12 on top. Likewise the
2017 selection survey holds the invitations and choices of the committee's fictitious members only.
Past surveys are written directly, as the services rightly refuse to open a survey in the past.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from axs_platform import demo_dates
from axs_platform.dates import DatePrecision
from committees.models import Committee, Membership, Post
from companies.demo import DEMO_REPRESENTATIVES
from companies.models import AllianceRole, Organization, OrganizationType

from .models import (
    Answer,
    Audience,
    Option,
    Question,
    QuestionKind,
    Response,
    ResponseStatus,
    ResponseUnit,
    Section,
    Survey,
    SurveyInvitation,
    SurveyPurpose,
)
from .services import counting

PRIORITIES_TITLE = "Encuesta de prioridades de la Alianza por la Sostenibilidad 2016"
SELECTION_TITLE = "Selección de proyectos del comité de Inclusión social"
DRAFTER = "representante@axs.example"
NOT_SURVEYED = ("Minera Ejemplo del Pacífico",)
INSTALLATIONS_ENDED = datetime.date(2016, 11, 4)
# The five proposals of the committee's 2017 call (projects.demo), in the order of their submission.
CANDIDATES = [
    ("Empleo incluyente para personas con discapacidad", "Inclusive employment for people with disabilities"),
    ("Educación financiera para mujeres emprendedoras", "Financial education for women entrepreneurs"),
    ("Cocinas comunitarias con jóvenes en riesgo", "Community kitchens with young people at risk"),
    ("Microseguros para familias rurales", "Micro-insurance for rural families"),
    ("Salud preventiva en comunidades indígenas", "Preventive health in indigenous communities"),
]
# Choices of the four fictitious members of 2 May 2017, in the order of their names: candidates 1 and 3 were chosen.
SELECTION_VOTES = [(0, 2), (0, 2), (0, 1), (2, 3)]
ACTIVITIES = [
    ("Comités de trabajo", "Working committees"),
    ("Proyectos en consorcio", "Consortium projects"),
    ("Sesiones plenarias", "Plenary meetings"),
    ("Capacitación e intercambio de experiencias", "Training and exchange of experience"),
]


def aware(*args):
    return timezone.make_aware(datetime.datetime(*args))


def _survey(actor, **fields):
    return Survey.objects.create(created_by=actor, published_at=fields["opens_at"], **fields)


def _question(survey, section, position, kind, text_es, text_en, options=(), **fields):
    question = Question.objects.create(
        survey=survey, section=section, position=position, kind=kind, text_es=text_es, text_en=text_en, **fields
    )
    Option.objects.bulk_create(
        Option(question=question, position=i, text_es=es, text_en=en, external_key=key)
        for i, (es, en, key) in enumerate(((*o, "")[:3] for o in options), 1)
    )
    return question


def _respond(survey, invitation, when, answers):
    response = Response.objects.create(
        survey=survey,
        invitation=invitation,
        organization=invitation.organization,
        status=ResponseStatus.SUBMITTED,
        started_at=when,
        updated_at=when,
        submitted_at=when,
    )
    for answer in answers:
        answer.response = response
    Answer.objects.bulk_create(answers)
    counting.response_counted(survey, answers)
    invitation.responded_at = when
    invitation.save(update_fields=["responded_at"])


def _priorities_survey(actor, organizations, respondent_ids):
    survey = _survey(
        actor,
        title_es=PRIORITIES_TITLE,
        title_en="Priorities survey of the Alliance for Sustainability 2016",
        description_es="Encuesta diseñada con PwC para identificar las acciones de sostenibilidad de las "
        "organizaciones, su vínculo con los ODS, sus ODS prioritarios y el papel que desean en la alianza.",
        description_en="Survey designed with PwC to identify the organizations' sustainability actions, their link "
        "to the SDGs, their priority SDGs and the role they want in the alliance.",
        purpose=SurveyPurpose.PRIORITIES,
        audience=Audience.CHOSEN,
        response_unit=ResponseUnit.ORGANIZATION,
        # The seed: "En agosto de 2016 se lanzó una encuesta electrónica"; the days are the demo's.
        opens_at=aware(2016, 8, 1, 9),
        closes_at=aware(2016, 8, 31, 23, 59),
        date_precision=DatePrecision.MONTH,
        recorded_invited_count=90,
        recorded_response_count=55,
    )
    survey.chosen_organizations.set(organizations)
    actions = Section.objects.create(
        survey=survey, position=1, title_es="Acciones de sostenibilidad", title_en="Sustainability actions"
    )
    participation = Section.objects.create(
        survey=survey, position=2, title_es="Participación en la alianza", title_en="Taking part in the alliance"
    )
    has_actions = _question(
        survey, actions, 1, QuestionKind.YES_NO, "¿Su organización tiene acciones de sostenibilidad?",
        "Does your organization have sustainability actions?", required=True,
    )  # fmt: skip
    describe = _question(
        survey, actions, 2, QuestionKind.LONG_TEXT, "Describa sus acciones y su vínculo con los ODS",
        "Describe your actions and their link to the SDGs", condition_question=has_actions, condition_value="sí",
    )  # fmt: skip
    ranking = _question(
        survey, actions, 3, QuestionKind.SDG_GOALS, "Ordene hasta tres ODS prioritarios para su organización",
        "Rank up to three priority SDGs for your organization", required=True, max_choices=3,
        help_es="El primer lugar es el más importante.", help_en="The first place is the most important.",
    )  # fmt: skip
    roles = _question(
        survey, participation, 1, QuestionKind.MULTIPLE_CHOICE, "¿Qué papel desea tener en la alianza?",
        "What role do you want in the alliance?",
        options=[(str(label), "", code) for code, label in AllianceRole.choices],
    )  # fmt: skip
    activities = _question(
        survey, participation, 2, QuestionKind.MULTIPLE_CHOICE, "¿En qué actividades desea participar?",
        "Which activities do you want to take part in?", options=ACTIVITIES,
    )  # fmt: skip
    role_options = {option.external_key: option for option in roles.options.all()}
    activity_options = list(activities.options.all())
    for index, organization in enumerate(organizations):
        invitation = SurveyInvitation.objects.create(
            survey=survey, organization=organization, sent_at=aware(2016, 8, 1, 9), send_count=1 + index % 2
        )
        if organization.pk not in respondent_ids:
            continue
        goals = [p.goal for p in organization.sdg_priorities.all()]
        numbers = ", ".join(str(goal.number) for goal in goals)
        picked = [activity_options[0]] + (
            [activity_options[1]]
            if organization.organization_type == OrganizationType.COMPANY
            else [activity_options[2]]
        )
        answers = [
            Answer(question=has_actions, boolean=True),
            Answer(
                question=describe, text=f"Programas de {organization.display_name} vinculados con los ODS {numbers}."
            ),
            *[Answer(question=ranking, goal=goal, rank=rank) for rank, goal in enumerate(goals, 1)],
            *[Answer(question=roles, option=role_options[code]) for code in organization.alliance_roles],
            *[Answer(question=activities, option=option) for option in picked],
        ]
        _respond(survey, invitation, aware(2016, 8, 2 + index % 28, 11), answers)
    return survey


def _selection_survey(actor):
    committee = Committee.objects.filter(goal__number=10).first()
    if committee is None:
        return None
    survey = _survey(
        actor,
        title_es=SELECTION_TITLE,
        title_en="Project selection of the Social inclusion committee",
        description_es="Los integrantes del comité eligen hasta dos de los cinco proyectos candidatos.",
        description_en="The committee's members choose up to two of the five candidate projects.",
        purpose=SurveyPurpose.SELECTION,
        committee=committee,
        audience=Audience.COMMITTEE,
        response_unit=ResponseUnit.ORGANIZATION,
        opens_at=aware(2017, 5, 2, 9),
        closes_at=aware(2017, 5, 16, 18),
    )
    section = Section.objects.create(survey=survey, position=1, title_es="Proyectos candidatos", title_en="Candidates")
    choice = _question(
        survey, section, 1, QuestionKind.MULTIPLE_CHOICE, "Elija hasta dos proyectos para que el comité los impulse",
        "Choose up to two projects for the committee to take forward", options=CANDIDATES, required=True,
        max_choices=2,
        help_es="Los candidatos se vincularán con sus propuestas cuando las propuestas existan en la plataforma.",
        help_en="The candidates will be linked to their proposals once proposals exist on the platform.",
    )  # fmt: skip
    options = list(choice.options.all())
    members = Organization.objects.filter(
        is_fictitious=True, pk__in=committee.memberships.active_on(datetime.date(2017, 5, 2)).values("organization")
    )
    for index, organization in enumerate(members.order_by("legal_name")):
        invitation = SurveyInvitation.objects.create(
            survey=survey, organization=organization, sent_at=aware(2017, 5, 2, 9), send_count=1
        )
        if index >= len(SELECTION_VOTES):
            continue
        picks = SELECTION_VOTES[index]
        answers = [Answer(question=choice, option=options[pick]) for pick in picks]
        _respond(survey, invitation, aware(2017, 5, 3 + index, 12), answers)
    return survey


def open_survey():
    """Return the demo's survey open today (the one survey of the present era)."""
    return Survey.objects.get(opens_at__gte=demo_dates.present_era_start())


def _open_survey(actor):
    """This year's follow-up survey, opened twelve days ago and answered by the chairs' organizations."""
    now = timezone.now()
    year, following = now.year, now.year + 1
    survey = _survey(
        actor,
        title_es=f"Encuesta de seguimiento {year}: plan de trabajo {following}",
        title_en=f"{year} follow-up survey: {following} work plan",
        description_es=f"Ayúdenos a preparar el plan de trabajo {following} de la alianza.",
        description_en=f"Help us prepare the alliance's {following} work plan.",
        purpose=SurveyPurpose.GENERAL,
        audience=Audience.ALL_MEMBERS,
        response_unit=ResponseUnit.ORGANIZATION,
        opens_at=now - datetime.timedelta(days=12),
        closes_at=now + datetime.timedelta(days=20),
    )
    first = Section.objects.create(
        survey=survey, position=1, title_es=f"La alianza en {year}", title_en=f"The alliance in {year}"
    )
    second = Section.objects.create(
        survey=survey, position=2, title_es=f"Planes para {following}", title_en=f"Plans for {following}"
    )
    satisfaction = _question(
        survey, first, 1, QuestionKind.SCALE, "¿Qué tan satisfecha está su organización con la alianza?",
        "How satisfied is your organization with the alliance?", required=True,
        scale_min_label_es="Nada satisfecha", scale_min_label_en="Not satisfied",
        scale_max_label_es="Muy satisfecha", scale_max_label_en="Very satisfied",
    )  # fmt: skip
    session_format = _question(
        survey, first, 2, QuestionKind.SINGLE_CHOICE, "¿Qué formato prefiere para las sesiones?",
        "Which format do you prefer for the sessions?",
        options=[("Presencial", "In person"), ("En línea", "Online"), ("Híbrido", "Hybrid")],
    )  # fmt: skip
    project = _question(
        survey, second, 1, QuestionKind.YES_NO, f"¿Su organización desea participar en un proyecto en {following}?",
        f"Does your organization want to take part in a project in {following}?", required=True,
    )  # fmt: skip
    _question(
        survey, second, 2, QuestionKind.LONG_TEXT, "¿En qué proyecto o tema?", "In which project or theme?",
        condition_question=project, condition_value="sí", required=True,
    )  # fmt: skip
    priorities = _question(
        survey, second, 3, QuestionKind.SDG_GOALS, f"Ordene hasta tres ODS prioritarios para {following}",
        f"Rank up to three priority SDGs for {following}", max_choices=3,
    )  # fmt: skip
    _question(
        survey, second, 4, QuestionKind.NUMBER, "¿Cuántas personas de su organización participarían?",
        "How many people of your organization would take part?", number_min=0,
    )  # fmt: skip
    formats = list(session_format.options.all())
    # The fictitious members only: inviting a real organization today would say it still takes part.
    organizations = (
        Organization.objects.active_members()
        .filter(is_fictitious=True)
        .prefetch_related("sdg_priorities__goal")
        .order_by("legal_name")
    )
    # The organizations of the committees' chairs have answered already; representante@'s has not.
    chair_organizations = set(Post.objects.current().values_list("organization_id", flat=True))
    for index, organization in enumerate(organizations):
        invitation = SurveyInvitation.objects.create(
            survey=survey, organization=organization, sent_at=now - datetime.timedelta(days=12), send_count=1
        )
        if organization.pk not in chair_organizations or organization.short_name == DEMO_REPRESENTATIVES[DRAFTER]:
            continue
        goals = [p.goal for p in organization.sdg_priorities.all()]
        answers = [
            Answer(question=satisfaction, number=4 + index % 2),
            Answer(question=session_format, option=formats[index % 3]),
            Answer(question=project, boolean=False),
            *[Answer(question=priorities, goal=goal, rank=rank) for rank, goal in enumerate(goals, 1)],
        ]
        _respond(survey, invitation, now - datetime.timedelta(days=10 - index % 9), answers)
    return survey


def remove_invented_real_invitations():
    """Delete the present era's unanswered invitations of real organizations, left by a demo loaded before the rule.

    The demo once invited every active organization to its open survey, the real ones too: an invented fact (that
    they take part today), not history, and nobody answered it for them. Return how many were deleted.
    """
    invented = SurveyInvitation.objects.filter(
        survey__opens_at__gte=demo_dates.present_era_start(),
        organization__is_fictitious=False,
        responded_at__isnull=True,
        responses__isnull=True,
    )
    _total, deleted = invented.delete()
    return deleted.get(SurveyInvitation._meta.label, 0)


def load(stdout):
    """Create the demo surveys that do not exist yet; leave existing ones alone."""
    actor = get_user_model().objects.get(email="staff@amexcid.example")
    removed = remove_invented_real_invitations()
    created = []
    if not Survey.objects.filter(title_es=PRIORITIES_TITLE).exists():
        organizations = list(
            Organization.objects.filter(is_fictitious=True)
            .exclude(short_name__in=NOT_SURVEYED)
            .prefetch_related("sdg_priorities__goal")
            .order_by("legal_name")
        )
        respondent_ids = set(
            Membership.objects.filter(joined_on__lte=INSTALLATIONS_ENDED).values_list("organization_id", flat=True)
        )
        created.append(_priorities_survey(actor, organizations, respondent_ids))
    if not Survey.objects.filter(title_es=SELECTION_TITLE).exists():
        created.append(_selection_survey(actor))
    if not Survey.objects.filter(opens_at__gte=demo_dates.present_era_start()).exists():
        created.append(_open_survey(actor))
    created = [survey for survey in created if survey is not None]
    stdout.write(
        f"Surveys: {len(created)} created, {3 - len(created)} already there; "
        f"{removed} invented invitations of real organizations removed."
    )
