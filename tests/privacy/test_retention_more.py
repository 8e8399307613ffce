"""Retention of free text in closed requests and of anonymous drafts left in closed surveys."""

import datetime

import pytest
from django.utils import timezone

from privacy import services
from privacy.models import RequestPause, RightsRequest
from surveys import services as survey_services
from surveys.models import AnonymousDraft, Survey
from surveys.services import anonymous
from tests.factories import make_member, make_organization, make_representative, make_staff
from tests.surveys.conftest import build_survey

pytestmark = pytest.mark.django_db
SCRUBBED = "(anonimizado por la regla de conservación)"


def test_a_closed_request_loses_every_free_text_that_could_describe_the_person(settings):
    settings.LANGUAGE_CODE = "es"
    staff, person = make_staff(), make_representative()
    filed = services.request_file(user=person, right="rectification", details="Mi CURP es X.", channel="email")
    services.request_start(actor=staff, rights_request=filed)
    services.request_ask_completion(actor=staff, rights_request=filed, what_is_missing="Falta su acta de Juan Pérez.")
    services.request_complete(actor=staff, rights_request=filed, addition="Va el acta.")
    services.request_extend(actor=staff, rights_request=filed, reason="Juan Pérez pidió revisar su expediente.")
    services.request_answer(actor=staff, rights_request=filed, outcome="denied", answer="Juan Pérez: no procede.",
                            legal_reason="Art. 55, expediente de Juan Pérez.")  # fmt: skip
    RightsRequest.objects.filter(pk=filed.pk).update(answered_at=timezone.now() - datetime.timedelta(days=400))
    services.retention_rule_set(actor=staff, kind="closed_requests", keep_days=365)
    assert services.retention_apply().results["closed_requests"] == 1
    filed.refresh_from_db()
    texts = [filed.details, filed.answer, filed.legal_reason, filed.extension_reason]
    texts += list(RequestPause.objects.filter(request=filed).values_list("what_is_missing", flat=True))
    assert texts == [SCRUBBED] * 5
    assert filed.outcome == "denied"  # a denial keeps a (scrubbed) legal reason: the constraint holds


def test_anonymous_drafts_of_a_survey_closed_longer_than_the_term_are_deleted(settings):
    settings.LANGUAGE_CODE = "es"
    staff = make_staff()
    organization = make_organization(actor=staff)
    person = make_member(organization)
    survey = build_survey(staff, is_anonymous=True)
    survey_services.invitations_send(actor=staff, survey=survey)
    invitation = survey.invitations.get(organization=organization)
    question = survey.q["short_text"]
    survey_services.response_save(user=person, invitation=invitation, values={question.pk: "Borrador de Ana"},
                                  draft_secret=anonymous.new_secret())  # fmt: skip
    assert AnonymousDraft.objects.filter(survey=survey).count() == 1
    services.retention_rule_set(actor=staff, kind="closed_survey_drafts", keep_days=30)
    assert services.retention_apply().results["closed_survey_drafts"] == 0  # still open
    closed = timezone.now() - datetime.timedelta(days=31)
    Survey.objects.filter(pk=survey.pk).update(opens_at=closed - datetime.timedelta(days=10), closes_at=closed)
    assert services.retention_apply().results["closed_survey_drafts"] == 1
    assert not AnonymousDraft.objects.filter(survey=survey).exists()
    invitation.refresh_from_db()
    assert invitation.draft_check == "" and not invitation.has_draft
    assert services.retention_apply().results["closed_survey_drafts"] == 0
