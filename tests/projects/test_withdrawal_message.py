"""The proposer who withdraws their own proposal is told it was withdrawn, not that they were told."""

from django.contrib.messages import get_messages
from django.urls import reverse


def test_the_proposer_withdrawing_their_own_proposal_is_told_it_was_withdrawn(client, cast, draft):
    client.force_login(cast.lead)
    url = reverse("projects:proposal-transition", args=[draft.pk, "withdraw"])
    response = client.post(url, {"reason": "Ya no participaremos."})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "withdrawn"
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["La propuesta se retiró."]
