"""Opening a secret ballot's sealed votes into the counted papers, when it closes (``ballot_close`` calls it).

The close holds the ballot's lock exclusively, so no vote is in flight. Every sealed vote is opened,
the papers are shuffled with the system's random source and written in that order in the close's
one transaction (so their storage order, row ids, choice ids and transaction say nothing of when
each vote was cast), and the sealed rows are deleted: after the close nothing joins a voter's
participation to a paper. May touch ``SealedPaper``, ``BallotPaper`` and ``PaperChoice`` only.
"""

import secrets
import uuid

from .. import sealing
from ..models import BallotPaper, PaperChoice, SealedPaper


def unseal_papers(ballot):
    """Turn the ballot's sealed votes into counted papers in a random order; return how many."""
    candidate_ids = list(ballot.candidates.values_list("pk", flat=True))
    opened = [sealing.unseal(ballot.pk, candidate_ids, sealed) for sealed in
              SealedPaper.objects.filter(ballot=ballot).values_list("sealed", flat=True)]  # fmt: skip
    counted = {receipt for _answers, receipt in opened}
    if len(opened) > ballot.participations.count() or len(counted) != len(opened):
        # Rows added behind the platform's back (a copied sealed vote) would be counted twice: refuse the count.
        raise sealing.SealBroken(ballot.pk)
    secrets.SystemRandom().shuffle(opened)
    papers = [BallotPaper(id=uuid.uuid4(), ballot=ballot, receipt_hash=counted) for _answers, counted in opened]
    BallotPaper.objects.bulk_create(papers)
    PaperChoice.objects.bulk_create(
        PaperChoice(paper=paper, candidate_id=candidate, answer=answer)
        for paper, (answers, _counted) in zip(papers, opened, strict=True)
        for candidate, answer in answers.items()
    )
    SealedPaper.objects.filter(ballot=ballot).delete()
    return len(papers)
