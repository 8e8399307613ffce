"""Datasets: the results of closed ballots, and who voted what in named (not secret) ballots.

Results are the tally frozen when the ballot closed (``Ballot.result``), so this reads what the
ballot's page and PDF show. Secret ballots give their tallies only: their papers carry no voter.
Named votes name the organizations that voted; a person's vote gives the kind of voter, not the name
(open data carries no personal data). A candidate's title is given only when its proposal is
published; otherwise it is blank, as survey options naming an unpublished proposal are: the rows hold no
text in the reader's language, so the one file built ahead serves ``/datos-abiertos/`` and ``/open-data/``.
"""

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from axs_platform import fragments
from projects.models import Ballot, BallotStatus, ElectorateKind, MajorityRule, PaperChoice, Proposal
from projects.models.ballots import Answer, QuestionKind

from ..registry import Dataset, Field, register

BALLOT_ID = Field("ballot_id", "integer", "Identificador de la votación.", "Identifier of the ballot.")


def _closed():
    return Ballot.objects.filter(status=BallotStatus.CLOSED, result__isnull=False)


def _ballots():
    return _closed().select_related("round").order_by("pk")


def _candidate_title(row, published_ids):
    """The proposal's title when it is published; blank otherwise (its title is not public)."""
    return row["title"] if row["proposal_id"] in published_ids else ""


def _result_rows(ballot):
    result = ballot.result
    published_ids = set(
        Proposal.objects.published()
        .filter(pk__in=[row["proposal_id"] for row in result["rows"]])
        .values_list("pk", flat=True)
    )
    ordered = sorted(
        result["rows"], key=lambda row: (-row["votes"], _candidate_title(row, published_ids), row["proposal_id"])
    )
    for row in ordered:
        yield (
            ballot.pk,
            ballot.round.committee_id,
            ballot.title,
            ballot.is_secret,
            ballot.electorate,
            ballot.question,
            ballot.majority,
            ballot.seats,
            ballot.closed_at,
            result["electorate"],
            result["voted"],
            result["quorum_met"],
            row["proposal_id"],
            _candidate_title(row, published_ids),
            row["votes"],
            row["approve"],
            row["yes"],
            row["no"],
            row["abstain"],
            row["percent"],
            row["selected"],
            row["tied"],
        )


RESULTS = register(
    Dataset(
        slug="votaciones",
        title_es="Resultados de votaciones cerradas",
        title_en="Results of closed ballots",
        description_es=(
            "El recuento de cada votación de selección de proyectos ya cerrada, una fila por propuesta "
            "candidata: votos, porcentaje, participación, quórum y si resultó seleccionada."
        ),
        description_en=(
            "The count of each closed project-selection ballot, one row per candidate proposal: votes, "
            "percentage, turnout, quorum and whether it was selected."
        ),
        frequency_es="Continua: cambia cuando cierra una votación.",
        frequency_en="Continuous: changes when a ballot closes.",
        fields=(
            BALLOT_ID,
            Field("committee_id", "integer", "Identificador del comité.", "Identifier of the committee."),
            Field("ballot_title", "text", "Título de la votación.", "Title of the ballot."),
            Field("is_secret", "boolean", "Si el voto fue secreto.", "Whether the vote was secret."),
            Field("electorate", "code", "Quién votó.", "Who voted.", tuple(ElectorateKind.choices)),
            Field("question", "code", "Tipo de pregunta.", "Kind of question.", tuple(QuestionKind.choices)),
            Field("majority", "code", "Mayoría requerida.", "Majority required.", tuple(MajorityRule.choices)),
            Field("seats", "integer", "Propuestas por seleccionar.", "Proposals to select."),
            Field("closed_at", "datetime", "Cuándo cerró.", "When it closed."),
            Field("electorate_size", "integer", "Votos posibles.", "Possible votes."),
            Field("voted", "integer", "Votos emitidos.", "Votes cast."),
            Field("quorum_met", "boolean", "Si se alcanzó el quórum.", "Whether the quorum was met."),
            Field(
                "proposal_id",
                "integer",
                "Identificador de la propuesta candidata.",
                "Identifier of the candidate proposal.",
            ),
            Field(
                "proposal_title",
                "text",
                "Título de la propuesta candidata; vacío si la propuesta no está publicada.",
                "Title of the candidate proposal; empty when the proposal is not published.",
            ),
            Field(
                "votes",
                "integer",
                "Votos que cuentan para la propuesta (a favor o aprobaciones).",
                "Votes that count for the proposal (yes or approvals).",
            ),
            Field(
                "approve",
                "integer",
                "Aprobaciones (preguntas de elegir hasta N).",
                "Approvals (choose-up-to-N questions).",
            ),
            Field("yes", "integer", "Votos a favor (preguntas de sí o no).", "Yes votes (yes/no questions)."),
            Field("no", "integer", "Votos en contra.", "No votes."),
            Field("abstain", "integer", "Abstenciones.", "Abstentions."),
            Field("percent", "decimal", "Porcentaje de los votos que cuentan.", "Percentage of the counted votes."),
            Field("selected", "boolean", "Si resultó seleccionada.", "Whether it was selected."),
            Field("tied", "boolean", "Si quedó empatada en el último lugar.", "Whether it tied for the last seat."),
        ),
        queryset=_ballots,
        rows_of=_result_rows,
        chunk_size=200,
        last_updated=lambda: _closed().aggregate(latest=Max("closed_at"))["latest"],
        related=("votos-nominales",),
        areas=(fragments.PUBLIC_PROPOSALS,),  # ballot_close bumps it, and so do the services naming proposals
    )
)


