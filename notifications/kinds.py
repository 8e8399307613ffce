"""The kinds of event a person is told about, each with its label and the delivery it has by default.

A kind is a key stored on each notification and preference, not a database choice, so adding one is
a line here and no migration. Every kind starts as "e-mail at once", which is what the platform did
before the inbox; a kind whose e-mail the law or a deadline requires (``email_required``) cannot be
turned into a digest or inbox only.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    email_required: bool = False


SESSION = "session"
MINUTES = "minutes"
PROPOSAL = "proposal"
PARTNER = "partner"
COMMENT = "comment"
MENTION = "mention"
EVALUATION = "evaluation"
BALLOT = "ballot"
SURVEY = "survey"
REPORT = "report"  # reminders of a report due or overdue
REPORT_STEP = "report_step"  # a report submitted, approved or returned
PRIVACY = "privacy"

KINDS = {
    kind.key: kind
    for kind in (
        Kind(SESSION, _("Committee sessions scheduled, changed or cancelled")),
        Kind(MINUTES, _("Approved minutes")),
        Kind(PROPOSAL, _("Proposals: submission, review and decisions")),
        Kind(PARTNER, _("Invitations to join a consortium")),
        Kind(COMMENT, _("Comments on proposals")),
        Kind(MENTION, _("Mentions of you")),
        Kind(EVALUATION, _("Evaluations assigned to you and their reminders")),
        Kind(BALLOT, _("Committee ballots: opening and reminders")),
        Kind(SURVEY, _("Survey invitations and reminders")),
        Kind(REPORT, _("Progress reports due or overdue")),
        Kind(REPORT_STEP, _("Progress reports: submissions and decisions")),
        Kind(PRIVACY, _("Personal data requests"), email_required=True),
    )
}


def kind_label(key):
    """Return the label of a kind, or the key itself for a kind no longer listed."""
    kind = KINDS.get(key)
    return kind.label if kind else key
