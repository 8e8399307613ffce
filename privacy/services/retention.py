"""The retention job: anonymize the personal data kept longer than staff set, and record what it did.

Safe to run twice: what is anonymized no longer matches. Rows stay (counts and history hold); only the
fields that identify a person are replaced.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import PERSONAL_PART_ACTIONS, AuditEvent
from audit.services import audit_record, changes_between, personal_parts_erase, snapshot
from axs_platform.outbox import recipients_erase
from companies.models import Invitation
from surveys.models import AnonymousDraft, Survey, SurveyInvitation
from surveys.services import invitation_contacts_erase

from ..documents import exports_erase
from ..models import RequestPause, RetentionRule, RetentionRun, RightsRequest
from ..permissions import can_handle_requests
from ..selectors import exports_about

ANONYMIZED_DOMAIN = "@anonimizada.invalid"


def _unaccepted_invitations(cutoff, *, now):
    due = Invitation.objects.filter(accepted_at__isnull=True).filter(
        Q(revoked_at__lt=cutoff) | Q(revoked_at__isnull=True, expires_at__lt=cutoff)
    )
    count = 0
    for invitation in due.exclude(email__endswith=ANONYMIZED_DOMAIN).only("pk"):
        Invitation.objects.filter(pk=invitation.pk).update(
            email=f"invitacion-{invitation.pk}{ANONYMIZED_DOMAIN}",
            full_name=f"Persona anonimizada (invitación #{invitation.pk})",
            job_title="",
        )
        count += 1
    return count


def _blanked(text):
    """Free text that may name or describe the person: replaced, never emptied (a denial keeps a legal reason)."""
    return _("(anonymized by the retention rule)") if text else ""


# Security records the rule ``security_events`` erases: failed sign-ins, reset requests and failed identity checks
# of personal data requests (the link typed and the IP address of someone who may have no account).
SECURITY_ACTIONS = (*sorted(PERSONAL_PART_ACTIONS), "privacy.identity_check_failed")


def _anonymize_request(rights_request):
    """Replace a request's account, name, address and every free text (details, answer, reasons, pauses)."""
    RightsRequest.objects.filter(pk=rights_request.pk).update(
        full_name=f"Persona anonimizada (solicitud #{rights_request.pk})",
        email=f"solicitud-{rights_request.pk}{ANONYMIZED_DOMAIN}",
        details=_("(anonymized by the retention rule)"),
        answer=_blanked(rights_request.answer),
        legal_reason=_blanked(rights_request.legal_reason),
        extension_reason=_blanked(rights_request.extension_reason),
        withdrawal_reason=_blanked(rights_request.withdrawal_reason),
        requester=None,
        verification_nonce="",
    )
    RequestPause.objects.filter(request_id=rights_request.pk).update(
        what_is_missing=_("(anonymized by the retention rule)")
    )


def _erase_event_parts(request_ids):
    """Erase the personal parts (hashed address, IP address, browser) of the events of these requests."""
    request_type = ContentType.objects.get_for_model(RightsRequest)
    ids = [str(pk) for pk in request_ids]
    personal_parts_erase(events=AuditEvent.objects.filter(target_type=request_type, target_id__in=ids))


Status = RightsRequest.Status
_REQUEST_TEXTS = ("pk", "status", "answer", "legal_reason", "extension_reason", "withdrawal_reason")


def _closed_requests(cutoff, *, now):
    """Anonymize closed requests: account, name, address and every free text (details, answer, reasons, pauses).

    The audit events of the request never held these texts (only that one was given), nor the address in clear;
    the personal parts of its events (the hashed address it was filed or refused under, IP address, browser)
    are erased with it.
    """
    closed = [Status.ANSWERED, Status.WITHDRAWN, Status.NOT_COMPLETED, Status.SUPERSEDED]
    due = RightsRequest.objects.filter(status__in=closed)
    due = due.filter(Q(answered_at__lt=cutoff) | Q(answered_at__isnull=True, received_at__lt=cutoff))
    anonymized = []
    for rights_request in due.exclude(email__endswith=ANONYMIZED_DOMAIN).only(*_REQUEST_TEXTS):
        _anonymize_request(rights_request)
        anonymized.append(rights_request.pk)
    _erase_event_parts(anonymized)
    # Their access exports are copies of personal data: the files go, the rows stay (the request's history).
    exports_erase(exports_about(requests=RightsRequest.objects.filter(pk__in=anonymized)))
    return len(anonymized)


