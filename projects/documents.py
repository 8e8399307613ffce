"""The project fact sheet (ficha de proyecto): what one proposal or project is, on one to three pages."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Avg
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from axs_platform.charts import Bar, horizontal_bar_chart
from documents.registry import DocumentKind, Source
from documents.services import DocumentError

from . import sections
from .criteria import AXS_CRITERIA, DEFINITIONS, SUSTAINABILITY_CRITERIA
from .models import Ballot, BallotPaper, BallotStatus, EvaluationStatus, PartnerStatus, Proposal, ProposalStatus, Score
from .permissions import can_review, can_see_results, is_lead
from .selectors import proposal_full
from .tally import final_selection

FACT_SHEET = "projects.fact_sheet"
# The fact sheet of a published project as anyone may read it (served at its public page's address).
PUBLIC_FACT_SHEET = "projects.public_fact_sheet"


def _describe(proposal, params):
    return _("Fact sheet: %(title)s") % {"title": proposal.title}


def fact_sheet_context(proposal):
    """Return what the fact sheet shows of a proposal loaded with ``proposal_full()``."""
    members = [m for m in proposal.consortium.all() if m.status in (PartnerStatus.ACCEPTED, PartnerStatus.INVITED)]
    indicators = list(proposal.indicators.all())
    by_component = defaultdict(list)
    for indicator in indicators:
        by_component[indicator.component_id].append(indicator)
    averages = dict(
        Score.objects.filter(evaluation__proposal=proposal, evaluation__status=EvaluationStatus.SUBMITTED)
        .values_list("criterion")
        .annotate(average=Avg("score"))
    )
    transitions = {t.to_status: t.created_at for t in proposal.transitions.order_by("created_at", "id")}
    budget = list(proposal.budget.all())
    contributions_total = sum((c.amount_mxn or Decimal(0) for m in members for c in m.contributions.all()), Decimal(0))
    return {
        "proposal": proposal,
        "goal": proposal.committee.goal,
        "members": members,
        "contributions_total": contributions_total,
        "objective_indicators": by_component.get(None, []),
        "components": [(component, by_component.get(component.pk, [])) for component in proposal.components.all()],
        "has_indicators": bool(indicators),
        "sustainability": [
            (criterion, DEFINITIONS.get(criterion, ""), getattr(proposal, criterion.value))
            for criterion in SUSTAINABILITY_CRITERIA
        ],
        "axs": [
            (criterion, getattr(proposal, criterion.value), averages.get(criterion.value)) for criterion in AXS_CRITERIA
        ],
        "budget": budget,
        "budget_total": sum((line.amount_mxn for line in budget), Decimal(0)),
        "dates": [
            (_("Started"), proposal.created_at),
            (_("Submitted"), transitions.get(ProposalStatus.SUBMITTED)),
            (_("Selected"), transitions.get(ProposalStatus.SELECTED)),
            (_("Structured"), transitions.get(ProposalStatus.STRUCTURED)),
            (_("In implementation"), transitions.get(ProposalStatus.IN_IMPLEMENTATION)),
            (_("Closed"), transitions.get(ProposalStatus.CLOSED)),
            (_("Published"), proposal.published_at),
        ],
        "sections": sections.render(proposal, medium="pdf"),
        "generated_at": timezone.now(),
    }


def public_fact_sheet_context(proposal):
    """Return what the public fact sheet shows: what the public project page shows, nothing more.

    The accepted consortium without contributions, summary, general objective, components, SDG alignment,
    results matrix, the public sections (approved progress) and the dates of the public life of the project;
    never the problem analysis, purpose, criteria, scores, budget, invited partners or the dates in review.
    """
    indicators = list(proposal.indicators.all())
    by_component = defaultdict(list)
    for indicator in indicators:
        by_component[indicator.component_id].append(indicator)
    transitions = {t.to_status: t.created_at for t in proposal.transitions.order_by("created_at", "id")}
    return {
        "public": True,
        "proposal": proposal,
        "goal": proposal.committee.goal,
        "members": [m for m in proposal.consortium.all() if m.status == PartnerStatus.ACCEPTED],
        "objective_indicators": by_component.get(None, []),
        "components": [(component, by_component.get(component.pk, [])) for component in proposal.components.all()],
        "has_indicators": bool(indicators),
        "dates": [
            (_("Structured"), transitions.get(ProposalStatus.STRUCTURED)),
            (_("In implementation"), transitions.get(ProposalStatus.IN_IMPLEMENTATION)),
            (_("Closed"), transitions.get(ProposalStatus.CLOSED)),
            (_("Published"), proposal.published_at),
        ],
        "sections": sections.render(proposal, medium="pdf"),
        "generated_at": timezone.now(),
    }


def _build(document):
    proposal = proposal_full().get(pk=document.target_id)
    html = render_to_string("projects/pdf/fact_sheet.html", fact_sheet_context(proposal))
    filename = f"ficha-{proposal.pk}-{slugify(proposal.title)[:60]}-{document.language}.pdf"
    return Source(html=html, filename=filename, title=str(_describe(proposal, {})))


def _build_public(document):
    proposal = proposal_full().filter(pk__in=Proposal.objects.published()).filter(pk=document.target_id).first()
    if proposal is None:
        raise DocumentError(gettext("The project is not published: it has no public fact sheet."))
    html = render_to_string("projects/pdf/fact_sheet.html", public_fact_sheet_context(proposal))
    public_title = proposal.public_title(document.language)  # the English sheet is named in English too
    filename = f"ficha-{proposal.pk}-{slugify(public_title)[:60]}-{document.language}.pdf"
    title = _("Fact sheet: %(title)s") % {"title": public_title}
    return Source(html=html, filename=filename, title=str(title))


def can_request_fact_sheet(user, proposal, params=None):
    """Staff (checked by documents), the proposal's own organizations, and the committee's chair.

    A draft is its lead organization's alone; a partner sees the sheet once it joined the consortium.
    """
    if not (user.is_authenticated and user.is_active) or proposal is None:
        return False
    if is_lead(user, proposal) and user.is_representative:
        return True
    if proposal.status == ProposalStatus.DRAFT:
        return False
    if can_review(user, proposal):
        return True
    from committees.permissions import current_organization

    organization = current_organization(user)
    return (
        organization is not None
        and proposal.consortium.filter(organization=organization, status=PartnerStatus.ACCEPTED).exists()
    )


def _can_view(user, document):
    if document.requested_by_id != user.pk:
        return False
    proposal = Proposal.objects.filter(pk=document.target_id).first()
    return proposal is not None and can_request_fact_sheet(user, proposal)


fact_sheet = DocumentKind(
    code=FACT_SHEET,
    label=_("Project fact sheet"),
    model=Proposal,
    build=_build,
    describe=_describe,
    can_request=can_request_fact_sheet,
    can_view=_can_view,
)


public_fact_sheet = DocumentKind(
    code=PUBLIC_FACT_SHEET,
    label=_("Public project fact sheet"),
    model=Proposal,
    build=_build_public,
    describe=_describe,
    # Staff ask for it (documents lets staff ask for any kind), and publishing a project does; anyone reads
    # the latest one at the project's public address (``projects:project-fact-sheet``).
    can_request=lambda user, proposal, params=None: False,
    can_view=lambda user, document: False,
)


BALLOT_RESULTS = "projects.ballot_results"


def _describe_ballot(ballot, params):
    return _("Ballot results: %(title)s") % {"title": ballot.title}


def ballot_results_context(ballot):
    """Return what the results PDF of a closed ballot shows: the same tally as its page."""
    if ballot.status != BallotStatus.CLOSED:
        raise DocumentError(gettext("Results are printed only once the ballot is closed."))
    result = ballot.result  # frozen when the ballot closed
    final = final_selection(ballot)
    titles = {row["proposal_id"]: row["title"] for row in result["rows"]}
    chart = horizontal_bar_chart(
        [
            Bar(row["title"], row["votes"], "#198754" if row["selected"] else "", row["percent"])
            for row in result["rows"]
        ],
        title=gettext("Result of “%(title)s”") % {"title": ballot.title},
        description=gettext("Votes for each candidate; the selected ones in green."),
        total=result["papers"] or 1,
    )
    named_papers = []
    if not ballot.is_secret:
        named_papers = list(
            BallotPaper.objects.filter(ballot=ballot)
            .select_related("elector__user", "elector__organization")
            .prefetch_related("choices__candidate__proposal")
            .order_by("elector_id")
        )
    return {
        "ballot": ballot,
        "round": ballot.round,
        "committee": ballot.round.committee,
        "goal": ballot.round.committee.goal,
        "result": result,
        "chart": chart,
        "selected_titles": [titles[pk] for pk in (final or []) if pk in titles],
        "final_known": final is not None,
        "tied_titles": [titles[pk] for pk in result["tied"] if pk in titles],
        "named_papers": named_papers,
        "generated_at": timezone.now(),
    }


def _build_ballot(document):
    ballot = Ballot.objects.select_related("round__committee__goal").get(pk=document.target_id)
    html = render_to_string("projects/pdf/ballot_results.html", ballot_results_context(ballot))
    filename = f"votacion-{ballot.pk}-{slugify(ballot.title)[:60]}-{document.language}.pdf"
    return Source(html=html, filename=filename, title=str(_describe_ballot(ballot, {})))


def can_request_ballot_results(user, ballot, params=None):
    """Whoever may see the ballot's results: anyone signed in, once it is closed (never before)."""
    return bool(user.is_authenticated and user.is_active and ballot is not None and can_see_results(user, ballot))


def _can_view_ballot_results(user, document):
    if document.requested_by_id != user.pk:
        return False
    ballot = Ballot.objects.filter(pk=document.target_id).first()
    return ballot is not None and can_request_ballot_results(user, ballot)


ballot_results = DocumentKind(
    code=BALLOT_RESULTS,
    label=_("Ballot results"),
    model=Ballot,
    build=_build_ballot,
    describe=_describe_ballot,
    can_request=can_request_ballot_results,
    can_view=_can_view_ballot_results,
)
