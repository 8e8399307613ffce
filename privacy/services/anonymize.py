"""Cancellation of a person's data.

Cancellation anonymizes a person so that nothing identifies them, while every record with history stays whole.

No row is deleted: attendance, votes, answers, authorship and posts keep pointing to the same account, which
now reads "Persona anonimizada #n" and cannot sign in. What the law obliges AMEXCID to keep (approved minutes,
decisions on proposals, the audit trail) is listed so that the answer says so. Rectification is in
``rectify``.
"""

from urllib.parse import quote, quote_plus

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

import search
from accounts.models import User
from audit.models import AuditEvent
from audit.services import audit_record, personal_parts_erase
from axs_platform import fragments
from axs_platform.outbox import mail_to_forget
from committees.models import Agreement, Attendance, CalendarFeed, Minutes
from committees.models.sessions import new_feed_token
from committees.services import posts_end_for_holder
from companies.models import Invitation, Representative
from companies.services import representative_remove
from documents.services import documents_rerender_naming
from notifications.services import person_forget as notifications_forget
from projects.models import Participation, ProposalTransition

from ..documents import exports_erase
from ..models import RightsRequest
from ..permissions import can_handle_requests
from ..selectors import exports_about
from ..subjects import address_periods, addresses_of, held_by_others, person_of, typed_while_held

ANONYMIZED_FIELDS = ["full_name", "email", "phone", "job_title"]


def anonymous_name(user):
    return f"Persona anonimizada #{user.pk}"


def anonymous_email(user):
    # ``.invalid`` is reserved (RFC 2606): nothing is ever delivered there, and the address stays unique.
    return f"anonimizada-{user.pk}@anonimizada.invalid"


def is_anonymized(user):
    return user.email == anonymous_email(user)


def legal_records_of(user):
    """Return sentences naming the records the law obliges AMEXCID to keep in which the person appears."""
    counts = [
        (
            Minutes.objects.filter(Q(drafted_by=user) | Q(approved_by=user), status="approved").count(),
            lambda n: ngettext(
                "%(n)d approved minutes signed by the person (drafted or approved)",
                "%(n)d approved minutes signed by the person (drafted or approved)",
                n,
            ),
        ),
        (
            Attendance.objects.filter(person=user, session__minutes__status="approved")
            .values("session")
            .distinct()
            .count(),
            lambda n: ngettext(
                "attendance at %(n)d session with approved minutes",
                "attendance at %(n)d sessions with approved minutes",
                n,
            ),
        ),
        (
            ProposalTransition.objects.filter(actor=user).count(),
            lambda n: ngettext("%(n)d decision on a proposal", "%(n)d decisions on proposals", n),
        ),
        (
            Participation.objects.filter(cast_by=user).count(),
            lambda n: ngettext("%(n)d vote in a committee ballot", "%(n)d votes in committee ballots", n),
        ),
        (
            Agreement.objects.filter(responsible_person=user).count(),
            lambda n: ngettext(
                "%(n)d committee agreement in their charge", "%(n)d committee agreements in their charge", n
            ),
        ),
        (
            _audit_events_recording(user).count(),
            lambda n: ngettext(
                "%(n)d event in the audit trail that records the person (as who acted or about their account)",
                "%(n)d events in the audit trail that record the person (as who acted or about their account)",
                n,
            ),
        ),
    ]
    return [label(n) % {"n": n} for n, label in counts if n]


def _audit_events_recording(user):
    """The audit events that keep who the person was: those they did and those about their account.

    The chain keeps them whole (``actor_repr`` and ``target_repr`` as shown then), so a cancellation cannot erase
    them. The anonymization's own event names no old value and is not counted.
    """
    account = Q(target_type=ContentType.objects.get_for_model(User), target_id=str(user.pk))
    return AuditEvent.objects.filter(Q(actor=user) | account).exclude(action="privacy.anonymized")


def _events_with_traces_of(user, addresses, typed):
    """The events whose personal part names the person.

    What they did through the web (their IP address, browser and pages), what was typed under one of their
    addresses while they held it (``typed``: failed sign-ins, requests; a later owner's are theirs) and pages whose
    address held one (a search by their e-mail, in any case).
    """
    in_page = Q(pk__in=[])
    for address in addresses:
        for form in {address, quote(address, safe=""), quote_plus(address)}:
            in_page |= Q(personal_part__path__icontains=form)
    return AuditEvent.objects.filter(Q(actor=user) | typed | in_page)


