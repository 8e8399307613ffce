"""The life of a personal data request: identity, pauses, extension, answer, withdrawal (filing: ``filing.py``).

Every step is an audit event on the request (who, when, why) and an e-mail to the person; reminders: ``reminders.py``.
"""

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.identifiers import sign_in_identifier
from audit.services import audit_record

from ..calendar import completion_due_of, due_date_of
from ..models import DeadlinePolicy, RequestPause, RightsRequest
from ..permissions import can_handle_requests, is_requester
from . import notify
from .actions import CONFIRMED_BY_LINK, LINK_EXPIRED, LINK_NOT_VALID, TEXT_GIVEN
from .anonymize import require_cancelled_before_granted
from .exports import require_export_before_granted

Status = RightsRequest.Status


def _locked(rights_request):
    return RightsRequest.objects.select_for_update().get(pk=rights_request.pk)


def _require_staff(actor):
    if not can_handle_requests(actor):
        raise PermissionDenied


def _require_status(rights_request, *allowed):
    if rights_request.status not in allowed:
        raise ValidationError(
            _("This cannot be done to a request that is “%(status)s”.")
            % {"status": rights_request.get_status_display()},
            code="wrong_status",
        )


def _require_reason(reason, field="reason"):
    if not (reason or "").strip():
        raise ValidationError({field: _("Say why: it is recorded and sent to the person.")}, code="reason_required")
    return reason.strip()


def _move(
    rights_request,
    *,
    actor,
    to_status,
    action,
    reason="",
    request=None,
    extra_changes=None,
    notify_person=True,
    free_text=True,
):
    """Change the status, recompute the due date, record the step and tell the person.

    A typed (``free_text``) reason goes to the person's e-mail, never into the audit message; fixed sentences do.
    """
    previous = rights_request.status
    rights_request.status = to_status
    if rights_request.is_open:
        rights_request.due_on = due_date_of(rights_request)
    elif previous in RightsRequest.OPEN:
        rights_request.closed_at = timezone.now()
    rights_request.save()
    changes = {"status": [previous, to_status], **(extra_changes or {})} if previous != to_status else extra_changes
    message = (TEXT_GIVEN if reason else "") if free_text else reason
    audit_record(actor=actor, action=action, target=rights_request, changes=changes, message=message, request=request)
    if notify_person:
        notify.send_status(rights_request, reason=reason)
    return rights_request


def _verify(rights_request, *, actor, reason, request=None):
    rights_request.identity_verified_at = timezone.now()
    rights_request.verification_nonce = ""
    return _move(
        rights_request,
        actor=actor,
        to_status=Status.IDENTITY_VERIFIED,
        action="privacy.identity_verified",
        reason=reason,
        request=request,
        free_text=False,
    )


def open_duplicate(email, right, *, excluding=None):
    """The open request of confirmed identity under this address for this right: only such a one is a duplicate."""
    found = RightsRequest.objects.filter(
        email__iexact=email, right=right, status__in=RightsRequest.OPEN, identity_verified_at__isnull=False
    )
    return (found.exclude(pk=excluding.pk) if excluding is not None else found).first()


def record_duplicate_refused(duplicate, *, actor, email, request):
    audit_record(
        actor=actor,
        action="privacy.duplicate_refused",
        target=duplicate,
        identifier=sign_in_identifier(email),
        request=request,
    )


def _refuse_confirming_a_duplicate(rights_request, duplicate, *, actor, request):
    """Confirming would give the address two open requests for one right: say which one is open (the reader is
    the address's owner, or staff); this one stays unconfirmed and lapses as any other."""
    record_duplicate_refused(duplicate, actor=actor, email=rights_request.email, request=request)
    raise ValidationError(
        _(
            "A request for this right is already open under this e-mail address (%(number)s, received on %(day)s). "
            "We answer it within its term; this new one stays unconfirmed. To add something, reply to our e-mail "
            "about the open one."
        )
        % {"number": duplicate.number, "day": duplicate.received_on.strftime("%Y-%m-%d")},
        code="duplicate",
    )


def _identity_failed(message, *, token, code, request):
    audit_record(
        actor=None,
        action="privacy.identity_check_failed",
        message=str(message),
        identifier=token[:254],
        request=request,
    )
    raise ValidationError(message, code=code)


