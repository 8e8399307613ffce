"""The demo alliance's selections: how each committee chose its 2017 projects, and a ballot open today.

Producción y consumo voted (a named ballot of its member organizations, closed, with results);
Inclusión social used the surveys demo's selection survey, whose five options are linked here to
the five candidate proposals through ``external_key``; Energía decided on prior studies in a
session; Educación and Ciudades built their projects together. The past is written directly (the
services rightly refuse to vote in 2017); today's Educación ballot goes through the services, its
dates counted from the day the demo is loaded.

Today's ballot is a named list of people (``ElectorateKind.PEOPLE``): the primary contact of each of the
committee's active members that has a person in the platform. The seed names nobody of the real
organizations, so they have no representative in the demo; an electorate of member organizations would
count them and could never reach its quorum. The list is the committee's chair and secretary, the contacts
of its two fictitious members, so the chair's vote alone meets the 50 % quorum. A demo database loaded
before keeps an organizations' ballot open: loading again cancels it with its reason (its votes stay,
uncounted) and opens the named one in the same round.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Min

from audit.services import audit_record
from axs_platform import demo_dates
from committees.models import Committee, Membership, MembershipStatus, Post, Session
from companies.models import Organization, Representative
from surveys.models import Question, Survey

from . import services, tally
from .demo import CALL_2017, CO_BUILT, STUDIES, SURVEY, VOTE, _chair, _content, _history, _texts, aware
from .models import (
    Ballot,
    BallotCandidate,
    BallotPaper,
    BallotStatus,
    Call,
    ConsortiumMember,
    Elector,
    ElectorateKind,
    PaperChoice,
    Participation,
    Proposal,
    ProposalStatus,
    ProposalTransition,
    RoundCandidate,
    SelectionEvidence,
    SelectionRound,
)
from .sealing import receipt_counted
from .services.votes import receipt_new

D = datetime.date
SELECTION_SURVEY_TITLE = "Selección de proyectos del comité de Inclusión social"
ROUNDS_2017 = {
    12: ("Selección de proyectos 2017 · Producción y consumo responsables", "vote", VOTE, 2),
    10: ("Selección de proyectos 2017 · Inclusión social", "survey", SURVEY, 2),
    7: ("Selección de proyectos 2017 · Energía asequible y no contaminante", "studies", STUDIES, 1),
    4: ("Proyecto construido en 2017 · Educación", "co_construction", CO_BUILT, 1),
    11: ("Proyecto construido en 2017 · Ciudades y comunidades sostenibles", "co_construction", CO_BUILT, 1),
}
VOTE_DAY = D(2017, 6, 7)
# Choices of Producción y consumo's voting organizations (indices of the three candidates). The seed says the
# committee voted in person, not who voted or how: the demo's electors are its five fictitious members of that day.
VOTE_CHOICES = [(0, 1), (0, 1), (0, 2), (1, 2), (0, 1)]
# Educación's call that closed a month ago and the ballot open today over its candidates, in days from today.
EDUCATION_CALL_IN_DAYS = (-93, -33)
CANDIDATES_SUBMITTED_IN_DAYS = -49
BALLOT_IN_DAYS = (-13, 7)
CANDIDATES_OPEN_BALLOT = [
    ("Mentorías de lectura en escuelas públicas", "Fundación Aprender Juntos"),
    ("Laboratorios de ciencia itinerantes", "Colegios Técnicos del Norte"),
    ("Becas de formación técnica dual", "Colegios Técnicos del Norte"),
]


def _candidates(committee, reason):
    return list(
        Proposal.objects.filter(committee=committee, call__opens_on=CALL_2017[0], transitions__reason=reason)
        .distinct()
        .order_by("id")
    )


def _was_selected(proposal):
    return proposal.transitions.filter(to_status=ProposalStatus.SELECTED).exists()


def _decided_on(candidates):
    """Return when the proposals were selected or not, as the projects demo wrote it."""
    first = ProposalTransition.objects.filter(
        proposal__in=candidates, to_status__in=[ProposalStatus.SELECTED, ProposalStatus.NOT_SELECTED]
    ).aggregate(day=Min("created_at"))["day"]
    return first or aware(D(2017, 6, 20))


def _session_near(committee, moment):
    return Session.objects.filter(committee=committee, starts_at__lte=moment).order_by("-starts_at").first()


def _past_round(committee, title, method, seats, candidates, staff, chair):
    decided = _decided_on(candidates)
    selection_round = SelectionRound.objects.create(
        committee=committee, title=title, method=method, seats=seats, opened_by=chair or staff,
        opened_at=decided - datetime.timedelta(days=30), status="closed", closed_by=chair or staff, closed_at=decided,
        session=_session_near(committee, decided),
    )  # fmt: skip
    for position, proposal in enumerate(candidates, start=1):
        RoundCandidate.objects.create(
            round=selection_round, proposal=proposal, position=position, selected=_was_selected(proposal)
        )
    return selection_round


def _vote(selection_round, candidates, staff):
    """Producción y consumo's named ballot of June 2017, counted from its papers."""
    committee = selection_round.committee
    opens = aware(VOTE_DAY - datetime.timedelta(days=7), 9)
    ballot = Ballot.objects.create(
        round=selection_round, title="Votación de proyectos 2017 · Producción y consumo responsables",
        electorate="organizations", question="approval", max_choices=2, seats=2, majority="plurality",
        quorum_percent=50, is_secret=False, allow_changes=False, opens_at=opens, closes_at=aware(VOTE_DAY, 18),
        status="open", opened_at=opens, created_by=staff, created_at=opens,
    )  # fmt: skip
    ballot_candidates = [
        BallotCandidate.objects.create(ballot=ballot, proposal=p, position=i) for i, p in enumerate(candidates, 1)
    ]
    organizations = (
        Membership.objects.filter(committee=committee, organization__is_fictitious=True)
        .active_on(VOTE_DAY)
        .values_list("organization_id", flat=True)
        .distinct()
        .order_by("organization_id")
    )
    # The organizations of the committee's chair and secretary vote first, through them; the others through
    # their primary contact.
    posts = Post.objects.filter(committee=committee, started_on__lte=VOTE_DAY).exclude(ended_on__lt=VOTE_DAY)
    officers = {post.organization_id: post.holder for post in posts.select_related("holder")}
    organizations = sorted(organizations, key=lambda pk: (pk not in officers, pk))
    electors = [Elector.objects.create(ballot=ballot, organization_id=pk) for pk in organizations]
    speakers = dict(officers)
    for link in (
        Representative.objects.filter(organization_id__in=organizations)
        .select_related("user")
        .order_by("-is_primary_contact", "id")
    ):
        speakers.setdefault(link.organization_id, link.user)
    for index, (elector, picks) in enumerate(zip(electors, VOTE_CHOICES, strict=False)):
        Participation.objects.create(
            ballot=ballot, elector=elector, cast_by=speakers.get(elector.organization_id),
            cast_at=opens + datetime.timedelta(hours=3 * index + 1),
        )  # fmt: skip
        paper = BallotPaper.objects.create(
            ballot=ballot, receipt_hash=receipt_counted(ballot.pk, receipt_new()), elector=elector
        )
        for pick in picks:
            PaperChoice.objects.create(paper=paper, candidate=ballot_candidates[pick], answer="approve")
    ballot.status = "closed"
    ballot.closed_at = aware(VOTE_DAY, 18)
    ballot.closed_by = selection_round.closed_by
    ballot.result = tally.tally(ballot)
    ballot.save()
    # A closed ballot's result is sealed in the audit chain, as ``ballot_close`` seals it.
    audit_record(actor=ballot.closed_by, action="projects.ballot_closed", target=ballot, seal=True)
    return ballot