def _named_choices():
    return (
        PaperChoice.objects.filter(paper__ballot__in=_closed().filter(is_secret=False), paper__elector__isnull=False)
        .select_related("paper__elector__organization", "candidate")
        .order_by("paper__ballot_id", "paper__elector_id", "candidate__position", "pk")
    )


def _named_row(choice):
    elector = choice.paper.elector
    organization = elector.organization
    return (
        choice.paper.ballot_id,
        "organization" if organization else "person",
        organization.pk if organization else None,
        organization.legal_name if organization else "",
        choice.candidate.proposal_id,
        choice.answer,
    )


NAMED_VOTES = register(
    Dataset(
        slug="votos-nominales",
        title_es="Votos de votaciones nominales",
        title_en="Votes of named ballots",
        description_es=(
            "Quién votó qué en las votaciones nominales ya cerradas: la organización votante y su respuesta por "
            "propuesta. Las votaciones secretas no aparecen. Cuando vota una persona, se indica solo que fue una "
            "persona, sin su nombre."
        ),
        description_en=(
            "Who voted what in closed named ballots: the voting organization and its answer per proposal. Secret "
            "ballots do not appear. When a person voted, only that it was a person is given, not their name."
        ),
        frequency_es="Continua: cambia cuando cierra una votación nominal.",
        frequency_en="Continuous: changes when a named ballot closes.",
        fields=(
            BALLOT_ID,
            Field(
                "voter_kind",
                "code",
                "Tipo de votante.",
                "Kind of voter.",
                (("organization", _("Organization")), ("person", _("Person"))),
            ),
            Field(
                "organization_id",
                "integer",
                "Identificador de la organización votante.",
                "Identifier of the voting organization.",
            ),
            Field("organization_name", "text", "Organización votante.", "Voting organization."),
            Field("proposal_id", "integer", "Propuesta candidata.", "Candidate proposal."),
            Field("answer", "code", "Respuesta.", "Answer.", tuple(Answer.choices)),
        ),
        queryset=_named_choices,
        row=_named_row,
        last_updated=lambda: _closed().filter(is_secret=False).aggregate(latest=Max("closed_at"))["latest"],
        related=("votaciones",),
        areas=(fragments.PUBLIC_PROPOSALS,),  # and organization names: the directory's services bump proposals
    )
)
