"""Datasets: the committees, and their member organizations' membership periods over time.

What the committees' public pages show: no request reasons, no change reasons, no people.
"""

from django.db.models import Max

from axs_platform import fragments
from axs_platform.dates import DatePrecision
from committees.models import (
    Committee,
    DecisionMechanism,
    Membership,
    MembershipChange,
    MembershipSource,
    MembershipStatus,
)

from ..registry import Dataset, Field, register

# Requests (and declined requests) are not memberships: the reasons given are the organization's own.
PUBLISHED_MEMBERSHIP_STATUSES = (
    MembershipStatus.ACTIVE,
    MembershipStatus.SUSPENDED,
    MembershipStatus.LEFT,
    MembershipStatus.UNKNOWN,
)

COMMITTEE_ID = Field("committee_id", "integer", "Identificador del comité.", "Identifier of the committee.")
ORGANIZATION_ID = Field(
    "organization_id", "integer", "Identificador de la organización.", "Identifier of the organization."
)


def _committees():
    return Committee.objects.select_related("goal").order_by("pk")


def _committee_row(committee):
    return (
        committee.pk,
        committee.name,
        committee.goal.number,
        committee.description,
        committee.decision_mechanism,
        committee.installed_on,
        committee.closed_at,
        committee.date_precision,
        committee.name_en or committee.name,
    )


COMMITTEES = register(
    Dataset(
        slug="comites",
        title_es="Comités",
        title_en="Committees",
        description_es="Los comités de trabajo de la Alianza, cada uno ligado a un Objetivo de Desarrollo Sostenible.",
        description_en="The alliance's working committees, each tied to one Sustainable Development Goal.",
        frequency_es="Ocasional: cuando se instala, cambia o cierra un comité.",
        frequency_en="Occasional: when a committee is installed, changed or closed.",
        fields=(
            COMMITTEE_ID,
            Field("name", "text", "Nombre del comité.", "Name of the committee."),
            Field(
                "sdg_goal", "integer", "Número del ODS del comité (1 a 17).", "Number of the committee's SDG (1 to 17)."
            ),
            Field("description", "text", "Descripción.", "Description."),
            Field(
                "decision_mechanism",
                "code",
                "Cómo elige el comité sus proyectos.",
                "How the committee picks its projects.",
                tuple(DecisionMechanism.choices),
            ),
            Field("installed_on", "date", "Fecha de instalación.", "Date it was installed."),
            Field(
                "closed_at", "datetime", "Cuándo se cerró; vacío si sigue abierto.", "When it closed; empty if open."
            ),
            # After the columns published before it: consumers read the columns by position.
            Field(
                "installed_on_precision",
                "code",
                "Cuánto se sabe de installed_on: el día, o solo el mes o el año (entonces el día no es real).",
                "How much of installed_on is known: the day, or only the month or the year (then the day is not real).",
                tuple(DatePrecision.choices),
            ),
            # After it, in the order they were published: each new column is added last.
            Field(
                "name_en",
                "text",
                "Nombre del comité en inglés; el nombre en español si no tiene.",
                "Name of the committee in English; the Spanish name where it has none.",
            ),
        ),
        queryset=_committees,
        row=_committee_row,
        last_updated=lambda: Committee.objects.aggregate(latest=Max("created_at"))["latest"],
        related=("membresias-comites",),
        areas=(fragments.COMMITTEES,),
    )
)


def _memberships():
    return (
        Membership.objects.filter(status__in=PUBLISHED_MEMBERSHIP_STATUSES)
        .select_related("committee", "organization")
        .order_by("pk")
    )


def _membership_row(membership):
    return (
        membership.pk,
        membership.committee_id,
        membership.committee.name,
        membership.organization_id,
        membership.organization.legal_name,
        membership.status,
        membership.source,
        membership.joined_on,
        membership.ended_on,
    )


MEMBERSHIPS = register(
    Dataset(
        slug="membresias-comites",
        title_es="Membresías de los comités",
        title_en="Committee memberships",
        description_es=(
            "Cada periodo de una organización en un comité: cuándo entró, cuándo salió y su estado. "
            "Una organización que vuelve abre un periodo nuevo."
        ),
        description_en=(
            "Each period of an organization on a committee: when it joined, when it left and its status. "
            "An organization that comes back opens a new period."
        ),
        frequency_es="Continua: cambia con cada alta, suspensión o baja.",
        frequency_en="Continuous: changes with each joining, suspension or departure.",
        fields=(
            Field(
                "membership_id",
                "integer",
                "Identificador del periodo de membresía.",
                "Identifier of the membership period.",
            ),
            COMMITTEE_ID,
            Field("committee_name", "text", "Nombre del comité.", "Name of the committee."),
            ORGANIZATION_ID,
            Field("organization_name", "text", "Razón social de la organización.", "Legal name of the organization."),
            Field(
                "status",
                "code",
                "Estado del periodo.",
                "Status of the period.",
                tuple(
                    (code, label) for code, label in MembershipStatus.choices if code in PUBLISHED_MEMBERSHIP_STATUSES
                ),
            ),
            Field(
                "source",
                "code",
                "Cómo entró al comité.",
                "How it joined the committee.",
                tuple(MembershipSource.choices),
            ),
            Field("joined_on", "date", "Fecha de entrada.", "Date it joined."),
            Field(
                "ended_on",
                "date",
                "Fecha de salida; vacío si sigue o si no se sabe si sigue (estado unknown: sin dato).",
                "Date it left; empty if it remains or if whether it remains is not known (status unknown: no data).",
            ),
        ),
        queryset=_memberships,
        row=_membership_row,
        last_updated=lambda: MembershipChange.objects.aggregate(latest=Max("created_at"))["latest"],
        related=("comites", "organizaciones"),
        areas=(fragments.COMMITTEES,),  # organization names too: the directory's services bump committees
    )
)