def _link_survey(selection_round, candidates):
    """Point the surveys demo's selection question at the round, its options at the candidates."""
    survey = Survey.objects.filter(title_es=SELECTION_SURVEY_TITLE).first()
    if survey is None:
        return
    question = Question.objects.filter(survey=survey).order_by("position").first()
    for option, proposal in zip(question.options.order_by("position"), candidates, strict=False):
        option.external_key = f"proposal:{proposal.pk}"
        option.save(update_fields=["external_key"])
    selection_round.survey_question = question
    selection_round.save(update_fields=["survey_question"])


def _evidence(selection_round, staff, method):
    session = selection_round.session
    if method == "studies":
        items = [
            ("study", "Estudio de potencial solar", "Análisis técnico y de costos de Biogás del Golfo."),
            ("study", "Diagnóstico de electrificación rural", "Brechas de acceso a la electricidad en el sureste."),
        ]  # fmt: skip
        selection_round.summary = "El comité revisó dos estudios y eligió un proyecto en sesión."
    else:
        items = [
            ("session", "Taller de co-construcción", "Los miembros definieron problema, objetivos y componentes."),
            ("contribution", "Aportaciones de los miembros", "Cada organización aportó experiencia, datos y recursos."),
        ]  # fmt: skip
        selection_round.summary = "El proyecto se construyó desde cero con todos los miembros del comité."
    selection_round.decision = "Acuerdo del comité registrado en la minuta de la sesión."
    selection_round.save(update_fields=["summary", "decision"])
    for kind, title, summary in items:
        SelectionEvidence.objects.create(
            round=selection_round, kind=kind, title=title, summary=summary, session=session, added_by=staff,
            added_at=selection_round.closed_at,
        )  # fmt: skip


def open_ballot():
    """Return today's Educación ballot of the demo (the one ballot of the present era not cancelled)."""
    return Ballot.objects.exclude(status=BallotStatus.CANCELLED).get(
        round__committee__goal__number=4, opens_at__gte=demo_dates.present_era_start()
    )


