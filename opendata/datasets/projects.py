"""Datasets: calls, published projects, their consortia, results matrices and SDG alignment.

A project is what ``Proposal.objects.published()`` returns, with what its public page shows: never
drafts or unpublished proposals, the problem analysis, budget, contributions, evaluations or comments.
"""

from django.db.models import Max, Prefetch

from axs_platform import fragments
from projects.models import AlignedTarget, Call, ConsortiumMember, PartnerStatus, ProjectIndicator, Proposal
from projects.models.proposals import PUBLISHABLE, ProposalStatus

from ..registry import Dataset, Field, attributes, register

PROJECT_ID = Field("project_id", "integer", "Identificador del proyecto.", "Identifier of the project.")
COMMITTEE_ID = Field("committee_id", "integer", "Identificador del comité.", "Identifier of the committee.")


def _published():
    return Proposal.objects.published()


def _published_updated():
    return _published().aggregate(latest=Max("updated_at"))["latest"]


def _calls():
    return Call.objects.filter(archived_at__isnull=True).order_by("pk")


CALLS = register(
    Dataset(
        slug="convocatorias",
        title_es="Convocatorias",
        title_en="Calls for proposals",
        description_es="Las convocatorias de los comités para proponer proyectos: fechas y orientación.",
        description_en="The committees' calls for project proposals: dates and guidance.",
        frequency_es="Ocasional: cuando un comité abre o cambia una convocatoria.",
        frequency_en="Occasional: when a committee opens or changes a call.",
        fields=(
            Field("call_id", "integer", "Identificador de la convocatoria.", "Identifier of the call."),
            COMMITTEE_ID,
            Field("title", "text", "Título.", "Title."),
            Field("guidance", "text", "Qué busca el comité y cómo.", "What the committee looks for, and how."),
            Field("opens_on", "date", "Fecha de apertura.", "Opening date."),
            Field("closes_on", "date", "Último día para enviar propuestas.", "Last day to submit proposals."),
        ),
        queryset=_calls,
        row=attributes("pk", "committee_id", "title", "guidance", "opens_on", "closes_on"),
        last_updated=lambda: _calls().aggregate(latest=Max("created_at"))["latest"],
        areas=(fragments.PUBLIC_PROPOSALS,),
    )
)


def _in_english(text):
    """The project's public text in English, whatever the language of the request that builds the file."""
    return lambda project: text(project, "en")


def _projects():
    return _published().select_related("committee", "lead_organization").order_by("pk")


PROJECTS = register(
    Dataset(
        slug="proyectos",
        title_es="Proyectos",
        title_en="Projects",
        description_es="Los proyectos publicados por la Alianza: comité, organización líder, estado y objetivo.",
        description_en="The projects the alliance has published: committee, lead organization, status and objective.",
        frequency_es="Continua: cambia cuando se publica un proyecto o cambia su estado.",
        frequency_en="Continuous: changes when a project is published or its status changes.",
        fields=(
            PROJECT_ID,
            Field("title", "text", "Título.", "Title."),
            COMMITTEE_ID,
            Field("committee_name", "text", "Nombre del comité.", "Name of the committee."),
            Field("call_id", "integer", "Convocatoria a la que respondió.", "Call it answered."),
            Field(
                "lead_organization_id",
                "integer",
                "Identificador de la organización líder.",
                "Identifier of the lead organization.",
            ),
            Field("lead_organization_name", "text", "Organización líder.", "Lead organization."),
            Field(
                "status",
                "code",
                "Estado del proyecto.",
                "Status of the project.",
                tuple((code, label) for code, label in ProposalStatus.choices if code in PUBLISHABLE),
            ),
            Field("summary", "text", "Resumen.", "Summary."),
            Field("general_objective", "text", "Objetivo general.", "General objective."),
            Field("published_at", "datetime", "Cuándo se publicó.", "When it was published."),
            Field("url", "text", "Página pública del proyecto (ruta).", "Public page of the project (path)."),
            # Added later: last, so the columns published before keep their places.
            Field(
                "title_en",
                "text",
                "Título en inglés; el título en español si no tiene.",
                "Title in English; the Spanish title where it has none.",
            ),
            Field(
                "summary_en",
                "text",
                "Resumen en inglés; el resumen en español si no tiene.",
                "Summary in English; the Spanish summary where it has none.",
            ),
        ),
        queryset=_projects,
        row=attributes(
            "pk",
            "title",
            "committee_id",
            "committee.name",
            "call_id",
            "lead_organization_id",
            "lead_organization.legal_name",
            "status",
            "summary",
            "general_objective",
            "published_at",
            Proposal.get_public_url,
            _in_english(Proposal.public_title),
            _in_english(Proposal.public_summary),
        ),
        last_updated=_published_updated,
        related=("consorcios", "matriz-resultados", "alineacion-ods", "avances"),
        areas=(fragments.PUBLIC_PROPOSALS, fragments.DIRECTORY, fragments.COMMITTEES),
    )
)


