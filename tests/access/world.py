"""The small world the role × URL matrix walks: the demo alliance plus a few rows placed on purpose.

Two committees (1: Educación, ODS 4; 2: Producción y consumo responsables, ODS 12) with their demo
chair and secretary; representative A speaks for a fictitious foundation the world registers and seats on
committee 1 (which it makes lead of an in-review proposal and of the project in implementation, an elector of
the organizations' ballot it opens, and invites to the open survey), representative B for a fictitious
company it seats on committee 2. Each of A and B has a draft and a submitted proposal in its
committee. Everything else a URL names is picked from the demo by what it is, never by id, so the
matrix reads the same whatever ids a database gives.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

ROLES = ("anonymous", "staff", "evaluator", "rep_a", "rep_b", "chair_1", "secretary_1", "chair_2", "secretary_2")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _cover_image(staff):
    import io

    from PIL import Image

    from reports.models import CoverImage

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (105, 28, 50)).save(buffer, format="PNG")
    return CoverImage.objects.create(
        file=ContentFile(buffer.getvalue(), name="logo.png"), alt_es="Logotipo", alt_en="Logo", uploaded_by=staff
    )


def _organizations_ballot(selection_round, staff):
    """Open a ballot of the committee's member organizations, in which representative A votes for theirs.

    The demo's own open ballot is a named list (the seed's organizations have nobody in the demo).
    """
    from projects import services

    now = timezone.now()
    ballot = services.ballot_create(
        actor=staff, selection_round=selection_round, title="Votación de las organizaciones miembro",
        electorate="organizations", question="approval", max_choices=1, seats=1, majority="plurality",
        quorum_percent=50, opens_at=now - datetime.timedelta(minutes=1), closes_at=now + datetime.timedelta(days=7),
    )  # fmt: skip
    return services.ballot_open(actor=staff, ballot=ballot)


def _holder(committee, kind):
    return committee.posts.get(kind=kind, ended_on__isnull=True).holder


def _proposal(call, organization, person, *, status, title):
    from projects.models import ConsortiumMember, Proposal

    proposal = Proposal.objects.create(
        call=call,
        committee=call.committee,
        lead_organization=organization,
        created_by=person,
        title=title,
        status=status,
        version=0 if status == "draft" else 1,
        submitted_at=None if status == "draft" else timezone.now(),
    )
    ConsortiumMember.objects.create(
        proposal=proposal, organization=organization, is_lead=True, status="accepted", invited_by=person
    )
    return proposal


def build():
    """Return ``(people, objects)``: the nine roles' users (None for anonymous) and every object a URL names."""
    from accounts.models import User
    from committees.models import (
        AgendaItem,
        Agreement,
        CalendarFeed,
        Committee,
        Membership,
        PriorityArea,
        Session,
        SessionDocument,
        WorkPlanActivity,
    )
    from companies.models import DueDiligenceReview, Evidence, Invitation, Organization, Representative
    from documents.models import Document
    from monitoring.models import Evidence as ProgressEvidence
    from monitoring.models import Implementation, Report
    from privacy import services as privacy_services
    from privacy.services.notify import verification_token
    from projects.models import (
        Attachment,
        Ballot,
        Call,
        ConsortiumMember,
        Evaluation,
        Proposal,
        SelectionEvidence,
        SelectionRound,
    )
    from reports.models import Milestone, PublishedEdition
    from surveys.models import Question, Section, Survey, SurveyInvitation
    from tests.factories import make_member

    committee_1 = Committee.objects.get(goal__number=4)
    committee_2 = Committee.objects.get(goal__number=12)
    # The world's two organizations are fictitious, as everything the demo invents: the real ones have no data
    # after the seed's period, and nobody acts for them. Staff register them and seat them today.
    from committees import services as committee_services
    from tests.factories import make_organization

    staff = User.objects.get(email="staff@amexcid.example")
    org_a = make_organization(
        actor=staff,
        legal_name="Fundación Mundo de Pruebas A, A.C.",
        short_name="Fundación Pruebas A",
        organization_type="foundation",
        sector="social",
    )
    org_b = make_organization(
        actor=staff, legal_name="Empresa Mundo de Pruebas B, S.A. de C.V.", short_name="Empresa Pruebas B"
    )
    Organization.objects.filter(pk__in=[org_a.pk, org_b.pk]).update(is_fictitious=True)
    org_a.refresh_from_db()
    org_b.refresh_from_db()
    committee_services.membership_add(actor=staff, committee=committee_1, organization=org_a)
    committee_services.membership_add(actor=staff, committee=committee_2, organization=org_b)
    people = {
        "anonymous": None,
        "staff": User.objects.get(email="staff@amexcid.example"),
        "evaluator": User.objects.get(email="evaluador@axs.example"),
        "rep_a": make_member(org_a, full_name="Representante A"),
        "rep_b": make_member(org_b, full_name="Representante B"),
        "chair_1": _holder(committee_1, "chair"),
        "secretary_1": _holder(committee_1, "secretary"),
        "chair_2": _holder(committee_2, "chair"),
        "secretary_2": _holder(committee_2, "secretary"),
    }
    call_1 = Call.objects.filter(committee=committee_1).order_by("-opens_on").first()
    call_2 = Call.objects.filter(committee=committee_2).order_by("-opens_on").first()
    draft_a = _proposal(call_1, org_a, people["rep_a"], status="draft", title="Borrador de A")
    submitted_a = _proposal(call_1, org_a, people["rep_a"], status="submitted", title="Enviada de A")
    draft_b = _proposal(call_2, org_b, people["rep_b"], status="draft", title="Borrador de B")
    submitted_b = _proposal(call_2, org_b, people["rep_b"], status="submitted", title="Enviada de B")
    # The demo's proposals are led by fictitious organizations whose people hold the committees' posts: the world
    # hands committee 1's project in implementation and an in-review proposal to A's organization, so that A speaks
    # for their lead and no officer does.
    in_review_a = Proposal.objects.filter(committee=committee_1, status="in_review").order_by("id").first()
    implementation = (
        Implementation.objects.filter(proposal__committee=committee_1).first() or Implementation.objects.first()
    )
    for proposal in (in_review_a, implementation.proposal):
        Proposal.objects.filter(pk=proposal.pk).update(lead_organization=org_a)
        ConsortiumMember.objects.filter(proposal=proposal, is_lead=True).update(organization=org_a)
    partner = ConsortiumMember.objects.create(
        proposal=submitted_a, organization=org_b, status="invited", invited_by=people["rep_a"]
    )

    def attach(proposal):
        attachment = Attachment(proposal=proposal, title="Estudio", original_name="estudio.pdf", size=len(PDF))
        attachment.uploaded_by = people["rep_a"] if proposal.lead_organization_id == org_a.pk else people["rep_b"]
        attachment.file.save("estudio.pdf", ContentFile(PDF), save=True)
        return attachment

    session_1 = Session.objects.filter(committee=committee_1).order_by("-starts_at").first()
    document = SessionDocument(session=session_1, title="Presentación", original_name="p.pdf")
    document.uploaded_by = people["secretary_1"]
    document.file.save("p.pdf", ContentFile(PDF), save=True)
    closed_round = SelectionRound.objects.filter(committee=committee_1, status="closed").first()
    evidence = SelectionEvidence.objects.filter(round=closed_round).first()
    evidence.file.save("estudio.pdf", ContentFile(PDF), save=True)
    review = DueDiligenceReview.objects.filter(organization=org_a).first() or DueDiligenceReview.objects.first()
    dd_evidence = Evidence(review=review, title="Constancia", original_name="c.pdf", uploaded_by=people["staff"])
    dd_evidence.file.save("c.pdf", ContentFile(PDF), save=True)
    survey = Survey.objects.order_by("-closes_at").first()  # the demo's open survey
    # A's organization joined after it was sent: invited to it as the demo invites its members.
    invitation = SurveyInvitation.objects.create(
        survey=survey, organization=org_a, sent_at=timezone.now(), send_count=1
    )
    feed, _ = CalendarFeed.objects.get_or_create(person=people["chair_1"])
    rights_request = privacy_services.request_file(
        user=people["rep_a"], right="access", details="Todo lo que guardan de mí.", channel="email"
    )
    holiday = privacy_services.holiday_add(
        actor=people["staff"], day=datetime.date(2040, 12, 12), name="Día de la Virgen de Guadalupe"
    )
    submitted_report = Report.objects.filter(period__implementation=implementation, status="submitted").first()
    submitted_report = submitted_report or Report.objects.filter(status="submitted").first()
    progress_evidence = ProgressEvidence(
        report=submitted_report, title="Lista de asistencia", original_name="lista.pdf", size=len(PDF)
    )
    progress_evidence.uploaded_by = submitted_report.created_by
    progress_evidence.file.save("lista.pdf", ContentFile(PDF), save=True)
    open_period = implementation.periods.filter(reports__isnull=True).order_by("starts_on").first()
    open_round_1 = SelectionRound.objects.filter(committee=committee_1, status="open").first()
    objects = {
        "committee_1": committee_1.pk,
        "committee_2": committee_2.pk,
        "org_a": org_a.pk,
        "org_b": org_b.pk,
        "rep_a_user": people["rep_a"].pk,
        "rep_a_place": Representative.objects.get(user=people["rep_a"]).pk,
        "org_a_invitation": _invitation(Invitation, org_a, people["staff"]),
        "review": review.pk,
        "review_org": review.organization_id,
        "dd_evidence": dd_evidence.pk,
        "membership_1": Membership.objects.filter(committee=committee_1, status="active").first().pk,
        "area_1": PriorityArea.objects.filter(committee=committee_1).first().pk,
        "activity_1": WorkPlanActivity.objects.filter(committee=committee_1).first().pk,
        "session_1": session_1.pk,
        "session_2": Session.objects.filter(committee=committee_2).order_by("-starts_at").first().pk,
        "agenda_item_1": AgendaItem.objects.filter(session=session_1).first().pk,
        "session_document_1": document.pk,
        "agreement_1": Agreement.objects.filter(session__committee=committee_1).first().pk,
        "feed_token": feed.token,
        "survey": survey.pk,
        "section": Section.objects.filter(survey=survey).first().pk,
        "question": Question.objects.filter(section__survey=survey).first().pk,
        "answer_token": invitation.token,
        "call_1": call_1.pk,
        "draft_a": draft_a.pk,
        "submitted_a": submitted_a.pk,
        "draft_b": draft_b.pk,
        "submitted_b": submitted_b.pk,
        "in_review_a": in_review_a.pk,
        "partner_b_in_a": partner.pk,
        "attachment_draft_a": attach(draft_a).pk,
        "attachment_submitted_a": attach(submitted_a).pk,
        "evaluation": Evaluation.objects.filter(evaluator=people["evaluator"], status="assigned").first().pk,
        "open_round_1": open_round_1.pk,
        "closed_round_1": closed_round.pk,
        "round_evidence": evidence.pk,
        "open_ballot_1": _organizations_ballot(open_round_1, people["staff"]).pk,
        "closed_ballot_2": Ballot.objects.filter(round__committee=committee_2, status="closed").first().pk,
        "published_project": Proposal.objects.published().first().pk,
        "document": Document.objects.first().pk,
        "milestone": Milestone.objects.first().pk,
        "cover_image": _cover_image(people["staff"]).pk,
        "publication": PublishedEdition.objects.create(
            start="2016-05-01",
            end="2018-03-31",
            html_es="<p>Edición</p>",
            html_en="<p>Edition</p>",
            published_by=people["staff"],
        ).pk,
        "rights_request_a": rights_request.pk,
        "rights_request_action": "start",
        "rights_request_token": verification_token(rights_request),
        "holiday": holiday.pk,
        "implementation": implementation.pk,
        "implementation_proposal": implementation.proposal_id,
        "submitted_report": submitted_report.pk,
        "progress_evidence": progress_evidence.pk,
        "progress_indicator": implementation.indicators.first().pk,
        "open_period": open_period.pk,
        "format_csv": "csv",
    }
    return people, objects


def _invitation(model, organization, staff):
    from companies import services

    invitation, _token = services.invitation_create(
        actor=staff, organization=organization, email="nueva.persona@example.org", full_name="Persona Nueva"
    )
    return invitation.pk