def ballot_voters(committee):
    """Return the primary contact of each of the committee's active members that has one, by organization."""
    members = Membership.objects.filter(committee=committee, status=MembershipStatus.ACTIVE).values("organization")
    links = Representative.objects.current().filter(
        organization__in=members, is_primary_contact=True, user__is_active=True
    )
    return [link.user for link in links.select_related("user").order_by("organization__legal_name")]


REPLACED_REASON = (
    "Su electorado, las organizaciones miembro, contaba las que nadie representa en la demostración y no podía "
    "alcanzar el quórum; la sustituye la votación de las personas que votan por los miembros."
)


def _replace_unreachable(ballots, staff):
    """Cancel the organizations' ballot a demo loaded before left open, and open its successor in its round."""
    old = ballots.filter(electorate=ElectorateKind.ORGANIZATIONS, status__in=["scheduled", "open"]).first()
    if old is None:
        return 0
    services.ballot_cancel(actor=staff, ballot=old, reason=REPLACED_REASON)
    _ballot(old.round, staff, old.title)
    return 1


def _ballot(selection_round, staff, title):
    ballot = services.ballot_create(
        actor=staff, selection_round=selection_round, title=title, electorate=ElectorateKind.PEOPLE,
        named_voters=ballot_voters(selection_round.committee), question="approval", max_choices=1, seats=1,
        majority="plurality", quorum_percent=50, opens_at=demo_dates.moment(BALLOT_IN_DAYS[0], 9),
        closes_at=demo_dates.moment(BALLOT_IN_DAYS[1], 18),
    )  # fmt: skip
    services.ballot_open(actor=staff, ballot=ballot)


def _open_ballot(committee, staff):
    """Open today's Educación ballot once; return (rounds created, unreachable ballots replaced)."""
    present = Ballot.objects.filter(round__committee=committee, opens_at__gte=demo_dates.present_era_start())
    if present.exists():
        return 0, _replace_unreachable(present, staff)
    organizations = {o.short_name or o.legal_name: o for o in Organization.objects.all()}
    opens_on, closes_on = (demo_dates.day(offset) for offset in EDUCATION_CALL_IN_DAYS)
    year = closes_on.year
    call = Call.objects.filter(committee=committee, opens_on__gte=demo_dates.PRESENT_ERA).first()
    if call is None:
        call = Call.objects.create(
            committee=committee, title=f"Convocatoria {year} · Educación",
            guidance=f"Proyectos de educación para {year + 1}.", opens_on=opens_on, closes_on=closes_on,
            created_by=staff,
        )  # fmt: skip
    proposals = []
    for title, lead in CANDIDATES_OPEN_BALLOT:
        proposal = Proposal.objects.filter(title=title).first()
        if proposal is None:
            lead_org = organizations[lead]
            proposal = Proposal.objects.create(
                call=call, committee=committee, lead_organization=lead_org, created_by=staff, title=title, version=1,
                **_texts(title, f"{title}: objetivo general."),
            )  # fmt: skip
            member = ConsortiumMember.objects.create(
                proposal=proposal, organization=lead_org, is_lead=True, status="accepted", invited_by=staff
            )
            _content(proposal, member, [], ("4.4", ["4.4.1"]), None)
            _history(
                proposal, [ProposalStatus.IN_REVIEW], "", staff, staff,
                start=demo_dates.day(CANDIDATES_SUBMITTED_IN_DAYS),
            )  # fmt: skip
            Proposal.objects.filter(pk=proposal.pk).update(status=ProposalStatus.IN_REVIEW)
            proposal.refresh_from_db()
        proposals.append(proposal)
    selection_round = services.round_create(
        actor=staff,
        committee=committee,
        title=f"Selección {year} · Educación",
        method="vote",
        proposals=proposals,
        seats=1,
    )
    _ballot(selection_round, staff, f"Votación {year} · Educación: proyecto para {year + 1}")
    return 1, 0


def load(stdout):
    """Record the 2017 selections and open today's Educación ballot, once."""
    staff = get_user_model().objects.get(email="staff@amexcid.example")
    committees = {c.goal.number: c for c in Committee.objects.select_related("goal")}
    created = 0
    for goal, (title, method, reason, seats) in ROUNDS_2017.items():
        committee = committees.get(goal)
        if committee is None or SelectionRound.objects.filter(title=title).exists():
            continue
        candidates = _candidates(committee, reason)
        if not candidates:
            continue
        selection_round = _past_round(committee, title, method, seats, candidates, staff, _chair(committee))
        if method == "vote":
            _vote(selection_round, candidates, staff)
        elif method == "survey":
            _link_survey(selection_round, candidates)
        else:
            _evidence(selection_round, staff, method)
        created += 1
    replaced = 0
    if 4 in committees:
        opened, replaced = _open_ballot(committees[4], staff)
        created += opened
    stdout.write(f"Selections: {created} rounds created; unreachable ballots replaced: {replaced}.")
