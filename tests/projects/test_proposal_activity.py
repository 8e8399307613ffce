"""A proposal's activity stream and comments per role, mentions, and evaluation reminders sent once."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification
from projects import services
from projects.activity import activity_stream
from projects.models import Evaluation
from projects.tasks import evaluation_reminders
from tests.factories import make_evaluator

pytestmark = pytest.mark.django_db


def _subjects_to(person):
    """What reached the person's inbox (e-mailed at once or in a digest, as they chose)."""
    return list(Notification.objects.filter(recipient=person).values_list("title", flat=True))


@pytest.fixture
def conversation(cast, submitted):
    """A submitted proposal with an assigned evaluator, a shared and an internal comment and a step."""
    services.evaluator_assign(actor=cast.staff, proposal=submitted, evaluator=cast.evaluator)
    services.comment_add(actor=cast.lead, proposal=submitted, text="Adjuntamos el presupuesto revisado.")
    services.comment_add(
        actor=cast.staff, proposal=submitted, text="Revisar la contrapartida de la empresa.", visibility="internal"
    )
    services.proposal_transition(actor=cast.staff, proposal=submitted, action="accept")
    return submitted


def _texts(user, proposal):
    return [item.text for item in activity_stream(user, proposal)]


def test_internal_comments_reach_reviewers_and_evaluators_never_the_organization(cast, conversation):
    internal = "Revisar la contrapartida de la empresa."
    shared = "Adjuntamos el presupuesto revisado."
    for reviewer in (cast.staff, cast.chair, cast.evaluator):
        assert {internal, shared} <= set(_texts(reviewer, conversation))
    for proposer in (cast.lead, cast.partner):
        texts = _texts(proposer, conversation)
        assert shared in texts and internal not in texts
        assert not [item for item in activity_stream(proposer, conversation) if item.kind == "evaluation"]


def test_internal_comment_does_not_show_on_the_proposers_page(client, cast, conversation):
    client.force_login(cast.lead)
    page = client.get(reverse("projects:proposal-detail", args=[conversation.pk])).content.decode()
    assert "Adjuntamos el presupuesto revisado." in page
    assert "Revisar la contrapartida" not in page
    client.force_login(cast.staff)
    page = client.get(reverse("projects:proposal-detail", args=[conversation.pk])).content.decode()
    assert "Revisar la contrapartida" in page


def test_the_timeline_holds_steps_edits_and_evaluations_in_order(cast, conversation):
    kinds = [item.kind for item in activity_stream(cast.staff, conversation)]
    assert {"comment", "step", "edit", "evaluation"} <= set(kinds)
    whens = [item.when for item in activity_stream(cast.staff, conversation)]
    assert whens == sorted(whens)


def test_an_outsider_cannot_comment_and_an_evaluator_comments_internally(client, cast, conversation):
    url = reverse("projects:comment-create", args=[conversation.pk])
    client.force_login(cast.outsider)
    assert client.post(url, {"text": "Hola"}).status_code == 403
    client.force_login(cast.evaluator)
    client.post(url, {"text": "Duda sobre el indicador", "visibility": "shared"})
    comment = conversation.comments.get(text="Duda sobre el indicador")
    assert comment.visibility == "internal"


def test_a_mention_tells_only_who_may_read_the_comment(cast, conversation):
    evaluator_name = cast.evaluator.email.split("@")[0]
    lead_name = cast.lead.email.split("@")[0]
    before_lead = len(_subjects_to(cast.lead))
    services.comment_add(
        actor=cast.staff,
        proposal=conversation,
        text=f"@{evaluator_name} y @{lead_name}: ¿vieron el anexo?",
        visibility="internal",
    )
    assert any("mencionó" in s or "mentioned" in s for s in _subjects_to(cast.evaluator))
    assert len(_subjects_to(cast.lead)) == before_lead  # an internal comment never reaches the organization


def test_reminders_before_and_after_the_due_date_go_once(cast, in_review):
    today = timezone.localdate()
    soon = services.evaluator_assign(
        actor=cast.staff, proposal=in_review, evaluator=cast.evaluator, due_on=today + datetime.timedelta(days=2)
    )
    late_person = make_evaluator()
    late = services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=late_person, due_on=today)
    far = services.evaluator_assign(
        actor=cast.staff, proposal=in_review, evaluator=make_evaluator(), due_on=today + datetime.timedelta(days=20)
    )
    assert services.evaluation_reminders_due(today=today - datetime.timedelta(days=1)) == (2, 0)
    assert services.evaluation_reminders_due(today=today - datetime.timedelta(days=1)) == (0, 0)
    assert evaluation_reminders() == (0, 0)  # the beat task, today: nothing new
    assert services.evaluation_reminders_due(today=today + datetime.timedelta(days=1)) == (0, 1)
    assert services.evaluation_reminders_due(today=today + datetime.timedelta(days=1)) == (0, 0)
    soon.refresh_from_db(), late.refresh_from_db(), far.refresh_from_db()
    assert soon.reminded_before_at and late.reminded_before_at and late.reminded_after_at
    assert far.reminded_before_at is None
    assert len([s for s in _subjects_to(late_person) if "vencida" in s or "overdue" in s]) == 1


def test_a_submitted_evaluation_is_not_reminded(cast, in_review):
    today = timezone.localdate()
    evaluation = services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=cast.evaluator, due_on=today)
    Evaluation.objects.filter(pk=evaluation.pk).update(
        status="submitted", has_conflict=False, submitted_at=timezone.now()
    )
    assert services.evaluation_reminders_due(today=today + datetime.timedelta(days=3)) == (0, 0)


