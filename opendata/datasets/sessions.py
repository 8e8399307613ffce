"""Datasets: the public sessions, and the agreements of sessions whose minutes are approved.

Only sessions marked public; agreements only once the session's minutes are approved (drafts never),
with the responsible organization and never the responsible person.
"""

from django.db.models import Exists, F, Max, OuterRef, Subquery

from axs_platform import fragments
from axs_platform.dates import DatePrecision
from committees.models import Agreement, AgreementStatus, Minutes, MinutesStatus, Session, SessionKind, SessionStatus
from committees.selectors import started_scheduled_sessions

from ..registry import Dataset, Field, register

SESSION_ID = Field("session_id", "integer", "Identificador de la sesión.", "Identifier of the session.")
COMMITTEE_ID = Field(
    "committee_id",
    "integer",
    "Identificador del comité; vacío en plenarias.",
    "Identifier of the committee; empty for plenaries.",
)


DATE_PRECISION = Field(
    "date_precision",
    "code",
    "Cuánto se sabe de la fecha: el día, o solo el mes o el año (entonces el día de starts_on y ends_on no es "
    "real y no hay hora: sesiones anteriores a la plataforma cuya fuente da solo el mes).",
    "How much of the date is known: the day, or only the month or the year (then the day of starts_on and "
    "ends_on is not real and there is no hour: sessions before the platform whose source gives only the month).",
    tuple(DatePrecision.choices),
)


def _public_sessions():
    return Session.objects.filter(is_public=True)


def _sessions():
    approved = Minutes.objects.filter(session=OuterRef("pk"), status=MinutesStatus.APPROVED)
    return _public_sessions().select_related("committee").annotate(has_approved_minutes=Exists(approved)).order_by("pk")


def _session_row(session):
    # A session whose hour is not known is written by its days: an hour the source does not give is not published.
    known = session.has_known_hour
    return (
        session.pk,
        session.kind,
        session.committee_id,
        session.committee.name if session.committee_id else "",
        session.title,
        session.starts_at if known else None,
        session.ends_at if known else None,
        session.place,
        session.published_status,
        session.reported_attendance,
        session.has_approved_minutes,
        session.date_precision,
        (session.committee.name_en or session.committee.name) if session.committee_id else "",
        session.title_en or session.title,
        known,
        session.starts_on,
        session.ends_on,
    )


SESSIONS = register(
    Dataset(
        slug="sesiones",
        title_es="Sesiones públicas",
        title_en="Public sessions",
        description_es="Las sesiones de comités y plenarias que la Alianza hace públicas: fecha, lugar y estado.",
        description_en="The committee and plenary sessions the alliance makes public: date, place and status.",
        frequency_es="Continua: cambia cuando se programa, cambia o registra una sesión.",
        frequency_en="Continuous: changes when a session is scheduled, changed or recorded.",
        fields=(
            SESSION_ID,
            Field("kind", "code", "Tipo de sesión.", "Kind of session.", tuple(SessionKind.choices)),
            COMMITTEE_ID,
            Field("committee_name", "text", "Nombre del comité.", "Name of the committee."),
            Field("title", "text", "Título.", "Title."),
            Field(
                "starts_at",
                "datetime",
                "Inicio (fecha y hora); vacío cuando no se conoce la hora (time_known falso): starts_on da el día.",
                "Start (date and time); empty when the hour is not known (time_known false): starts_on gives the day.",
            ),
            Field(
                "ends_at",
                "datetime",
                "Fin; vacío cuando no se conoce la hora.",
                "End; empty when the hour is not known.",
            ),
            Field("place", "text", "Lugar.", "Place."),
            Field(
                "status",
                "code",
                "Estado, como lo muestra la plataforma: una sesión programada cuyo inicio ya pasó es celebrada.",
                "Status, as the platform shows it: a scheduled session whose start has passed is held.",
                tuple(SessionStatus.choices),
            ),
            Field(
                "reported_attendance",
                "integer",
                "Asistencia reportada (organizaciones), si se registró.",
                "Reported attendance (organizations), where recorded.",
            ),
            Field("has_approved_minutes", "boolean", "Si tiene minuta aprobada.", "Whether it has approved minutes."),
            # After the columns published before it: consumers read the columns by position.
            DATE_PRECISION,
            # After it, in the order they were published: each new column is added last.
            Field(
                "committee_name_en",
                "text",
                "Nombre del comité en inglés (el nombre en español si no tiene); vacío en plenarias.",
                "Name of the committee in English (the Spanish name where it has none); empty for plenaries.",
            ),
            Field(
                "title_en",
                "text",
                "Título en inglés; el título en español si no tiene.",
                "Title in English; the Spanish title where it has none.",
            ),
            Field(
                "time_known",
                "boolean",
                "Si se conoce la hora de la sesión; si no, starts_at y ends_at quedan vacíos.",
                "Whether the session's hour is known; if not, starts_at and ends_at are empty.",
            ),
            Field("starts_on", "date", "Día en que empieza la sesión.", "Day the session starts."),
            Field(
                "ends_on",
                "date",
                "Último día de la sesión: el mismo que starts_on, o uno posterior para una sesión de varios días.",
                "Last day of the session: the same as starts_on, or a later one for a session over several days.",
            ),
        ),
        queryset=_sessions,
        row=_session_row,
        last_updated=lambda: _public_sessions().aggregate(latest=Max("updated_at"))["latest"],
        related=("acuerdos", "comites"),
        areas=(fragments.COMMITTEES,),
        # A scheduled session is published as held once it starts, with no service running.
        version_extra=lambda: str(started_scheduled_sessions(_public_sessions())),
    )
)


