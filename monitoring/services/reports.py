"""The life of a progress report: start (or correct), save, add evidence, submit, approve or return.

Each step locks the report, checks who acts and from which status, records the step (who, when,
from, to, why) in the report's history and the audit trail.
"""

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Max, Min
from django.db.models.functions import Coalesce, Least, TruncDate
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from audit.services import audit_record
from axs_platform import fragments
from axs_platform.uploads import UploadValidator
from projects.models import Contribution
from projects.services import public_fact_sheet_refresh

from .. import permissions, selectors
from ..models import (
    OPEN_STATUSES,
    ContributionDelivery,
    Evidence,
    Milestone,
    Period,
    Report,
    ReportEvent,
    ReportStatus,
    ReportValue,
)
from . import notify
from .common import locked_implementation, locked_report, require, to_amount, typed_parts, typed_value
from .progress import progress_refresh

EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
evidence_validator = UploadValidator(("pdf", "png", "jpeg", "webp", "docx", "xlsx"), EVIDENCE_MAX_BYTES, "evidence")

S = ReportStatus


def _step(report, *, actor, from_status, to_status, reason="", request=None, action):
    ReportEvent.objects.create(report=report, from_status=from_status, to_status=to_status, actor=actor, reason=reason)
    audit_record(
        actor=actor,
        action=action,
        target=report,
        changes={"status": [from_status or None, to_status]},
        message=reason,
        request=request,
    )


def _require_unchanged(report, opened_at):
    """Refuse a write from a form opened before someone else's save; ``opened_at`` None skips the check.

    The form carries the ``updated_at`` it was opened with: the later of two people editing one report
    would otherwise wipe the other's changes without either knowing.
    """
    if opened_at is None:
        return
    if isinstance(opened_at, str):
        try:
            opened_at = datetime.datetime.fromisoformat(opened_at.strip())
        except ValueError:
            opened_at = None
    if opened_at != report.updated_at:
        raise ValidationError(
            _(
                "Someone else changed this report since you opened it. What you typed is still below and was "
                "not saved; review your changes against theirs (open the report in another tab to see them) and "
                "save again to keep yours."
            ),
            code="changed_meanwhile",
        )


def _require_editable(report):
    if report.status == S.APPROVED:
        raise ValidationError(
            _("An approved report is frozen. To correct it, start a correction: a new version approved in turn."),
            code="frozen",
        )
    if report.status == S.SUBMITTED:
        raise ValidationError(
            _("This report was submitted and waits for approval; it can be changed only if it is returned."),
            code="submitted",
        )


# Starting, submitting and returning a report change no approved figure (``selectors.current_approved``), all
# that the public sees of monitoring: they bump MONITORING with public=False. Approving does not.
@fragments.changes(fragments.MONITORING, public=False)
@transaction.atomic
def report_start(*, actor, period, today=None, request=None):
    """Start the report of a period that has begun; after an approved one, a correction copying it, evidence too."""
    period = Period.objects.select_related("implementation__proposal").get(pk=period.pk)
    implementation = locked_implementation(period.implementation)
    require(permissions.can_report(actor, implementation))
    today = today or timezone.localdate()
    if period.starts_on > today:
        raise ValidationError(
            _("Period %(number)s starts on %(start)s; its report can be written once it has started.")
            % {"number": period.number, "start": date_format(period.starts_on, "SHORT_DATE_FORMAT")},
            code="period_not_started",
        )
    reports = period.reports.all()
    if reports.filter(status__in=OPEN_STATUSES).exists():
        raise ValidationError(_("This period already has a report in progress."), code="open_report_exists")
    latest = reports.filter(status=S.APPROVED).order_by("-version").first()
    version = (reports.aggregate(v=Max("version"))["v"] or 0) + 1
    report = Report.objects.create(period=period, version=version, created_by=actor)
    if latest is not None:
        for name in ("achievements", "difficulties", "next_steps", "budget_executed_mxn"):
            setattr(report, name, getattr(latest, name))
        report.save()
        report.milestones_reached.set(latest.milestones_reached.all())
        ReportValue.objects.bulk_create(
            ReportValue(
                report=report,
                indicator_id=v.indicator_id,
                number=v.number,
                yes_no=v.yes_no,
                text=v.text,
                disaggregation=v.disaggregation,
            )
            for v in latest.values.all()
        )
        ContributionDelivery.objects.bulk_create(
            ContributionDelivery(report=report, contribution_id=d.contribution_id, amount_mxn=d.amount_mxn, note=d.note)
            for d in latest.deliveries.all()
        )
        # The figures rest on the approved version's files: the correction's approver must see them too. New
        # rows over the same stored files, each still the uploader's; removing one from the correction keeps the file.
        Evidence.objects.bulk_create(
            Evidence(
                report=report,
                title=e.title,
                file=e.file.name,
                original_name=e.original_name,
                size=e.size,
                uploaded_by_id=e.uploaded_by_id,
                uploaded_at=e.uploaded_at,
            )
            for e in latest.evidence.all()
        )
    reason = _("Correction of version %(version)s") % {"version": latest.version} if latest else ""
    _step(report, actor=actor, from_status="", to_status=S.DRAFT, reason=reason, request=request,
          action="monitoring.report_started")  # fmt: skip
    return report


