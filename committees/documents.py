"""The minutes (minuta) of a session as a PDF: the version in force, its agenda, attendance and agreements."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from axs_platform import purposes
from documents.registry import DocumentKind, Source
from documents.services import DocumentError

from . import selectors
from .models import Agreement, AttendanceStatus, Minutes, MinutesStatus, Session
from .permissions import can_see_session

MINUTES = "committees.minutes"


def _describe(session, params):
    return _("Minutes: %(title)s") % {"title": session.display_title}


def minutes_context(session):
    """Return what the minutes PDF shows; only approved minutes are ever printed."""
    minutes = (
        Minutes.objects.filter(session=session, status=MinutesStatus.APPROVED)
        .select_related("approved_by", "approved_at_session", "drafted_by")
        .order_by("-version")
        .first()
    )
    if minutes is None:
        raise DocumentError(gettext("This session has no approved minutes yet."))
    present = (
        session.attendance.filter(status=AttendanceStatus.PRESENT)
        .select_related("person", "organization")
        .order_by("organization__legal_name", "person__full_name")
    )
    present = list(present)
    agreements = list(selectors.agreements().filter(session=session))
    # People who oppose being named in published minutes are counted but not named: in the attendance,
    # as the one who approved the minutes, and as an agreement's responsible person (one query for all).
    withheld = purposes.opposing_among(
        purposes.NAMED_IN_MINUTES,
        [row.person_id for row in present]
        + [minutes.approved_by_id]
        + [agreement.responsible_person_id for agreement in agreements],
    )
    for row in present:
        row.name_withheld = row.person_id in withheld
    minutes.approver_withheld = minutes.approved_by_id in withheld
    for agreement in agreements:
        agreement.responsible_withheld = agreement.responsible_person_id in withheld
    return {
        "session": session,
        "committee": session.committee,
        "minutes": minutes,
        "agenda": list(session.agenda.all()),
        "present": present,
        # The list as it stands is printed; a correction made after these minutes were approved says so.
        "attendance_corrections": selectors.attendance_corrections(session, since=minutes.approved_at),
        "summary": selectors.quorum(session),
        "agreements": agreements,
        "generated_at": timezone.now(),
    }


def _build(document):
    session = selectors.session_queryset().get(pk=document.target_id)
    html = render_to_string("committees/pdf/minutes.html", minutes_context(session))
    return Source(
        html=html,
        filename=f"minuta-sesion-{session.pk}-{document.language}.pdf",
        title=str(_describe(session, {})),
    )


def can_request_minutes(user, session, params=None):
    """Whoever may see the session, once its minutes are approved (drafts are never printed)."""
    return (
        session is not None
        and can_see_session(user, session)
        and Minutes.objects.filter(session=session, status=MinutesStatus.APPROVED).exists()
    )


def _can_view(user, document):
    session = Session.objects.filter(pk=document.target_id).first()
    return document.requested_by_id == user.pk and session is not None and can_see_session(user, session)


def minutes_naming(documents, person):
    """The minutes PDFs that print the person's name: present, the approver, or an agreement's responsible."""
    present = AttendanceStatus.PRESENT
    sessions = (
        set(Session.objects.filter(attendance__person=person, attendance__status=present).values_list("pk", flat=True))
        | set(
            Minutes.objects.filter(approved_by=person, status=MinutesStatus.APPROVED).values_list("session", flat=True)
        )
        | set(Agreement.objects.filter(responsible_person=person).values_list("session", flat=True))
    )
    return documents.filter(target_id__in=[str(pk) for pk in sessions if pk is not None])


minutes_pdf = DocumentKind(
    code=MINUTES,
    label=_("Session minutes"),
    model=Session,
    build=_build,
    describe=_describe,
    can_request=can_request_minutes,
    can_view=_can_view,
    naming=minutes_naming,
    withholds=(purposes.NAMED_IN_MINUTES,),
)