def _agreements():
    """Agreements of public sessions recorded before the session's latest approved minutes were approved.

    An agreement added after that approval has not been approved with the minutes, so it is not published.
    """
    latest_approval = (
        Minutes.objects.filter(session=OuterRef("session_id"), status=MinutesStatus.APPROVED)
        .order_by("-approved_at")
        .values("approved_at")[:1]
    )
    return (
        Agreement.objects.filter(session__is_public=True)
        .annotate(minutes_approved_at=Subquery(latest_approval))
        .filter(minutes_approved_at__isnull=False, created_at__lte=F("minutes_approved_at"))
        .select_related("session", "committee", "responsible_organization")
        .order_by("pk")
    )


def _agreement_row(agreement):
    organization = agreement.responsible_organization
    return (
        agreement.pk,
        agreement.session_id,
        agreement.committee_id,
        agreement.description,
        agreement.responsible_organization_id,
        organization.legal_name if organization else "",
        agreement.due_on,
        agreement.status,
        agreement.completed_on,
    )


AGREEMENTS = register(
    Dataset(
        slug="acuerdos",
        title_es="Acuerdos de minutas aprobadas",
        title_en="Agreements of approved minutes",
        description_es=(
            "Los acuerdos tomados en sesiones públicas cuya minuta está aprobada, con la organización "
            "responsable, la fecha comprometida y su seguimiento."
        ),
        description_en=(
            "The agreements made at public sessions whose minutes are approved, with the responsible "
            "organization, the date committed to and their follow-up."
        ),
        frequency_es="Continua: cambia cuando se aprueba una minuta o se da seguimiento a un acuerdo.",
        frequency_en="Continuous: changes when minutes are approved or an agreement is followed up.",
        fields=(
            Field("agreement_id", "integer", "Identificador del acuerdo.", "Identifier of the agreement."),
            SESSION_ID,
            COMMITTEE_ID,
            Field("description", "text", "El acuerdo.", "The agreement."),
            Field(
                "responsible_organization_id",
                "integer",
                "Identificador de la organización responsable.",
                "Identifier of the responsible organization.",
            ),
            Field("responsible_organization_name", "text", "Organización responsable.", "Responsible organization."),
            Field("due_on", "date", "Fecha comprometida.", "Date committed to."),
            Field("status", "code", "Estado.", "Status.", tuple(AgreementStatus.choices)),
            Field("completed_on", "date", "Fecha en que se cumplió.", "Date it was done."),
        ),
        queryset=_agreements,
        row=_agreement_row,
        last_updated=lambda: Minutes.objects.filter(session__is_public=True, status=MinutesStatus.APPROVED).aggregate(
            latest=Max("approved_at")
        )["latest"],
        related=("sesiones",),
        areas=(fragments.COMMITTEES,),
    )
)
