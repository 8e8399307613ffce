"""Dataset: the approved progress of published projects, one row per indicator and reporting period.

Only the latest approved version of each period's report (``monitoring.selectors.current_approved``):
drafts, submitted and returned reports never appear, nor narratives, budgets executed or evidence.
"""

from django.db.models import Max

from axs_platform import fragments
from monitoring.models import ReportValue, ValueType
from monitoring.selectors import current_approved
from projects.models import Proposal

from ..registry import Dataset, Field, register

COLUMNS = (
    "pk",
    "report__period__implementation__proposal_id",
    "indicator_id",
    "indicator__source_id",
    "indicator__name",
    "indicator__value_type",
    "indicator__unit",
    "indicator__baseline",
    "indicator__target",
    "report__period__number",
    "report__period__starts_on",
    "report__period__ends_on",
    "number",
    "yes_no",
    "text",
    "report__version",
    "report__decided_at",
    "report__period__implementation__is_demo",
)


def _approved_reports():
    return current_approved().filter(period__implementation__proposal__in=Proposal.objects.published())


def _progress():
    # Plain tuples in the order of the fields: 640,000 values read without building four models each.
    return (
        ReportValue.objects.filter(report__in=_approved_reports())
        .order_by("report__period__implementation__proposal_id", "indicator_id", "report__period__number", "pk")
        .values_list(*COLUMNS)
    )


PROGRESS = register(
    Dataset(
        slug="avances",
        title_es="Avance aprobado de los proyectos",
        title_en="Approved progress of projects",
        description_es=(
            "El valor de cada indicador en cada periodo de informe, tal como lo aprobó el comité (la última "
            "versión aprobada del informe del periodo). En indicadores numéricos, cada periodo reporta lo que "
            "logró y se suma a la línea base; un porcentaje es el nivel al cierre del periodo."
        ),
        description_en=(
            "The value of each indicator in each reporting period, as the committee approved it (the latest "
            "approved version of the period's report). For number indicators each period reports what it "
            "achieved, added to the baseline; a percentage is the level at the end of the period."
        ),
        frequency_es="Continua: cambia cuando se aprueba un informe de avance.",
        frequency_en="Continuous: changes when a progress report is approved.",
        fields=(
            Field("value_id", "integer", "Identificador del valor reportado.", "Identifier of the reported value."),
            Field("project_id", "integer", "Identificador del proyecto.", "Identifier of the project."),
            Field(
                "indicator_id",
                "integer",
                "Identificador del indicador en seguimiento.",
                "Identifier of the monitored indicator.",
            ),
            Field(
                "results_matrix_indicator_id",
                "integer",
                "Fila de la matriz de resultados de la que viene (conjunto matriz-resultados).",
                "Results-matrix row it comes from (dataset matriz-resultados).",
            ),
            Field("indicator_name", "text", "Indicador.", "Indicator."),
            Field("value_type", "code", "Tipo de valor.", "Type of value.", tuple(ValueType.choices)),
            Field("unit", "text", "Unidad.", "Unit."),
            Field("baseline", "decimal", "Línea base.", "Baseline."),
            Field("target", "decimal", "Meta.", "Target."),
            Field("period", "integer", "Número del periodo de informe.", "Number of the reporting period."),
            Field("period_starts_on", "date", "Inicio del periodo.", "Start of the period."),
            Field("period_ends_on", "date", "Fin del periodo.", "End of the period."),
            Field(
                "value_number",
                "decimal",
                "Valor, en indicadores de número o porcentaje.",
                "Value, for number and percentage indicators.",
            ),
            Field("value_yes_no", "boolean", "Valor, en indicadores de sí/no.", "Value, for yes/no indicators."),
            Field("value_text", "text", "Valor, en indicadores de texto.", "Value, for text indicators."),
            Field("report_version", "integer", "Versión aprobada del informe.", "Approved version of the report."),
            Field("approved_at", "datetime", "Cuándo se aprobó.", "When it was approved."),
            Field("is_demo", "boolean", "Datos de demostración (inventados).", "Demonstration data (invented)."),
        ),
        queryset=_progress,
        row=tuple,
        chunk_size=5000,
        last_updated=lambda: _approved_reports().aggregate(latest=Max("decided_at"))["latest"],
        related=("proyectos", "matriz-resultados"),
        # Approved figures only: reports started, submitted or returned leave the built file current.
        areas=(fragments.PUBLIC_MONITORING, fragments.PUBLIC_PROPOSALS),
    )
)
