"""Filing a personal data request: who the person is, a duplicate refused, the notice they were shown."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from audit.identifiers import sign_in_identifier
from audit.services import audit_record

from .. import rectification
from ..calendar import due_date_of
from ..models import DeadlinePolicy, RequestPause, RightsRequest
from . import notify
from .acknowledgements import notice_acknowledge
from .actions import FILED_SIGNED_IN, SUPERSEDED
from .requests import Status, _locked, _move, _verify, open_duplicate, record_duplicate_refused


def _refuse_duplicate(duplicate, *, actor, email, request):
    """Record the refused duplicate (outside the failed transaction, so the record stays) and say why."""
    record_duplicate_refused(duplicate, actor=actor, email=email, request=request)
    raise ValidationError(
        _(
            "You already have an open request for this right (%(number)s, received on %(day)s). "
            "We answer it within its term; to add something, reply to our e-mail or withdraw it first."
        )
        % {"number": duplicate.number, "day": duplicate.received_on.strftime("%Y-%m-%d")},
        code="duplicate",
    )


@transaction.atomic
def _supersede(unconfirmed, *, actor, request):
    """Anyone may type an address without an account: its owner's signed-in filing closes that request, recorded."""
    unconfirmed = _locked(unconfirmed)
    RequestPause.objects.filter(request=unconfirmed, completed_on=None).update(completed_on=timezone.localdate())
    reason = _(SUPERSEDED)
    _move(unconfirmed, actor=actor, to_status=Status.SUPERSEDED, action="privacy.superseded", reason=reason,
          request=request, notify_person=False, free_text=False)  # fmt: skip


def request_file(
    *,
    user,
    right,
    details,
    channel,
    full_name="",
    email="",
    language=None,
    rectify_fields=(),
    notice_shown=None,
    request=None,
):
    """File a request; a signed-in person is identified by their account, anyone else by an e-mailed link.

    Only a confirmed identity counts: a signed-in person's second open request for the same right is refused, and
    the refusal recorded; their filing supersedes the unconfirmed ones typed under their address. Signed out, the
    answer is always the e-mailed link, whatever the address has open (the page must not tell a stranger): a
    duplicate is refused when the link is confirmed, to the address's owner (``identity_verify_by_link``).
    A rectification names the data to correct (``rectify_fields``, keys of ``privacy.rectification``).
    ``notice_shown`` is what the form posted as the notice it showed (``axs_platform.notices.shown``); it is
    recorded with the request (``notice_acknowledge``), in the same transaction.
    """
    rectify_fields = rectification.clean_keys(right, rectify_fields)
    signed_in = user is not None and user.is_authenticated
    actor = user if signed_in else None
    if signed_in:
        full_name, email, language = user.full_name, user.email, user.preferred_language
    email = User.objects.normalize_email(email)
    language = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    if channel == RightsRequest.Channel.PLATFORM and not signed_in:
        raise ValidationError(
            {"channel": _("Sign in to receive the answer on the platform, or choose another channel.")}
        )
    supersede = []
    if signed_in:
        duplicate = open_duplicate(email, right)
        if duplicate is not None:
            _refuse_duplicate(duplicate, actor=actor, email=email, request=request)
        supersede = list(RightsRequest.objects.filter(
            email__iexact=email, right=right, status__in=RightsRequest.OPEN, identity_verified_at=None
        ))  # fmt: skip
    try:
        return _file(
            actor=actor,
            full_name=full_name,
            email=email,
            language=language,
            right=right,
            details=details,
            channel=channel,
            rectify_fields=rectify_fields,
            request=request,
            supersede=supersede,
            notice_shown=notice_shown,
        )
    except IntegrityError:
        # Two requests raced past the check: the database's unique constraint kept one.
        _refuse_duplicate(open_duplicate(email, right), actor=actor, email=email, request=request)


@transaction.atomic
def _file(
    *, actor, full_name, email, language, right, details, channel, rectify_fields, request, supersede, notice_shown
):
    for unconfirmed in supersede:  # in the filing's transaction: a refused filing leaves them open
        _supersede(unconfirmed, actor=actor, request=request)
    signed_in = actor is not None
    policy = DeadlinePolicy.current()
    rights_request = RightsRequest(
        requester=actor,
        full_name=full_name.strip(),
        email=email,
        language=language,
        right=right,
        details=details.strip(),
        rectify_fields=rectify_fields,
        channel=channel,
        received_on=timezone.localdate(),
        term_days=policy.answer_days,
        verification_nonce="" if signed_in else secrets.token_hex(16),
    )
    rights_request.full_clean(exclude=["due_on"], validate_constraints=False)
    rights_request.due_on = due_date_of(rights_request)
    rights_request.save()
    audit_record(
        actor=actor,
        action="privacy.filed",
        target=rights_request,
        request=request,
        identifier=sign_in_identifier(email),
        changes={"status": [None, Status.RECEIVED]},
    )
    notice_acknowledge(point="rights_request", shown=notice_shown, target=rights_request, person=actor)
    # One e-mail at filing: the status with the due date when the account identifies the person, else the
    # link that confirms the address (it names the request and its number too).
    if signed_in:
        _verify(rights_request, actor=actor, reason=_(FILED_SIGNED_IN), request=request)
    else:
        notify.send_verification(rights_request)
    return rights_request