def test_evaluator_load_counts_pending_and_overdue(client, cast, in_review):
    today = timezone.localdate()
    services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=cast.evaluator, due_on=today)
    Evaluation.objects.filter(evaluator=cast.evaluator).update(due_on=today - datetime.timedelta(days=2))
    client.force_login(cast.staff)
    response = client.get(reverse("projects:evaluator-load"))
    person = next(p for p in response.context["evaluators"] if p.pk == cast.evaluator.pk)
    assert (person.pending, person.overdue, person.submitted) == (1, 1, 0)


def test_evaluator_load_reads_the_evaluations_once_and_counts_the_evaluators_alone(client, cast, in_review):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_evaluator(full_name="Segunda Evaluadora")
    today = timezone.localdate()
    services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=cast.evaluator, due_on=today)
    client.force_login(cast.staff)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("projects:evaluator-load"))
    grouped = [query["sql"] for query in captured if "projects_evaluation" in query["sql"]]
    assert len(grouped) == 1  # the page's count reads the evaluators, not the aggregate again
    page = response.context["evaluators"]
    assert page.paginator.count == type(cast.evaluator).objects.filter(role="evaluator", is_active=True).count()
    assert page.object_list[0].pk == cast.evaluator.pk  # the busiest first


def test_a_chair_whose_organization_proposes_does_not_read_internal_comments(cast, conversation):
    from committees.permissions import current_organization
    from projects import permissions

    assert permissions.can_read_internal(cast.chair, conversation)
    conversation.lead_organization = current_organization(cast.chair)
    conversation.save(update_fields=["lead_organization"])
    assert not permissions.can_read_internal(cast.chair, conversation)
    assert "Revisar la contrapartida de la empresa." not in _texts(cast.chair, conversation)
    assert not permissions.can_read_internal(cast.partner, conversation)


def test_no_reminder_nor_load_for_a_proposal_no_longer_evaluated(client, cast, in_review):
    today = timezone.localdate()
    services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=cast.evaluator, due_on=today)
    type(in_review).objects.filter(pk=in_review.pk).update(status="declined")
    assert services.evaluation_reminders_due(today=today - datetime.timedelta(days=1)) == (0, 0)
    assert services.evaluation_reminders_due(today=today + datetime.timedelta(days=1)) == (0, 0)
    client.force_login(cast.staff)
    response = client.get(reverse("projects:evaluator-load"))
    person = next(p for p in response.context["evaluators"] if p.pk == cast.evaluator.pk)
    assert (person.pending, person.overdue) == (0, 0)


def test_an_evaluator_without_an_e_mail_address_is_reminded_in_the_inbox(cast, in_review):
    today = timezone.localdate()
    services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=cast.evaluator, due_on=today)
    type(cast.evaluator).objects.filter(pk=cast.evaluator.pk).update(email="")
    before = len(_subjects_to(cast.evaluator))
    assert services.evaluation_reminders_due(today=today - datetime.timedelta(days=1)) == (1, 0)
    assert len(_subjects_to(cast.evaluator)) == before + 1


def test_what_i_follow_counts_but_never_names_what_the_person_may_no_longer_see(client, cast, submitted):
    from notifications.models import Follow
    from notifications.services import follow

    follow(actor=cast.staff, target=submitted)
    cast.staff.preferred_language = "es"
    cast.staff.save(update_fields=["preferred_language"])
    client.force_login(cast.staff)
    url = reverse("notifications:following")
    assert submitted.title in client.get(url).content.decode()
    type(submitted).objects.filter(pk=submitted.pk).update(version=0, status="draft")  # back to its consortium
    page = client.get(url).content.decode()
    assert submitted.title not in page
    assert "Sigue 1 elemento más que ya no puede ver." in page
    response = client.post(url, follow=True)
    assert "Dejó de seguir 1 elemento." in [str(m) for m in response.context["messages"]]
    assert not Follow.objects.filter(person=cast.staff).exists()


def test_a_title_with_an_ampersand_is_stored_as_typed_in_the_inbox(cast, submitted):
    type(submitted).objects.filter(pk=submitted.pk).update(title="Agua & saneamiento <rural>")
    submitted.refresh_from_db()
    services.proposal_transition(actor=cast.staff, proposal=submitted, action="accept")
    subjects = [s for s in _subjects_to(cast.lead) if "Agua" in s]
    assert subjects and all("Agua & saneamiento <rural>" in s and "&amp;" not in s for s in subjects)


def test_a_refused_comment_is_shown_again_with_its_text_and_the_error_beside_it(client, cast, submitted):
    client.force_login(cast.lead)
    text = "Presupuesto revisado. " * 200  # 4,400 characters: over the limit
    response = client.post(reverse("projects:comment-create", args=[submitted.pk]), {"text": text})
    assert response.status_code == 200
    form = response.context["comment_form"]
    assert form.errors["text"]
    page = response.content.decode()
    assert text.strip() in page  # the text is kept in the box
    textarea = page[page.index("<textarea") : page.index("</textarea>")]
    assert "is-invalid" in textarea and 'id="error_1_id_text"' in page  # the error is at the field
    assert not submitted.comments.exists()


def test_a_comment_counts_each_line_break_as_one_character(client, cast, submitted):
    # The browser's maxlength counts a line break once, and sends it as CR LF.
    client.force_login(cast.lead)
    lines = ["x" * 99] * 40  # 40 lines of 99 characters and 39 line breaks: 3,999 characters
    response = client.post(reverse("projects:comment-create", args=[submitted.pk]), {"text": "\r\n".join(lines)})
    assert response.status_code == 302
    assert submitted.comments.get().text == "\n".join(lines)
