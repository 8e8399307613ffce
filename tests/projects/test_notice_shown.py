"""Submitting a proposal records the privacy notice version the submit page showed, with the version submitted."""

import pytest
from django.urls import reverse

from privacy.models import NoticeAcknowledgement
from projects.models import ProposalVersion
from tests.privacy.notice_shown import FIELD, publish, shown_on

pytestmark = pytest.mark.django_db


def test_submitting_records_the_version_the_page_showed_with_the_version_submitted(client, cast, draft):
    shown = publish("Aviso de la propuesta", "Notice of the proposal")
    url = reverse("projects:proposal-submit", args=[draft.pk])
    client.force_login(cast.lead)
    page = client.get(url).content.decode()
    assert "Aviso de la propuesta" in page
    value = shown_on(page, "submit-form")
    publish("Aviso nuevo")
    assert client.post(url, {FIELD: value}).status_code == 302
    acknowledgement = NoticeAcknowledgement.objects.get()
    assert acknowledgement.point == "proposal_submit" and acknowledgement.person == cast.lead
    assert acknowledgement.notice == shown
    assert acknowledgement.proposal_version == ProposalVersion.objects.get(proposal=draft, number=1)


def test_the_submit_page_shows_the_notice_in_english(client, cast, draft):
    publish("Aviso de la propuesta", "Notice of the proposal")
    cast.lead.preferred_language = "en"
    cast.lead.save(update_fields=["preferred_language"])
    client.force_login(cast.lead)
    page = client.get(reverse("projects:proposal-submit", args=[draft.pk])).content.decode()
    assert "Notice of the proposal" in page and "Aviso de la propuesta" not in page


def test_a_refused_submission_records_nothing(client, cast, draft):
    shown = publish()
    client.force_login(cast.partner)
    assert client.post(reverse("projects:proposal-submit", args=[draft.pk]), {FIELD: shown.pk}).status_code == 403
    assert not NoticeAcknowledgement.objects.exists()