def _unconfirmed_requests(cutoff, *, now):
    """Close as expired the requests received before the cutoff whose address nobody confirmed, and anonymize them.

    Only requests still "received" and never verified: filed without an account, the link never opened, staff never
    checked the identity by other means. The request stays (its number, right, dates and the step that closed it,
    recorded as an event by the platform); nobody is e-mailed, since the address was never shown to be the person's.
    """
    due = RightsRequest.objects.select_for_update().filter(
        status=RightsRequest.Status.RECEIVED, identity_verified_at__isnull=True, received_at__lt=cutoff
    )
    expired = []
    for rights_request in due.only(*_REQUEST_TEXTS):
        RightsRequest.objects.filter(pk=rights_request.pk).update(status=RightsRequest.Status.EXPIRED, closed_at=now)
        _anonymize_request(rights_request)
        audit_record(
            actor=None,
            action="privacy.expired",
            target=RightsRequest.objects.get(pk=rights_request.pk),
            changes={"status": [RightsRequest.Status.RECEIVED, RightsRequest.Status.EXPIRED]},
        )
        expired.append(rights_request.pk)
    _erase_event_parts(expired)
    return len(expired)


def _closed_survey_drafts(cutoff, *, now):
    """Delete the sealed drafts of anonymous surveys closed before the cutoff; they can never be submitted.

    A draft names nobody and was never part of the results, so it goes (no history is lost); the
    invitations forget that they had one. Returns how many drafts went.
    """
    closed = Survey.objects.filter(is_anonymous=True, closes_at__lt=cutoff)
    deleted, _by_model = AnonymousDraft.objects.filter(survey__in=closed).delete()
    SurveyInvitation.objects.filter(survey__in=closed).exclude(draft_check="").update(draft_check="")
    return deleted


def _security_events(cutoff, *, now):
    """Erase the address typed, IP address and browser of failed sign-ins and checks (``SECURITY_ACTIONS``).

    The events stay in the chain with the digest of what was erased, so the verification still passes.
    Never within the sign-in throttle's window, which counts by them.
    """
    window = datetime.timedelta(seconds=settings.AXS_LOGIN_FAILURE_WINDOW_SECONDS)
    before = min(cutoff, now - window)
    return personal_parts_erase(events=AuditEvent.objects.filter(action__in=SECURITY_ACTIONS, created_at__lt=before))


def _survey_contacts(cutoff, *, now):
    """Detach the people invited to surveys closed before the cutoff; the invitations stay, so rates hold."""
    return invitation_contacts_erase(closed_before=cutoff)


def _sent_emails(cutoff, *, now):
    """Erase recipients, subject and text of e-mails sent or failed before the cutoff; kind, times and counts stay."""
    return recipients_erase(finished_before=cutoff)


def _web_traces(cutoff, *, now):
    """Erase the IP address, browser and page of the other events recorded through the web before the cutoff.

    Every audited web step keeps them beside the chain (``audit.EventPersonalPart``): the events stay with their
    digest, so the verification still passes. Security records and the events of personal data requests have
    their own rules (``security_events``, ``closed_requests``): an open request keeps its steps' traces.
    """
    request_type = ContentType.objects.get_for_model(RightsRequest)
    events = AuditEvent.objects.filter(created_at__lt=cutoff).exclude(action__in=SECURITY_ACTIONS)
    return personal_parts_erase(events=events.exclude(target_type=request_type))


# Every rule is called with its cutoff and the run's moment (only the security rule needs the latter).
APPLIERS = {
    RetentionRule.Kind.UNACCEPTED_INVITATIONS: _unaccepted_invitations,
    RetentionRule.Kind.CLOSED_REQUESTS: _closed_requests,
    RetentionRule.Kind.CLOSED_SURVEY_DRAFTS: _closed_survey_drafts,
    RetentionRule.Kind.SURVEY_CONTACTS: _survey_contacts,
    RetentionRule.Kind.SECURITY_EVENTS: _security_events,
    RetentionRule.Kind.SENT_EMAILS: _sent_emails,
    RetentionRule.Kind.UNCONFIRMED_REQUESTS: _unconfirmed_requests,
    RetentionRule.Kind.WEB_TRACES: _web_traces,
}


@transaction.atomic
def retention_apply(*, now=None):
    """Apply every rule in force once; record the run and an audit event with the counts."""
    now = now or timezone.now()
    results = {}
    for kind, keep_days in sorted(RetentionRule.in_force().items()):
        results[kind] = APPLIERS[kind](now - datetime.timedelta(days=keep_days), now=now)
    run = RetentionRun.objects.create(results=results)
    audit_record(
        actor=None, action="privacy.retention_run", target=run, changes={k: [None, v] for k, v in results.items()}
    )
    return run


@transaction.atomic
def retention_rule_set(*, actor, kind, keep_days, active=True, request=None):
    """Create or change the term of one kind of data."""
    if not can_handle_requests(actor):
        raise PermissionDenied
    if kind not in RetentionRule.Kind.values:
        raise ValidationError({"kind": _("Choose a kind of data from the list.")})
    rule = RetentionRule.objects.select_for_update().filter(kind=kind).first()
    before = snapshot(rule, ["keep_days", "active"]) if rule else {}
    rule = rule or RetentionRule(kind=kind)
    rule.keep_days, rule.active = keep_days, active
    rule.full_clean()
    rule.save()
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATED if before else AuditEvent.Action.CREATED,
        target=rule,
        changes=changes_between(before, snapshot(rule, ["keep_days", "active"])),
        request=request,
    )
    return rule