def _save_values(report, indicators, values, parts):
    errors, rows = {}, []
    for indicator in indicators:
        try:
            number, yes_no, text = typed_value(indicator, values.get(indicator.pk))
            split = typed_parts(indicator, number, parts.get(indicator.pk))
        except ValidationError as error:
            errors.update(error.message_dict)
            continue
        if number is None and yes_no is None and not text:
            continue
        rows.append(
            ReportValue(report=report, indicator=indicator, number=number, yes_no=yes_no, text=text,
                        disaggregation=split)
        )  # fmt: skip
    if errors:
        raise ValidationError(errors, code="bad_values")
    report.values.all().delete()
    ReportValue.objects.bulk_create(rows)


def _save_deliveries(report, proposal, deliveries):
    pledged = {c.pk: c for c in Contribution.objects.filter(member__proposal=proposal, member__status="accepted")}
    errors, rows = {}, []
    for contribution_id, (raw_amount, note) in deliveries.items():
        if contribution_id not in pledged:
            raise ValidationError(_("That contribution is not one of this project's."), code="foreign_contribution")
        field = f"delivered_{contribution_id}"
        try:
            amount = to_amount(raw_amount, field, negative_message=_("An amount delivered cannot be negative."))
        except ValidationError as error:
            errors.update(error.message_dict)
            continue
        note = (note or "").strip()
        if amount is not None or note:
            rows.append(ContributionDelivery(report=report, contribution_id=contribution_id, amount_mxn=amount,
                                             note=note[:500]))  # fmt: skip
    if errors:
        raise ValidationError(errors, code="bad_deliveries")
    report.deliveries.all().delete()
    ContributionDelivery.objects.bulk_create(rows)


@transaction.atomic
def report_save(
    *,
    actor,
    report,
    values=None,
    parts=None,
    achievements="",
    difficulties="",
    next_steps="",
    budget_executed_mxn=None,
    milestones=(),
    deliveries=None,
    opened_at=None,
    request=None,
):
    """Save a draft or returned report: ``values`` and ``parts`` map indicator ids to raw values.

    ``deliveries`` maps a pledged contribution's id to ``(amount, note)``. Nothing is saved if any
    value is refused; the errors name the fields (``value_<id>``, ``delivered_<id>``). ``opened_at``,
    the ``updated_at`` the form was opened with, refuses a save over someone else's (``changed_meanwhile``).
    """
    report = locked_report(report)
    implementation = report.period.implementation
    require(permissions.can_report(actor, implementation))
    _require_editable(report)
    _require_unchanged(report, opened_at)
    budget = to_amount(
        budget_executed_mxn, "budget_executed_mxn", negative_message=_("The budget executed cannot be negative.")
    )
    milestone_ids = {getattr(m, "pk", m) for m in milestones}
    own = set(implementation.milestones.filter(pk__in=milestone_ids).values_list("pk", flat=True))
    if own != milestone_ids:
        raise ValidationError(_("That milestone is not one of this project's."), code="foreign_milestone")
    _save_values(report, list(implementation.indicators.all()), values or {}, parts or {})
    _save_deliveries(report, implementation.proposal, deliveries or {})
    report.achievements = (achievements or "").strip()
    report.difficulties = (difficulties or "").strip()
    report.next_steps = (next_steps or "").strip()
    report.budget_executed_mxn = budget
    report.save()
    report.milestones_reached.set(milestone_ids)
    audit_record(actor=actor, action="monitoring.report_saved", target=report, request=request)
    return report