def _consortium():
    return (
        ConsortiumMember.objects.filter(proposal__in=_published(), status=PartnerStatus.ACCEPTED)
        .select_related("organization")
        .order_by("proposal_id", "-is_lead", "pk")
    )


CONSORTIA = register(
    Dataset(
        slug="consorcios",
        title_es="Consorcios de los proyectos",
        title_en="Project consortia",
        description_es="Las organizaciones que forman el consorcio de cada proyecto publicado y su papel.",
        description_en="The organizations in each published project's consortium, and their role.",
        frequency_es="Continua: cambia cuando se publica un proyecto o cambia su consorcio.",
        frequency_en="Continuous: changes when a project is published or its consortium changes.",
        fields=(
            PROJECT_ID,
            Field("organization_id", "integer", "Identificador de la organización.", "Identifier of the organization."),
            Field("organization_name", "text", "Razón social.", "Legal name."),
            Field("is_lead", "boolean", "Si es la organización líder.", "Whether it is the lead organization."),
            Field("role", "text", "Su papel en el proyecto.", "Its role in the project."),
        ),
        queryset=_consortium,
        row=attributes("proposal_id", "organization_id", "organization.legal_name", "is_lead", "role"),
        last_updated=_published_updated,
        related=("proyectos", "organizaciones"),
        areas=(fragments.PUBLIC_PROPOSALS, fragments.DIRECTORY),
    )
)


def _matrix():
    return (
        ProjectIndicator.objects.filter(proposal__in=_published())
        .select_related("component", "sdg_indicator")
        .order_by("proposal_id", "component__position", "pk")
    )


MATRIX = register(
    Dataset(
        slug="matriz-resultados",
        title_es="Matrices de resultados",
        title_en="Results matrices",
        description_es=(
            "Los indicadores de la matriz de resultados de cada proyecto publicado, del objetivo general o de "
            "un componente: línea base, meta y medio de verificación."
        ),
        description_en=(
            "The results-matrix indicators of each published project, of the general objective or of a "
            "component: baseline, target and means of verification."
        ),
        frequency_es="Continua: cambia cuando se publica un proyecto.",
        frequency_en="Continuous: changes when a project is published.",
        fields=(
            Field("indicator_id", "integer", "Identificador del indicador.", "Identifier of the indicator."),
            PROJECT_ID,
            Field(
                "component",
                "text",
                "Componente; vacío para el objetivo general.",
                "Component; empty for the general objective.",
            ),
            Field("name", "text", "Indicador.", "Indicator."),
            Field("unit", "text", "Unidad.", "Unit."),
            Field("baseline_value", "decimal", "Línea base.", "Baseline."),
            Field("baseline_year", "integer", "Año de la línea base.", "Baseline year."),
            Field("target_value", "decimal", "Meta.", "Target."),
            Field("target_year", "integer", "Año de la meta.", "Target year."),
            Field("means_of_verification", "text", "Medio de verificación.", "Means of verification."),
            Field("sdg_indicator", "text", "Indicador ODS ligado (código).", "Linked SDG indicator (code)."),
        ),
        queryset=_matrix,
        row=attributes(
            "pk",
            "proposal_id",
            "component.title",
            "name",
            "unit",
            "baseline_value",
            "baseline_year",
            "target_value",
            "target_year",
            "means_of_verification",
            "sdg_indicator.code",
        ),
        last_updated=_published_updated,
        related=("proyectos", "avances"),
        areas=(fragments.PUBLIC_PROPOSALS,),
    )
)


def _alignment():
    return (
        AlignedTarget.objects.filter(proposal__in=_published())
        .select_related("target__goal")
        .prefetch_related(Prefetch("indicators"))
        .order_by("proposal_id", "target__goal__number", "target__position", "pk")
    )


def _indicator_codes(aligned):
    return "; ".join(indicator.code for indicator in sorted(aligned.indicators.all(), key=lambda i: i.position))


ALIGNMENT = register(
    Dataset(
        slug="alineacion-ods",
        title_es="Alineación de los proyectos con los ODS",
        title_en="SDG alignment of projects",
        description_es="Las metas ODS con que se alinea cada proyecto publicado, y los indicadores ODS elegidos.",
        description_en="The SDG targets each published project is aligned with, and the SDG indicators chosen.",
        frequency_es="Continua: cambia cuando se publica un proyecto.",
        frequency_en="Continuous: changes when a project is published.",
        fields=(
            PROJECT_ID,
            Field("sdg_goal", "integer", "Número del ODS (1 a 17).", "Number of the SDG (1 to 17)."),
            Field("sdg_target", "text", "Código de la meta ODS.", "Code of the SDG target."),
            Field(
                "sdg_indicators",
                "text",
                "Códigos de los indicadores ODS, separados por punto y coma.",
                "Codes of the SDG indicators, separated by semicolons.",
            ),
        ),
        queryset=_alignment,
        row=attributes("proposal_id", "target.goal.number", "target.code", _indicator_codes),
        chunk_size=500,
        last_updated=_published_updated,
        related=("proyectos",),
        areas=(fragments.PUBLIC_PROPOSALS,),
    )
)
