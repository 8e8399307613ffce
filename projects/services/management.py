"""Staff's management of many proposals at once, their saved filters, and evaluation reminders.

A bulk action calls the same service as the one-proposal page for each proposal in turn, each in its
own transaction: one that cannot take the step is reported with the reason, and the others proceed.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from axs_platform import purposes
from axs_platform.permissions import is_staff_member
from notifications import kinds

from ..models import Evaluation, EvaluationStatus, Proposal, SavedFilter
from ..permissions import EVALUABLE
from ..triage.facets import base_proposals
from .common import notify, require
from .evaluation import evaluator_assign
from .workflow import proposal_transition

BULK_LIMIT = 500
EXPORT_LIMIT = 20000
REMIND_BEFORE_DAYS = 3
# An overdue evaluation is reminded once, if its due date passed within these days.
REMIND_AFTER_WINDOW_DAYS = 30


def _reason_of(error):
    if isinstance(error, PermissionDenied):
        return _("You may not do this with this proposal.")
    return " ".join(error.messages)


def _each(proposal_ids, step):
    """Run ``step(proposal)`` on each proposal; return ``(done, failed)``, failed as ``(proposal, reason)``.

    Only proposals submitted once are read (a draft is its consortium's alone). Ids that name none of
    them are reported in one ``(None, reason)`` entry that counts them, never naming a proposal.
    """
    ids = sorted(set(proposal_ids))
    if not ids:
        raise ValidationError(_("Tick at least one proposal."), code="nothing_selected")
    if len(ids) > BULK_LIMIT:
        raise ValidationError(_("Choose at most %(max)s proposals at a time.") % {"max": BULK_LIMIT}, code="too_many")
    done, failed = [], []
    proposals = list(base_proposals().filter(pk__in=ids).order_by("title", "id"))
    missing = len(ids) - len(proposals)
    if missing:
        failed.append(
            (
                None,
                ngettext(
                    "%(count)d chosen proposal cannot be found.", "%(count)d chosen proposals cannot be found.", missing
                )
                % {"count": missing},
            )
        )
    for proposal in proposals:
        try:
            step(proposal)
        except (ValidationError, PermissionDenied) as error:
            failed.append((proposal, _reason_of(error)))
        else:
            done.append(proposal)
    return done, failed


def bulk_evaluator_assign(*, actor, proposal_ids, evaluator, due_on=None, request=None, today=None):
    """Assign one evaluator, with a due date, to each chosen proposal; return ``(done, failed)``."""
    require(is_staff_member(actor))
    return _each(
        proposal_ids,
        lambda proposal: evaluator_assign(
            actor=actor, proposal=proposal, evaluator=evaluator, due_on=due_on, request=request, today=today
        ),
    )


def bulk_transition(*, actor, proposal_ids, action, reason="", request=None):
    """Move each chosen proposal one step with the same reason; return ``(done, failed)``."""
    require(is_staff_member(actor))
    return _each(
        proposal_ids,
        lambda proposal: proposal_transition(
            actor=actor, proposal=proposal, action=action, reason=reason, request=request
        ),
    )


@transaction.atomic
def saved_filter_save(*, owner, name, query):
    """Keep the list's query string under a name of the person's own (the same name replaces it)."""
    require(is_staff_member(owner))
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Name the filter.")}, code="name_required")
    if len(query) > 2000:
        raise ValidationError(_("These filters are too long to keep."), code="too_long")
    try:
        with transaction.atomic():
            saved, _created = SavedFilter.objects.update_or_create(owner=owner, name=name, defaults={"query": query})
    except IntegrityError as error:  # the same name saved at the same moment by another request
        raise ValidationError({"name": _("You already have a filter with this name.")}, code="duplicate") from error
    return saved


def saved_filter_delete(*, owner, saved_filter):
    """Forget one of the person's saved filters (a preference, with no history to keep)."""
    require(saved_filter.owner_id == owner.pk)
    saved_filter.delete()


def evaluation_reminders_due(*, today=None):
    """Remind evaluators of evaluations due soon or overdue, each reminder once; return ``(before, after)``.

    The row is claimed with a conditional update before the e-mail is queued in the same transaction,
    so a second run, or two at once, sends nothing more.
    """
    today = today or timezone.localdate()
    open_evaluations = Evaluation.objects.filter(
        status__in=(EvaluationStatus.ASSIGNED, EvaluationStatus.IN_PROGRESS), proposal__status__in=EVALUABLE
    )
    soon = open_evaluations.filter(
        reminded_before_at__isnull=True,
        due_on__gte=today,
        due_on__lte=today + datetime.timedelta(days=REMIND_BEFORE_DAYS),
    )
    late = open_evaluations.filter(
        reminded_after_at__isnull=True,
        due_on__lt=today,
        due_on__gte=today - datetime.timedelta(days=REMIND_AFTER_WINDOW_DAYS),
    )
    before = _remind(soon, "reminded_before_at", "evaluation_due_soon")
    after = _remind(late, "reminded_after_at", "evaluation_overdue")
    return before, after


def _remind(evaluations, stamp, template):
    sent = 0
    for pk in list(evaluations.values_list("pk", flat=True)):
        with transaction.atomic():
            claimed = Evaluation.objects.filter(pk=pk, **{f"{stamp}__isnull": True}).update(**{stamp: timezone.now()})
            if not claimed:
                continue
            evaluation = Evaluation.objects.select_related("proposal", "evaluator").get(pk=pk)
            if evaluation.evaluator.is_active:  # without an e-mail address, the inbox entry still tells them
                notify(
                    [evaluation.evaluator],
                    kind=kinds.EVALUATION,
                    template=template,
                    context={"proposal": evaluation.proposal, "evaluation": evaluation},
                    link=reverse("projects:evaluation", args=[evaluation.pk]),
                    purpose=purposes.REMINDERS,  # an evaluator who opposes reminders is not reminded
                )
            sent += 1
    return sent


def proposals_export(*, actor, proposal_ids, export_format, language, request=None):
    """Queue the export of the chosen proposals as a document job; return the document."""
    from documents.services import document_request

    from ..exports import PROPOSAL_EXPORT

    require(is_staff_member(actor))
    ids = sorted(set(proposal_ids))
    if not ids:
        raise ValidationError(_("Tick at least one proposal."), code="nothing_selected")
    if len(ids) > EXPORT_LIMIT:
        raise ValidationError(_("Export at most %(max)s proposals at a time.") % {"max": EXPORT_LIMIT}, code="too_many")
    ids = list(Proposal.objects.filter(pk__in=ids).exclude(version=0).values_list("pk", flat=True))
    return document_request(
        actor=actor,
        kind=PROPOSAL_EXPORT,
        language=language,
        params={"ids": sorted(ids), "format": "xlsx" if export_format == "xlsx" else "csv"},
        request=request,
    )