@transaction.atomic
def evidence_add(*, actor, report, title, upload, request=None):
    """Attach a file to a draft or returned report, after the one upload check (type by content, size)."""
    report = locked_report(report)
    require(permissions.can_report(actor, report.period.implementation))
    _require_editable(report)
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Give the file a title.")}, code="title_required")
    try:
        evidence_validator(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}, code=error.code) from None
    evidence = Evidence.objects.create(
        report=report,
        title=title[:255],
        file=upload,
        original_name=upload.name[:255],
        size=upload.size,
        uploaded_by=actor,
    )
    audit_record(actor=actor, action="monitoring.evidence_added", target=report, message=title, request=request)
    return evidence


def evidence_removable(evidence):
    """A file may be removed while no approver has seen it: editable report, added after the last submission."""
    report = evidence.report
    if report.status not in OPEN_STATUSES or report.status == S.SUBMITTED:
        return False
    return report.submitted_at is None or evidence.uploaded_at > report.submitted_at


@transaction.atomic
def evidence_remove(*, actor, evidence, request=None):
    """Remove a file from a draft (or a returned report, if added after it came back) that no approver has seen.

    The row goes, and the stored file with it unless another report's evidence still uses it (a correction
    carries the approved version's files): a file never submitted is no part of the report's history. The
    audit trail records the removal (title and file name) on the report.
    """
    report = locked_report(evidence.report)
    require(permissions.can_report(actor, report.period.implementation))
    evidence = Evidence.objects.select_related("report").get(pk=evidence.pk, report=report)
    if not evidence_removable(evidence):
        raise ValidationError(
            _("This file was submitted with the report; it stays as part of the report's history."),
            code="evidence_submitted",
        )
    message = f"{evidence.title} ({evidence.original_name})"
    stored = evidence.file
    evidence.delete()
    if stored and not Evidence.objects.filter(file=stored.name).exists():
        storage, name = stored.storage, stored.name
        transaction.on_commit(lambda: storage.delete(name))
    audit_record(actor=actor, action="monitoring.evidence_removed", target=report, message=message, request=request)


@fragments.changes(fragments.MONITORING, public=False)
@transaction.atomic
def report_submit(*, actor, report, reply="", opened_at=None, request=None):
    """Submit a draft or returned report with a value for every indicator and its achievements.

    A returned report goes back only with a ``reply`` to the approver's comments, kept as the step's
    reason in its history. ``opened_at``, when given, refuses to submit a report someone else changed
    since (``changed_meanwhile``).
    """
    report = locked_report(report)
    implementation = report.period.implementation
    require(permissions.can_report(actor, implementation))
    _require_editable(report)
    _require_unchanged(report, opened_at)
    reported = set(report.values.values_list("indicator_id", flat=True))
    missing = [i.name for i in implementation.indicators.all() if i.pk not in reported]
    errors = {}  # everything missing at once, not one refusal per try
    if missing:
        errors[NON_FIELD_ERRORS] = ValidationError(
            _("Report a value for every indicator before submitting; missing: %(names)s.")
            % {"names": "; ".join(missing)},
            code="values_missing",
        )
    if not report.achievements:
        errors["achievements"] = ValidationError(_("Describe the period's achievements."), code="achievements_missing")
    reply = (reply or "").strip() if report.status == S.RETURNED else ""
    if report.status == S.RETURNED and not reply:
        errors["reply"] = ValidationError(
            _("Reply to the comments the report was returned with: say what you changed, or why not."),
            code="reply_required",
        )
    if errors:
        raise ValidationError(errors)
    from_status = report.status
    report.status = S.SUBMITTED
    report.submitted_by = actor
    report.submitted_at = timezone.now()
    report.decided_by = None
    report.decided_at = None
    report.save()
    progress_refresh(implementation=implementation)
    _step(report, actor=actor, from_status=from_status, to_status=S.SUBMITTED, reason=reply, request=request,
          action="monitoring.report_submitted")  # fmt: skip
    notify.report_submitted(report)
    return report


