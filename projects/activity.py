"""A proposal's activity stream: comments, workflow steps, edits and evaluations in one timeline.

Read from the rows that already hold the history (comments, status changes, evaluations, the audit
trail); nothing is copied. Who sees what follows ``projects.permissions``: internal comments and the
evaluation's steps only reach staff, the committee's chair and the assigned evaluators. Scores are
never shown here, nor anything of a ballot (its papers are not the proposal's history).
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from audit.labels import readable_changes
from audit.models import AuditEvent
from audit.selectors import events_for

from . import permissions, selectors
from .models import CommentVisibility, EvaluationStatus

# Audit actions shown as edits; status changes come from the proposal's own transitions.
EDIT_ACTIONS = (
    AuditEvent.Action.CREATED,
    AuditEvent.Action.UPDATED,
    "projects.attachment_added",
    "projects.attachment_removed",
    "projects.published",
    "projects.unpublished",
)
LIMIT = 200


@dataclass
class Item:
    kind: str  # comment, step, edit, evaluation
    when: datetime
    who: str
    text: str = ""
    detail: str = ""
    internal: bool = False
    fields: list = field(default_factory=list)


def activity_stream(user, proposal, *, limit=LIMIT, transitions=None, evaluations=None):
    """Return the latest items the person may see, oldest first.

    A page that shows the status changes or the evaluations itself passes the lists it read
    (``selectors.proposal_transitions``, ``selectors.proposal_evaluation_history``), so they are read once.
    """
    if transitions is None:
        transitions = selectors.proposal_transitions(proposal)[:limit]
    internal = permissions.can_read_internal(user, proposal)
    items = []
    comments = proposal.comments.select_related("author").order_by("-created_at", "-id")
    if not internal:
        comments = comments.filter(visibility=CommentVisibility.SHARED)
    for comment in comments[:limit]:
        items.append(
            Item(
                "comment",
                comment.created_at,
                comment.author.full_name,
                text=comment.text,
                internal=comment.visibility == CommentVisibility.INTERNAL,
                detail=_("on version %(number)s") % {"number": comment.version} if comment.version else "",
            )
        )
    for step in list(transitions)[:limit]:
        items.append(
            Item(
                "step",
                step.created_at,
                step.actor.full_name,
                text=step.reason,
                detail=_("%(from)s → %(to)s")
                % {"from": step.get_from_status_display(), "to": step.get_to_status_display()},
            )
        )
    edits = events_for(proposal).filter(action__in=EDIT_ACTIONS).order_by("-created_at", "-id")[:limit]
    for event in readable_changes(edits):
        items.append(
            Item(
                "edit",
                event.created_at,
                event.actor.full_name if event.actor_id else event.actor_repr,
                detail=str(event.action_label),
                fields=[str(name) for name, _before, _after in event.readable_changes],
            )
        )
    if internal:
        if evaluations is None:
            evaluations = selectors.proposal_evaluation_history(proposal)[:limit]
        items += _evaluation_items(list(evaluations)[:limit])
    items.sort(key=lambda item: item.when)
    return items[-limit:]


def _evaluation_items(evaluations):
    items = []
    for evaluation in evaluations:
        name = evaluation.evaluator.full_name
        due = (
            _("due on %(date)s") % {"date": date_format(evaluation.due_on, "SHORT_DATE_FORMAT")}
            if evaluation.due_on is not None
            else ""
        )
        items.append(
            Item(
                "evaluation",
                evaluation.assigned_at,
                name,
                detail=_("Evaluator assigned"),
                text=due,
                internal=True,
            )
        )
        if evaluation.declared_at and evaluation.status == EvaluationStatus.CONFLICT:
            items.append(
                Item(
                    "evaluation",
                    evaluation.declared_at,
                    name,
                    detail=_("Declared a conflict of interest"),
                    internal=True,
                )
            )
        if evaluation.submitted_at:
            items.append(
                Item("evaluation", evaluation.submitted_at, name, detail=_("Evaluation submitted"), internal=True)
            )
    return items
