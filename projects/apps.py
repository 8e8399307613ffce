from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# How the audit trail names the actions this app records.
AUDIT_ACTIONS = {
    "projects.attachment_added": _("Attachment added"),
    "projects.attachment_removed": _("Attachment removed"),
    "projects.ballot_cancelled": _("Ballot cancelled"),
    "projects.ballot_closed": _("Ballot closed"),
    "projects.ballot_created": _("Ballot created"),
    "projects.ballot_opened": _("Ballot opened"),
    "projects.ballot_result_settled": _("Ballot result settled by a runoff"),
    "projects.conflict_declared": _("Conflict of interest declared"),
    "projects.no_conflict_declared": _("No conflict of interest declared"),
    "projects.evaluator_assigned": _("Evaluator assigned"),
    "projects.evaluator_unassigned": _("Evaluator unassigned"),
    "projects.partner_accepted": _("Consortium invitation accepted"),
    "projects.partner_declined": _("Consortium invitation declined"),
    "projects.partner_invited": _("Partner invited to the consortium"),
    "projects.partner_removed": _("Partner removed from the consortium"),
    "projects.english_changed": _("English title and summary changed"),
    "projects.published": _("Project published"),
    "projects.unpublished": _("Project unpublished"),
    "projects.round_closed": _("Selection round closed"),
    "projects.round_opened": _("Selection round opened"),
    "projects.tie_settled": _("Tie settled"),
    "projects.vote_changed": _("Vote changed"),
    "projects.voted": _("Vote cast"),
}


class ProjectsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "projects"
    verbose_name = _("Projects")

    def ready(self):
        from audit.labels import register_actions
        from audit.sealing import register as register_sealed
        from documents.registry import register
        from notifications.follows import register as register_followable

        from .documents import ballot_results, fact_sheet, public_fact_sheet
        from .exports import proposal_export
        from .models import Ballot, BallotStatus, Proposal
        from .permissions import can_follow_proposal, can_view_proposal
        from .search_kinds import register_kinds

        register(fact_sheet)
        register(public_fact_sheet)
        register(ballot_results)
        register(proposal_export)
        register_followable(Proposal, may_follow=can_follow_proposal, may_see=can_view_proposal)
        register_kinds()
        register_actions(AUDIT_ACTIONS)
        register_sealed(
            Ballot,
            frozen=lambda: Ballot.objects.filter(status=BallotStatus.CLOSED).order_by("id"),
            label=_("Ballot"),
        )
