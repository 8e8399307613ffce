"""The home desk: for each person, counts of what waits on them, each linked to the list that shows it.

Like the admin dashboards of Decidim and CONSUL: staff see the whole alliance's queues; a chair, a
secretary, an evaluator and a representative see what waits on them. Every count is one aggregate
query of a selector in the app that owns the data, so a desk costs a fixed handful of queries.
This module sits at the top with ``axs_platform.views``: it may import every app.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from axs_platform.permissions import is_staff_member
from committees import desk as committee_desk
from committees.models import PostKind
from committees.permissions import current_organization, post_keys
from companies import desk as company_desk
from documents.selectors import failed_count
from privacy import desk as privacy_desk
from projects import desk as project_desk
from projects.permissions import conflicted_call_ids, is_evaluator


@dataclass(frozen=True)
class DeskCard:
    """One count on a desk: what it is, how many, and the filtered list that shows them."""

    title: str
    count: int
    url: str
    hint: str = ""

    @property
    def urgent(self):
        return self.count > 0


def _url(name, *args, **query):
    address = reverse(name, args=args)
    return f"{address}?{urlencode(query)}" if query else address


def staff_desk(user):
    """Return the staff desk: the alliance's queues (9 queries)."""
    projects = project_desk.review_counts()
    committees = committee_desk.counts()
    companies = company_desk.staff_counts()
    return [
        DeskCard(
            _("Proposals to review"),
            projects["proposals_to_review"],
            _url("projects:proposal-list", status="submitted"),
            _("Submitted and waiting for the committee's review."),
        ),
        DeskCard(
            _("Proposals waiting for evaluations"),
            project_desk.proposals_awaiting_evaluations(),
            _url("projects:proposal-list", evaluations="due"),
            _("With evaluations assigned and not submitted yet."),
        ),
        DeskCard(
            _("Ballots closing soon"),
            projects["ballots_closing_soon"],
            _url("projects:ballot-list", closing="soon"),
            _("Open ballots that close within 7 days."),
        ),
        DeskCard(
            _("Minutes to approve"),
            committees["minutes_to_approve"],
            _url("committees:session-list", actas="por-aprobar"),
            _("Drafts waiting for the chair's approval."),
        ),
        DeskCard(
            _("Overdue agreements"),
            committees["agreements_overdue"],
            _url("committees:agreement-list", overdue="on", status="open"),
            _("Open agreements past their due date."),
        ),
        DeskCard(
            _("Due diligence expiring"),
            companies["due_diligence_expiring"],
            _url("companies:directory", due_diligence="expiring"),
            _("Approved reviews that expire within 60 days."),
        ),
        DeskCard(
            _("Invitations not accepted"),
            companies["invitations_pending"],
            _url("companies:invitation-list"),
            _("Representatives invited who have not created their account."),
        ),
        DeskCard(
            _("Overdue personal data requests"),
            privacy_desk.staff_counts()["requests_overdue"],
            _url("privacy:queue", overdue="on"),
            _("ARCO and portability requests past their legal due date."),
        ),
        DeskCard(
            _("Documents that failed"),
            failed_count(user, all_documents=True),
            _url("documents:document-list", status="failed"),
            _("PDFs that could not be rendered: retry them."),
        ),
    ]


def chair_desk(committee_ids, excluded_call_ids=None):
    """Return what waits on a chair in the committees they chair (4 queries).

    ``excluded_call_ids``: the calls her organization competes in, whose proposals she may not review.
    """
    projects = project_desk.review_counts(committee_ids=committee_ids, excluded_call_ids=excluded_call_ids)
    committees = committee_desk.counts(committee_ids=committee_ids)
    return [
        DeskCard(
            _("Proposals to review"),
            projects["proposals_to_review"],
            _url("projects:proposal-list", status="submitted"),
            _("Submitted to your committee and waiting for its review."),
        ),
        DeskCard(
            _("Ballots closing soon"),
            projects["ballots_closing_soon"],
            _url("projects:ballot-list", closing="soon"),
            _("Your committee's open ballots that close within 7 days."),
        ),
        DeskCard(
            _("Minutes to approve"),
            committees["minutes_to_approve"],
            _url("committees:session-list", actas="por-aprobar"),
            _("Drafts the secretary wrote, waiting for your approval."),
        ),
        _overdue_card(committee_ids, committees["agreements_overdue"]),
    ]


def secretary_desk(committee_ids):
    """Return what waits on a secretary in their committees (2 queries)."""
    committees = committee_desk.counts(committee_ids=committee_ids)
    return [
        DeskCard(
            _("Minutes to write"),
            committees["minutes_to_write"],
            _url("committees:session-list", actas="por-redactar"),
            _("Sessions held in the last 90 days with no minutes yet: record attendance and draft them."),
        ),
        DeskCard(
            _("Minutes waiting for approval"),
            committees["minutes_to_approve"],
            _url("committees:session-list", actas="por-aprobar"),
            _("Drafts you wrote that the chair has not approved yet."),
        ),
        _overdue_card(committee_ids, committees["agreements_overdue"]),
    ]


def _overdue_card(committee_ids, count):
    if len(committee_ids) == 1:
        url = _url("committees:committee-agreements", next(iter(committee_ids)), overdue="on", status="open")
    else:
        url = _url("committees:my-committees")
    return DeskCard(_("Overdue agreements"), count, url, _("Your committee's open agreements past their due date."))


def evaluator_desk(user):
    return [
        DeskCard(
            _("Evaluations due"),
            project_desk.evaluator_counts(user)["evaluations_due"],
            _url("projects:my-evaluations", status="due"),
            _("Proposals assigned to you that you have not submitted a score for."),
        )
    ]


def representative_desk(user, organization):
    projects = project_desk.representative_counts(user, organization)
    return [
        DeskCard(
            _("Ballots waiting for your vote"),
            projects["ballots_to_vote"],
            _url("projects:ballot-list", pending="1"),
            _("Open ballots in which you or your organization have not voted."),
        ),
        DeskCard(
            _("Proposals returned for changes"),
            projects["proposals_returned"],
            _url("projects:proposal-list", status="returned"),
            _("Your organization's proposals the committee sent back: change and submit them again."),
        ),
    ]


def desks_for(user):
    """Return ``[(heading, [DeskCard])]``: one desk per role or post the person has, staff's first."""
    if not (user.is_authenticated and user.is_active):
        return []
    desks = []
    if user.is_staff:
        desks.append((_("Waiting on AMEXCID staff"), staff_desk(user)))
    posts = post_keys(user)
    chaired = {committee_id for committee_id, kind in posts if kind == PostKind.CHAIR}
    kept = {committee_id for committee_id, kind in posts if kind == PostKind.SECRETARY}
    if chaired:
        excluded = None if is_staff_member(user) else conflicted_call_ids(user)
        desks.append((_("Waiting on you as chair"), chair_desk(chaired, excluded)))
    if kept:
        desks.append((_("Waiting on you as secretary"), secretary_desk(kept)))
    if is_evaluator(user):
        desks.append((_("Waiting on you as evaluator"), evaluator_desk(user)))
    if user.is_representative:
        organization = current_organization(user)
        cards = representative_desk(user, organization)
        desks.append((_("Waiting on you"), cards))
    return desks
