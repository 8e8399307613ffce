"""Marker strings written into everything that is not public on the demo, for the open-data, IATI and API privacy tests.

Every marker is written into at least one row (each write is asserted, and what the demo lacks is created), so a
test that searches a download for the markers can fail.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from tests.factories import make_organization

SECRET_NUMBER = "987654.31"


def _mark_unpublished_candidates():
    """Title every candidate that is not a draft and not published with a marker: in the proposal, in the
    tallies frozen in closed ballots and in selection-survey options (a ballot candidate may be not_selected)."""
    from projects.models import Ballot, Proposal
    from surveys.models import Option

    unpublished = Proposal.objects.exclude(status="draft").exclude(pk__in=Proposal.objects.published())
    ids = set(unpublished.values_list("pk", flat=True))
    assert unpublished.update(title="MARKER-UNPUBLISHED-CANDIDATE")
    marked = 0
    for ballot in Ballot.objects.filter(result__isnull=False):
        for row in ballot.result["rows"]:
            if row["proposal_id"] in ids:
                row["title"] = "MARKER-UNPUBLISHED-CANDIDATE"
                marked += 1
        Ballot.objects.filter(pk=ballot.pk).update(result=ballot.result)
    assert marked, "the demo's closed ballots have an unpublished candidate"
    keys = [f"proposal:{pk}" for pk in ids]
    Option.objects.filter(external_key__in=keys).update(
        text_es="MARKER-UNPUBLISHED-CANDIDATE", text_en="MARKER-UNPUBLISHED-CANDIDATE"
    )


def seed_secrets():
    """Write markers into everything that is not public; return the strings that must never appear."""
    from committees.models import Agreement, Minutes, MinutesStatus, Session
    from companies.models import DueDiligenceReview, Organization
    from monitoring.models import Report, ReportValue
    from monitoring.selectors import current_approved
    from projects.criteria import Criterion
    from projects.models import (
        Activity,
        Attachment,
        Ballot,
        BudgetLine,
        CommentVisibility,
        ConsortiumMember,
        Contribution,
        Evaluation,
        Proposal,
        ProposalComment,
        Score,
    )
    from surveys.models import TEXT_KINDS, Answer

    markers = {
        "MARKER-CONTACT-EMAIL@secret.example",
        "MARKER-PHONE",
        "MARKER-DUE-DILIGENCE",
        "MARKER-INVITED-ORGANIZATION",
        "MARKER-DRAFT-PROPOSAL",
        "MARKER-PROBLEM",
        "MARKER-PURPOSE",
        "MARKER-CRITERIA",
        "MARKER-ACTIVITY",
        "MARKER-ATTACHMENT",
        "MARKER-BUDGET",
        "MARKER-CONTRIBUTION",
        "MARKER-EVALUATION",
        "MARKER-SCORE-COMMENT",
        "MARKER-PROPOSAL-COMMENT",
        "MARKER-PRIVATE-SESSION",
        "MARKER-DRAFT-MINUTES",
        "MARKER-AGREEMENT-UNAPPROVED-MINUTES",
        "MARKER-FOLLOW-UP",
        "MARKER-WRITTEN-ANSWER",
        "MARKER-ACHIEVEMENTS",
        "MARKER-PERSON-NAME",
        "MARKER-UNPUBLISHED-CANDIDATE",
        SECRET_NUMBER,
    }
    assert Organization.objects.update(
        contact_email="MARKER-CONTACT-EMAIL@secret.example", contact_phone="MARKER-PHONE"
    )
    assert DueDiligenceReview.objects.update(summary="MARKER-DUE-DILIGENCE", conditions="MARKER-DUE-DILIGENCE")
    invited = make_organization(status="invited", legal_name="MARKER-INVITED-ORGANIZATION, S.A.")
    assert Proposal.objects.filter(status="draft").update(title="MARKER-DRAFT-PROPOSAL")
    _mark_unpublished_candidates()
    published = Proposal.objects.published()
    staff = get_user_model().objects.filter(is_staff=True).first()
    # Invited to a published project's consortium, not yet accepted: not a partner the public sees.
    ConsortiumMember.objects.create(proposal=published.first(), organization=invited, invited_by=staff)
    assert published.update(problem="MARKER-PROBLEM", purpose="MARKER-PURPOSE", causes="MARKER-PROBLEM")
    # What only the proposal's own page shows: its criteria, cooperation component and schedule.
    criteria = {criterion.value: "MARKER-CRITERIA" for criterion in Criterion}
    assert published.update(effects="MARKER-CRITERIA", international_cooperation="MARKER-CRITERIA", **criteria)
    assert Activity.objects.filter(component__proposal__in=published).update(description="MARKER-ACTIVITY")
    assert BudgetLine.objects.update(concept="MARKER-BUDGET")
    assert Contribution.objects.update(description="MARKER-CONTRIBUTION")
    assert Evaluation.objects.update(overall_comment="MARKER-EVALUATION", conflict_statement="MARKER-EVALUATION")
    assert Score.objects.update(comment="MARKER-SCORE-COMMENT")
    # The demo writes no comments: one shared with the consortium and one internal, on a published project.
    for visibility in CommentVisibility:
        ProposalComment.objects.create(
            proposal=published.first(), author=staff, text="MARKER-PROPOSAL-COMMENT", visibility=visibility
        )
    Attachment.objects.create(
        proposal=published.first(),
        title="MARKER-ATTACHMENT",
        file=ContentFile(b"%PDF-1.4 MARKER-ATTACHMENT", name="anexo.pdf"),
        original_name="MARKER-ATTACHMENT.pdf",
        size=26,
        uploaded_by=staff,
    )
    assert get_user_model().objects.update(full_name="MARKER-PERSON-NAME", phone="MARKER-PHONE")
    # A private session; draft minutes; an agreement of a public session whose minutes are not approved.
    committee = Session.objects.filter(kind="committee").first().committee
    assert Session.objects.filter(is_public=False).update(
        title="MARKER-PRIVATE-SESSION", place="MARKER-PRIVATE-SESSION"
    )
    held = {
        "starts_at": timezone.now() - datetime.timedelta(days=3),
        "ends_at": timezone.now() - datetime.timedelta(days=2),
    }
    Session.objects.create(
        kind="committee", committee=committee, title="MARKER-PRIVATE-SESSION", is_public=False, created_by=staff, **held
    )
    unapproved = Session.objects.create(
        kind="committee", committee=committee, title="Pública sin minuta", is_public=True, created_by=staff, **held
    )
    Minutes.objects.create(session=unapproved, version=1, body="MARKER-DRAFT-MINUTES", drafted_by=staff)
    assert Minutes.objects.filter(status=MinutesStatus.DRAFT).update(body="MARKER-DRAFT-MINUTES")
    Agreement.objects.create(
        session=unapproved,
        committee=committee,
        description="MARKER-AGREEMENT-UNAPPROVED-MINUTES",
        responsible_organization=committee.memberships.first().organization,
        due_on=timezone.localdate(),
        created_by=staff,
    )
    assert Agreement.objects.update(follow_up="MARKER-FOLLOW-UP")
    # Written survey answers, named and anonymous alike, are individual answers.
    assert Answer.objects.filter(question__kind__in=TEXT_KINDS).update(text="MARKER-WRITTEN-ANSWER")
    # Reports: narratives never; values of reports that are not the current approved version never.
    assert Report.objects.update(achievements="MARKER-ACHIEVEMENTS", difficulties="MARKER-ACHIEVEMENTS")
    not_current = ReportValue.objects.exclude(report__in=current_approved()).filter(number__isnull=False)
    assert not_current.update(number=SECRET_NUMBER), "the demo has reports that are not approved"
    secrets = set(markers)
    secrets |= set(Organization.objects.exclude(rfc="").values_list("rfc", flat=True))
    secrets |= set(get_user_model().objects.values_list("email", flat=True))
    secrets |= set(Ballot.objects.exclude(status="closed").values_list("title", flat=True))
    return secrets