def identity_verify_by_link(*, token, request=None):
    """Confirm the e-mail address of a request filed without signing in; a bad or old link is refused and recorded."""
    bad_link = _(LINK_NOT_VALID)
    try:
        data = signing.loads(token, salt=notify.VERIFY_SALT, max_age=settings.AXS_PRIVACY_VERIFY_SECONDS)
    except signing.SignatureExpired:
        _identity_failed(
            _(LINK_EXPIRED),
            token=token,
            code="expired",
            request=request,
        )
    except signing.BadSignature:
        _identity_failed(bad_link, token=token, code="bad_link", request=request)
    duplicate = None
    try:
        with transaction.atomic():
            rights_request = RightsRequest.objects.select_for_update().filter(pk=data.get("r")).first()
            if rights_request is not None and rights_request.identity_verified:
                return rights_request  # A second click on the same link: nothing more to do.
            valid = (
                rights_request is not None
                and rights_request.verification_nonce
                and rights_request.verification_nonce == data.get("n")
                and rights_request.status == Status.RECEIVED
            )
            duplicate = open_duplicate(rights_request.email, rights_request.right) if valid else None
            if valid and duplicate is None:
                return _verify(
                    rights_request,
                    actor=None,
                    reason=_(CONFIRMED_BY_LINK),
                    request=request,
                )
    except IntegrityError:
        # Two links of one address raced past the check: the database's unique constraint kept one.
        duplicate = open_duplicate(rights_request.email, rights_request.right)
    if duplicate is not None:  # recorded outside the transaction, so the record stays
        _refuse_confirming_a_duplicate(rights_request, duplicate, actor=None, request=request)
    _identity_failed(bad_link, token=token, code="bad_link", request=request)


@transaction.atomic
def identity_verify(*, actor, rights_request, reason, request=None):
    """Staff record that they checked the person's identity by other means (an ID shown in person)."""
    _require_staff(actor)
    rights_request = _locked(rights_request)
    _require_status(rights_request, Status.RECEIVED)
    reason = _require_reason(reason)
    duplicate = open_duplicate(rights_request.email, rights_request.right)
    if duplicate is not None:
        _refuse_confirming_a_duplicate(rights_request, duplicate, actor=actor, request=request)
    return _verify(rights_request, actor=actor, reason=reason, request=request)


@transaction.atomic
def request_start(*, actor, rights_request, reason="", request=None):
    _require_staff(actor)
    rights_request = _locked(rights_request)
    _require_status(rights_request, Status.IDENTITY_VERIFIED)
    return _move(
        rights_request,
        actor=actor,
        to_status=Status.IN_PROGRESS,
        action="privacy.started",
        reason=reason.strip(),
        request=request,
        free_text=False,
    )


@transaction.atomic
def request_ask_completion(*, actor, rights_request, what_is_missing, request=None):
    """Ask the person for what is missing; the legal clock stops until they complete it."""
    _require_staff(actor)
    rights_request = _locked(rights_request)
    _require_status(rights_request, Status.RECEIVED, Status.IDENTITY_VERIFIED, Status.IN_PROGRESS)
    what_is_missing = _require_reason(what_is_missing, "what_is_missing")
    today = timezone.localdate()
    complete_by = completion_due_of(today)
    RequestPause.objects.create(
        request=rights_request, asked_on=today, complete_by=complete_by, what_is_missing=what_is_missing
    )
    return _move(
        rights_request,
        actor=actor,
        to_status=Status.AWAITING_COMPLETION,
        action="privacy.asked_to_complete",
        reason=what_is_missing,
        request=request,
    )


@transaction.atomic
def request_complete(*, actor, rights_request, addition, request=None):
    """Add what was asked (the person, or staff for them); the clock runs again."""
    rights_request = _locked(rights_request)
    if not (can_handle_requests(actor) or is_requester(actor, rights_request)):
        raise PermissionDenied
    _require_status(rights_request, Status.AWAITING_COMPLETION)
    addition = _require_reason(addition, "addition")
    pause = rights_request.pauses.select_for_update().get(completed_on=None)
    pause.completed_on = timezone.localdate()
    pause.save(update_fields=["completed_on"])
    rights_request.details = f"{rights_request.details}\n\n[{pause.completed_on:%Y-%m-%d}] {addition}"
    to_status = Status.IN_PROGRESS if rights_request.identity_verified else Status.RECEIVED
    return _move(
        rights_request, actor=actor, to_status=to_status, action="privacy.completed", reason=addition, request=request
    )