def _require_decidable(actor, report):
    require(permissions.can_approve(actor, report.period.implementation))
    if report.status != S.SUBMITTED:
        raise ValidationError(
            _("Only a submitted report can be approved or returned; this one is “%(status)s”.")
            % {"status": report.get_status_display()},
            code="not_submitted",
        )
    if report.submitted_by_id == actor.pk:
        raise ValidationError(_("You submitted this report; someone else must approve or return it."), code="own")
    if permissions.speaks_for_the_reporter(actor, report.period.implementation):
        raise ValidationError(
            _("You represent the organization that reports; another approver must approve or return it."),
            code="own_organization",
        )
    if permissions.speaks_for_a_partner(actor, report.period.implementation):
        raise ValidationError(
            _(
                "You represent an organization of the project's consortium; "
                "someone outside the consortium must approve or return it."
            ),
            code="consortium_partner",
        )


@fragments.changes(fragments.MONITORING)
@transaction.atomic
def report_approve(*, actor, report, note="", request=None):
    """Approve a submitted report: it is frozen, and the milestones it reports are marked reached."""
    report = locked_report(report)
    _require_decidable(actor, report)
    report.status = S.APPROVED
    report.decided_by = actor
    report.decided_at = timezone.now()
    report.comments = ""
    report.save()
    milestones_sync(report.period.implementation)
    progress_refresh(implementation=report.period.implementation)
    note = (note or "").strip()
    _step(report, actor=actor, from_status=S.SUBMITTED, to_status=S.APPROVED, reason=note, request=request,
          action="monitoring.report_approved")  # fmt: skip
    notify.report_decided(report, "approved", note=note)
    public_fact_sheet_refresh(report.period.implementation.proposal, reason="monitoring.report_approved")
    return report


def milestones_sync(implementation):
    """Set each milestone reached on the earliest day a current approved report vouches for, else not reached.

    A report vouches for the end of its period, or for the day it was submitted when that came first
    (a report approved before its period ends must not date a milestone in the future). A correction
    replaces its period's approved version, so a milestone it no longer names is reached only if
    another period's approved report names it.
    """
    vouched = Least(
        "reports__period__ends_on", Coalesce(TruncDate("reports__submitted_at"), "reports__period__ends_on")
    )
    reached = dict(
        Milestone.objects.filter(
            implementation=implementation,
            reports__in=selectors.current_approved().filter(period__implementation=implementation),
        )
        .values_list("pk")
        .annotate(first=Min(vouched))
    )
    for milestone in implementation.milestones.all():
        day = reached.get(milestone.pk)
        if milestone.reached_on != day:
            Milestone.objects.filter(pk=milestone.pk).update(reached_on=day)


@fragments.changes(fragments.MONITORING, public=False)
@transaction.atomic
def report_return(*, actor, report, comments, request=None):
    """Return a submitted report to its reporters with comments on what should change."""
    report = locked_report(report)
    _require_decidable(actor, report)
    comments = (comments or "").strip()
    if not comments:
        raise ValidationError(
            {"comments": _("Say what should change; the reporters will read it.")}, code="comments_required"
        )
    report.status = S.RETURNED
    report.decided_by = actor
    report.decided_at = timezone.now()
    report.comments = comments
    report.save()
    progress_refresh(implementation=report.period.implementation)  # the period is no longer handed in
    _step(report, actor=actor, from_status=S.SUBMITTED, to_status=S.RETURNED, reason=comments, request=request,
          action="monitoring.report_returned")  # fmt: skip
    notify.report_decided(report, "returned")
    return report
