"""Dataset: the member organizations the public directory shows, with their public fields only.

Never the RFC, contact details, due diligence or participation history (``can_view_private_data``).
"""

from django.db.models import Max

from axs_platform import fragments
from companies.geography import Country, MexicanState
from companies.models import (
    PUBLIC_PARTICIPATION_STATUSES,
    Organization,
    OrganizationSize,
    OrganizationType,
    ParticipationStatus,
    Sector,
)

from ..registry import Dataset, Field, register


def _public():
    return Organization.objects.public().order_by("pk")


def _row(organization):
    return (
        organization.pk,
        organization.legal_name,
        organization.short_name,
        organization.organization_type,
        organization.size,
        organization.sector,
        organization.country,
        organization.state,
        organization.website,
        organization.description,
        organization.participation_status,
    )


ORGANIZATIONS = register(
    Dataset(
        slug="organizaciones",
        title_es="Organizaciones miembro",
        title_en="Member organizations",
        description_es=(
            "Las organizaciones que muestra el directorio público de la Alianza por la Sostenibilidad, con sus "
            "datos públicos: las que participan hoy y aquellas de las que no hay dato sobre si siguen participando "
            "(participation_status)."
        ),
        description_en=(
            "The organizations the public directory of the Alliance for Sustainability shows, with their public "
            "data: those taking part today and those of which there is no data on whether they still take part "
            "(participation_status)."
        ),
        frequency_es="Continua: cambia cuando una organización actualiza su perfil o cambia su participación.",
        frequency_en="Continuous: changes when an organization updates its profile or its participation changes.",
        fields=(
            Field("organization_id", "integer", "Identificador de la organización.", "Identifier of the organization."),
            Field("legal_name", "text", "Razón social.", "Legal name."),
            Field("short_name", "text", "Nombre corto o comercial.", "Short or trading name."),
            Field(
                "organization_type",
                "code",
                "Tipo de organización.",
                "Type of organization.",
                tuple(OrganizationType.choices),
            ),
            Field(
                "size",
                "code",
                "Tamaño por personal ocupado.",
                "Size by number of staff.",
                tuple(OrganizationSize.choices),
            ),
            Field("sector", "code", "Sector económico.", "Economic sector.", tuple(Sector.choices)),
            Field(
                "country", "code", "País (ISO 3166-1 alfa-2).", "Country (ISO 3166-1 alpha-2).", tuple(Country.choices)
            ),
            Field(
                "state",
                "code",
                "Entidad federativa, para organizaciones en México.",
                "Mexican state, for organizations based in Mexico.",
                tuple(MexicanState.choices),
            ),
            Field("website", "text", "Sitio web.", "Website."),
            Field(
                "description",
                "text",
                "Descripción escrita por la organización.",
                "Description written by the organization.",
            ),
            Field(
                "participation_status",
                "code",
                "Participación en la alianza: activa, o sin dato (unknown: no se sabe si sigue participando).",
                "Participation in the alliance: active, or no data (unknown: not known whether it still takes part).",
                tuple(
                    (value, label)
                    for value, label in ParticipationStatus.choices
                    if value in PUBLIC_PARTICIPATION_STATUSES
                ),
            ),
        ),
        queryset=_public,
        row=_row,
        last_updated=lambda: Organization.objects.public().aggregate(latest=Max("updated_at"))["latest"],
        areas=(fragments.DIRECTORY,),
    )
)