@transaction.atomic
def request_extend(*, actor, rights_request, reason, request=None):
    """Extend the term once, by the policy's extension, for a recorded reason."""
    _require_staff(actor)
    rights_request = _locked(rights_request)
    _require_status(rights_request, *RightsRequest.OPEN)
    if rights_request.extension_days:
        raise ValidationError(_("The term of this request was already extended once."), code="already_extended")
    reason = _require_reason(reason)
    rights_request.extension_days = DeadlinePolicy.current().extension_days
    rights_request.extension_reason = reason
    before = rights_request.due_on
    rights_request.due_on = due_date_of(rights_request)
    return _move(
        rights_request,
        actor=actor,
        to_status=rights_request.status,
        action="privacy.extended",
        reason=reason,
        request=request,
        extra_changes={
            "due_on": [str(before) if before else None, str(rights_request.due_on) if rights_request.due_on else None]
        },
    )


@transaction.atomic
def request_answer(*, actor, rights_request, outcome, answer, legal_reason="", request=None):
    """Answer the request: granted, partly granted, or denied with its legal reason."""
    _require_staff(actor)
    rights_request = _locked(rights_request)
    _require_status(rights_request, Status.IDENTITY_VERIFIED, Status.IN_PROGRESS)
    answer = _require_reason(answer, "answer")
    require_cancelled_before_granted(rights_request, outcome)
    require_export_before_granted(rights_request, outcome)
    if outcome != RightsRequest.Outcome.GRANTED and not legal_reason.strip():
        raise ValidationError(
            {"legal_reason": _("Give the legal reason for not granting all that was asked.")},
            code="legal_reason_required",
        )
    return _close_answered(
        rights_request,
        actor=actor,
        outcome=outcome,
        answer=answer,
        legal_reason=legal_reason.strip(),
        action="privacy.answered",
        request=request,
    )


@transaction.atomic
def request_deny_unverified(*, actor, rights_request, answer, legal_reason, request=None):
    """Deny a request whose requester's identity could not be verified, with its legal reason.

    The law lets the unit refuse a request when it cannot confirm who asks; the refusal closes the request like
    any answer (recorded, e-mailed to the address given) instead of leaving it waiting for a check that failed.
    """
    _require_staff(actor)
    rights_request = _locked(rights_request)
    _require_status(rights_request, Status.RECEIVED)
    answer = _require_reason(answer, "answer")
    legal_reason = _require_reason(legal_reason, "legal_reason")
    return _close_answered(
        rights_request,
        actor=actor,
        outcome=RightsRequest.Outcome.DENIED,
        answer=answer,
        legal_reason=legal_reason,
        action="privacy.denied_unverified",
        request=request,
    )


def _close_answered(rights_request, *, actor, outcome, answer, legal_reason, action, request):
    """Record the answer on the request and move it to answered (the caller holds its lock)."""
    rights_request.outcome = outcome
    rights_request.answer = answer
    rights_request.legal_reason = legal_reason
    rights_request.answered_at = timezone.now()
    return _move(
        rights_request,
        actor=actor,
        to_status=Status.ANSWERED,
        action=action,
        reason=answer,
        request=request,
        extra_changes={"outcome": ["", outcome]},
    )


@transaction.atomic
def request_withdraw(*, actor, rights_request, reason, request=None):
    """Withdraw an open request (the person, or staff when the person asked them to)."""
    rights_request = _locked(rights_request)
    if not (can_handle_requests(actor) or is_requester(actor, rights_request)):
        raise PermissionDenied
    _require_status(rights_request, *RightsRequest.OPEN)
    reason = _require_reason(reason)
    RequestPause.objects.filter(request=rights_request, completed_on=None).update(completed_on=timezone.localdate())
    rights_request.withdrawal_reason = reason
    return _move(
        rights_request,
        actor=actor,
        to_status=Status.WITHDRAWN,
        action="privacy.withdrawn",
        reason=reason,
        request=request,
    )
