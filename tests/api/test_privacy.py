"""Nothing marked as not public reaches the API: every list and every row's detail, anonymously and with a token.

The open-data markers (``tests/opendata/secrets.py``) are written into the demo first. Anonymously no marker may
appear at all; with a staff token (who sees private sessions, proposals in review and the whole directory, as
the pages do), none of what no endpoint has for anybody: contacts, due diligence, problem analysis and criteria,
schedules, attachments, budgets, contributions, evaluations, comments, minutes' drafts, written answers,
report narratives, e-mail addresses and tax ids.
"""

import json

import pytest

from tests.opendata.secrets import seed_secrets

from .helpers import client_for, every_row, issue

PUBLIC_LISTS = ["goals", "targets", "indicators", "organizations", "committees", "memberships", "sessions", "projects"]
TOKEN_LISTS = ["calls", "proposals", "ballots", "surveys"]
NEVER = {
    "MARKER-CONTACT-EMAIL@secret.example",
    "MARKER-PHONE",
    "MARKER-DUE-DILIGENCE",
    "MARKER-PROBLEM",
    "MARKER-CRITERIA",
    "MARKER-ACTIVITY",
    "MARKER-ATTACHMENT",
    "MARKER-BUDGET",
    "MARKER-CONTRIBUTION",
    "MARKER-EVALUATION",
    "MARKER-SCORE-COMMENT",
    "MARKER-PROPOSAL-COMMENT",
    "MARKER-DRAFT-MINUTES",
    "MARKER-WRITTEN-ANSWER",
    "MARKER-ACHIEVEMENTS",
}


def walk(client, names):
    """Return the text of every list and of each listed row's detail (and a session's agreements).

    The SDG framework's rows (looked up by number or code, not id) are the shipped UN data: their lists only.
    """
    texts = {}
    for name in names:
        rows = every_row(client, f"/api/v1/{name}/?per_page=200")
        assert rows, f"{name} has no rows: the test would prove nothing"
        texts[name] = json.dumps(rows, ensure_ascii=False)
        for row in rows if "id" in rows[0] else ():
            response = client.get(f"/api/v1/{name}/{row['id']}/")
            assert response.status_code == 200, (name, row["id"], response.status_code)
            texts[f"{name}/{row['id']}"] = response.content.decode()
            if name == "sessions":
                agreements = client.get(f"/api/v1/sessions/{row['id']}/agreements/")
                if agreements.status_code == 200:
                    texts[f"{name}/{row['id']}/agreements"] = agreements.content.decode()
    return texts


def leaks(texts, secrets):
    return {name: found for name, text in texts.items() if (found := sorted(s for s in secrets if s and s in text))}


@pytest.mark.django_db
def test_no_endpoint_shows_a_marked_secret_anonymously_nor_to_staff_what_no_page_publishes(demo):
    from django.contrib.auth import get_user_model

    from companies.models import Organization

    secrets = seed_secrets()
    assert not leaks(walk(client_for(), PUBLIC_LISTS), secrets), "anonymous"
    never = NEVER | set(get_user_model().objects.values_list("email", flat=True))
    never |= set(Organization.objects.exclude(rfc="").values_list("rfc", flat=True))
    staff = get_user_model().objects.filter(is_staff=True, is_active=True).first()
    _token, key = issue(staff, staff=staff)
    assert not leaks(walk(client_for(key), PUBLIC_LISTS + TOKEN_LISTS), never), "staff"
