"""Ballot results counted in the database from the stored papers, and the rules that turn counts into a selection.

One grouped query counts the answers per candidate; two counts give the papers and the electors who
voted. The same function gives the result shown while counting, the one frozen when the ballot
closes, and the CSV export, so every reader sees the same tally.
"""

from django.db.models import Count

from axs_platform.figures import percent

from .models import BallotPaper, BallotStatus, MajorityRule, PaperChoice, Participation, QuestionKind, TieStatus


def _qualifies(rule, score, base):
    if score <= 0:
        return False
    if rule == MajorityRule.ABSOLUTE:
        return 2 * score > base
    if rule == MajorityRule.TWO_THIRDS:
        return 3 * score >= 2 * base
    return True


def tally(ballot):
    """Return the counts, percentages, turnout, quorum and the selection (with any tie) of a ballot.

    Percentages follow ``axs_platform.figures.percent``, kept as floats because the result is stored as JSON.
    """
    candidates = list(ballot.candidates.select_related("proposal").order_by("position", "id"))
    counts = {}
    for row in (
        PaperChoice.objects.filter(paper__ballot=ballot).values("candidate_id", "answer").annotate(n=Count("id"))
    ):
        counts.setdefault(row["candidate_id"], {})[row["answer"]] = row["n"]
    papers = BallotPaper.objects.filter(ballot=ballot).count()
    voted = Participation.objects.filter(ballot=ballot).count()
    electorate = ballot.electors.count()
    rows = []
    for candidate in candidates:
        answers = counts.get(candidate.pk, {})
        if ballot.question == QuestionKind.YES_NO:
            score, base = answers.get("yes", 0), answers.get("yes", 0) + answers.get("no", 0)
        else:
            score, base = answers.get("approve", 0), papers
        rows.append(
            {
                "candidate_id": candidate.pk,
                "proposal_id": candidate.proposal_id,
                "title": candidate.proposal.title,
                "votes": score,
                "approve": answers.get("approve", 0),
                "yes": answers.get("yes", 0),
                "no": answers.get("no", 0),
                "abstain": answers.get("abstain", 0),
                "percent": float(percent(score, base)),
                "qualifies": _qualifies(ballot.majority, score, base),
            }
        )
    rows.sort(key=lambda row: (-row["votes"], row["title"]))
    quorum_met = electorate > 0 and voted * 100 >= ballot.quorum_percent * electorate
    selected, tied, open_seats = [], [], 0
    if quorum_met:
        qualified = [row for row in rows if row["qualifies"]]
        if len(qualified) <= ballot.seats:
            selected = [row["proposal_id"] for row in qualified]
        else:
            boundary = qualified[ballot.seats - 1]["votes"]
            if qualified[ballot.seats]["votes"] == boundary:
                selected = [row["proposal_id"] for row in qualified if row["votes"] > boundary]
                tied = [row["proposal_id"] for row in qualified if row["votes"] == boundary]
                open_seats = ballot.seats - len(selected)
            else:
                selected = [row["proposal_id"] for row in qualified[: ballot.seats]]
    for row in rows:
        row["selected"] = row["proposal_id"] in selected
        row["tied"] = row["proposal_id"] in tied
    return {
        "electorate": electorate,
        "voted": voted,
        "papers": papers,
        "turnout": float(percent(voted, electorate)),
        "quorum_percent": ballot.quorum_percent,
        "quorum_met": quorum_met,
        "rows": rows,
        "selected": selected,
        "tied": tied,
        "open_seats": open_seats,
    }


def final_selection(ballot):
    """Return the proposal ids a closed ballot selected once its tie is settled, or None while it is not."""
    if ballot.status != BallotStatus.CLOSED or not ballot.result or not ballot.result["quorum_met"]:
        return None
    selected = list(ballot.result["selected"])
    if ballot.tie_status == TieStatus.DECLARED:
        return None
    if ballot.tie_status in (TieStatus.BY_CHAIR, TieStatus.BY_RUNOFF):
        selected += ballot.result.get("settled", [])
    return selected
