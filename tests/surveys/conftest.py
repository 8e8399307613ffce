"""A small alliance for survey tests: staff, two committees with their chairs, organizations and people."""

from datetime import timedelta

import pytest
from django.utils import timezone

from committees import services as committee_services
from sdg.models import Goal
from surveys import services
from surveys.models import Audience
from tests.factories import make_member, make_organization, make_staff


@pytest.fixture
def staff(db):
    return make_staff(full_name="Ana Staff")


@pytest.fixture
def org_a(staff):
    return make_organization(actor=staff, legal_name="Alfa Sostenible, S.A. de C.V.", short_name="Alfa")


@pytest.fixture
def org_b(staff):
    return make_organization(
        actor=staff, legal_name="Fundación Beta, A.C.", short_name="Beta", organization_type="foundation", size="large"
    )


@pytest.fixture
def org_c(staff):
    return make_organization(actor=staff, legal_name="Cámara Gamma", short_name="Gamma", organization_type="chamber")


@pytest.fixture
def rep_a(org_a):
    return make_member(org_a, full_name="Alicia Alfa", email="alicia@alfa.example")


@pytest.fixture
def rep_a2(org_a):
    return make_member(org_a, full_name="Arturo Alfa", email="arturo@alfa.example", preferred_language="en")


@pytest.fixture
def rep_b(org_b):
    return make_member(org_b, full_name="Bruno Beta", email="bruno@beta.example")


@pytest.fixture
def rep_c(org_c):
    return make_member(org_c, full_name="Carla Gamma", email="carla@gamma.example")


def _committee(staff, goal_number, name, organizations):
    committee = committee_services.committee_create(
        actor=staff, name=name, goal=Goal.objects.get(number=goal_number), decision_mechanism="online_survey"
    )
    for organization in organizations:
        committee_services.membership_add(actor=staff, committee=committee, organization=organization)
    return committee


@pytest.fixture
def committee(staff, org_a, org_b):
    return _committee(staff, 10, "Inclusión social", [org_a, org_b])


@pytest.fixture
def other_committee(staff, org_c):
    return _committee(staff, 12, "Producción y consumo responsables", [org_c])


@pytest.fixture
def chair(staff, committee, rep_a):
    committee_services.post_appoint(actor=staff, committee=committee, kind="chair", holder=rep_a)
    return rep_a


@pytest.fixture
def other_chair(staff, other_committee, rep_c):
    committee_services.post_appoint(actor=staff, committee=other_committee, kind="chair", holder=rep_c)
    return rep_c


def window(*, open_now=True):
    now = timezone.now()
    if open_now:
        return {"opens_at": now - timedelta(days=1), "closes_at": now + timedelta(days=7)}
    return {"opens_at": now + timedelta(days=2), "closes_at": now + timedelta(days=9)}


def build_survey(actor, *, publish=True, open_now=True, **fields):
    """A survey with one question of every type; the long text appears only after answering “Sí”."""
    fields.setdefault("title_es", "Prioridades de la alianza")
    fields.setdefault("title_en", "Priorities of the alliance")
    fields.setdefault("audience", Audience.ALL_MEMBERS)
    survey = services.survey_create(actor=actor, **fields, **window(open_now=open_now))
    section = services.section_create(actor=actor, survey=survey, title_es="Prioridades", title_en="Priorities")
    q = {}
    q["single"] = services.question_create(
        actor=actor,
        section=section,
        kind="single",
        text_es="Tipo de acción",
        text_en="Kind of action",
        required=True,
        options=[{"text_es": "Educación", "text_en": "Education"}, {"text_es": "Energía", "text_en": "Energy"}],
    )
    q["multiple"] = services.question_create(
        actor=actor,
        section=section,
        kind="multiple",
        text_es="Papel en la alianza",
        text_en="Role in the alliance",
        options=[
            {"text_es": "Liderar proyectos", "text_en": "Lead projects"},
            {"text_es": "Financiar", "text_en": "Fund"},
            {"text_es": "Asesorar", "text_en": "Advise"},
        ],
    )
    q["ranking"] = services.question_create(
        actor=actor,
        section=section,
        kind="ranking",
        text_es="Ordene las actividades",
        max_choices=2,
        options=[{"text_es": "Sesiones"}, {"text_es": "Proyectos"}, {"text_es": "Capacitación"}],
    )
    q["sdg"] = services.question_create(
        actor=actor, section=section, kind="sdg_goals", text_es="ODS prioritarios", max_choices=3, required=True
    )
    q["scale"] = services.question_create(
        actor=actor,
        section=section,
        kind="scale",
        text_es="Interés",
        scale_min_label_es="Poco",
        scale_max_label_es="Mucho",
    )
    q["number"] = services.question_create(actor=actor, section=section, kind="number", text_es="Empleados")
    q["yes_no"] = services.question_create(actor=actor, section=section, kind="yes_no", text_es="¿Tiene acciones?")
    q["long_text"] = services.question_create(
        actor=actor,
        section=section,
        kind="long_text",
        text_es="Describa sus acciones",
        text_en="Describe your actions",
        required=True,
        condition_question=q["yes_no"],
        condition_value="sí",
    )
    q["short_text"] = services.question_create(actor=actor, section=section, kind="short_text", text_es="Contacto")
    if publish:
        services.survey_publish(actor=actor, survey=survey)
    survey.q = q
    return survey


@pytest.fixture
def survey(staff, org_a, org_b, org_c):
    return build_survey(staff)


def goal(number):
    return Goal.objects.get(number=number).pk