@transaction.atomic
@fragments.changes(fragments.DIRECTORY, fragments.COMMITTEES, fragments.PROPOSALS)  # pages that show names
def person_anonymize(*, actor, user, request=None, reason=""):
    """Anonymize a person's account and the invitations sent to their addresses; record it as one audit event.

    Their committee posts and their representation end (``_end_roles``): an anonymized account speaks for nobody.

    The personal parts of the audit events that name them are erased (``_events_with_traces_of``), and so are
    the e-mails to any address they have had, sent while they held it (``address_periods``: the later owner of a
    reused address keeps theirs; queued ones cancelled); the chain still
    verifies. The event names which fields were cleared and how many records were erased, never their old values.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    if is_anonymized(user):
        return user
    # Read before the anonymization is recorded.
    addresses, periods = addresses_of(user), address_periods(user)
    typed = typed_while_held(user, identifier="personal_part__identifier", when="created_at")
    # Invitations and requests to a reused address while another account held it are that account's.
    others_invitations = held_by_others(user, field="email", when="created_at")
    others_requests = held_by_others(user, field="email", when="received_at")
    name, email = anonymous_name(user), anonymous_email(user)
    user.full_name, user.email, user.phone, user.job_title = name, email, "", ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    search.index(user)  # the search keeps no copy of the old name or address
    _end_roles(actor=actor, user=user, reason=reason, request=request)
    to_any = Q(pk__in=[])
    for address in addresses:
        to_any |= Q(email__iexact=address)
    invitations = (
        Invitation.objects.filter(to_any).exclude(others_invitations).update(email=email, full_name=name, job_title="")
    )
    notifications_forget(person=user)  # their inbox greets them by name
    requests = RightsRequest.objects.filter(Q(requester=user) | (to_any & ~others_requests))
    exports = exports_erase(exports_about(requests=requests))
    traces = personal_parts_erase(events=_events_with_traces_of(user, addresses, typed))
    emails = sum(mail_to_forget(address=address, since=start, until=end) for address, start, end in periods)
    # The secret calendar address stops working: a new random token nobody knows.
    for feed in CalendarFeed.objects.filter(person=user):
        feed.token = new_feed_token()
        feed.save(update_fields=["token"])
    # Stored PDFs that printed the old name (minutes, the report) are rendered again once this commits.
    documents_rerender_naming(user)
    removed = _("(removed)")
    audit_record(
        actor=actor,
        action="privacy.anonymized",
        target=user,
        changes={
            "full_name": [removed, name],
            "email": [removed, email],
            "phone": [removed, ""],
            "job_title": [removed, ""],
            "is_active": [True, False],
        },
        message=" ".join(
            filter(
                None,
                [
                    reason,
                    _("Invitations to the address anonymized: %(n)d.") % {"n": invitations},
                    _("Audit events whose IP address, browser and page were erased: %(n)d.") % {"n": traces},
                    _("E-mails to the address erased (queued ones cancelled): %(n)d.") % {"n": emails},
                    _("Personal data exports whose file was erased: %(n)d.") % {"n": exports},
                ],
            )
        ),
        request=request,
    )
    return user


def _end_roles(*, actor, user, reason, request):
    """End the anonymized person's committee posts and representation, as their committees and organization would.

    The rows stay as history under the anonymized name; the organization's primary contact passes to the
    longest-serving representative who remains (``representative_remove``).
    """
    if reason:
        ended_because = _("Cancellation of personal data: %(reason)s") % {"reason": reason}
    else:
        ended_because = _("Cancellation of personal data.")
    posts_end_for_holder(actor=actor, holder=user, reason=ended_because, request=request)
    for representation in Representative.objects.current().filter(user=user):
        representative_remove(actor=actor, representative=representation, reason=ended_because, request=request)


def require_cancelled_before_granted(rights_request, outcome):
    """A cancellation is granted (in whole or part) only once the person is anonymized, i.e. by ``request_cancel``."""
    if rights_request.right != RightsRequest.Right.CANCELLATION or outcome == RightsRequest.Outcome.DENIED:
        return
    person = person_of(rights_request)
    if person is not None and not is_anonymized(person):
        raise ValidationError(
            {
                "outcome": _(
                    "A cancellation is granted by anonymizing the person: use "
                    '"Anonymize the person and answer", or deny it with the legal reason.'
                )
            },
            code="cancellation_not_done",
        )


@transaction.atomic
def request_cancel(*, actor, rights_request, answer, legal_reason="", request=None):
    """Answer a cancellation: anonymize the person, then answer granted, or partly granted naming what the law keeps."""
    from .requests import request_answer

    if not can_handle_requests(actor):
        raise PermissionDenied
    if rights_request.right != RightsRequest.Right.CANCELLATION:
        raise ValidationError(_("Only a request of cancellation anonymizes the person."), code="not_cancellation")
    if rights_request.status not in (RightsRequest.Status.IDENTITY_VERIFIED, RightsRequest.Status.IN_PROGRESS):
        raise ValidationError(_("The identity must be verified before the data are cancelled."), code="wrong_status")
    person = person_of(rights_request)
    kept = legal_records_of(person) if person is not None else []
    if kept and not legal_reason.strip():
        raise ValidationError(
            {
                "legal_reason": _(
                    "The person appears in records the law obliges us to keep (%(records)s): say which duty "
                    "applies; the answer tells the person."
                )
                % {"records": "; ".join(kept)}
            },
            code="legal_record",
        )
    if person is not None:
        person_anonymize(actor=actor, user=person, request=request, reason=rights_request.number)
    outcome = RightsRequest.Outcome.PARTLY_GRANTED if kept else RightsRequest.Outcome.GRANTED
    if kept:
        with translation.override(rights_request.language):  # the answer is written in the person's language
            kept_here = "; ".join(legal_records_of(person))
            legal_reason = f"{legal_reason.strip()}\n" + _("Records kept: %(records)s.") % {"records": kept_here}
    return request_answer(
        actor=actor,
        rights_request=rights_request,
        outcome=outcome,
        answer=answer,
        legal_reason=legal_reason,
        request=request,
    )
