"""The report counts the committee sessions held, not the ones scheduled after the day it is made."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from committees.models import SessionStatus
from projects.models import Proposal
from reports.committee_chapter import committees_of
from reports.figures import report_figures
from tests.factories import make_committee, make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def committee():
    committee = make_committee(installed_on=timezone.localdate() - datetime.timedelta(days=90))
    make_session(committee, days_from_now=-3)
    make_session(committee, days_from_now=-1, status=SessionStatus.CANCELLED)
    make_session(committee, days_from_now=2)  # scheduled: the period has not reached it yet
    make_session(committee, days_from_now=5)
    return committee


def test_a_period_ending_after_today_counts_only_the_sessions_held_by_today(committee):
    today = timezone.localdate()
    start, end = today - datetime.timedelta(days=60), today + datetime.timedelta(days=30)
    figures = report_figures(start, end, plenaries=[], survey=None)
    assert figures["committee_sessions"] == 1
    assert figures["sessions_as_of"] == today
    [row] = [c for c in committees_of(start, end, Proposal.objects.none().values("pk")) if c.pk == committee.pk]
    assert row.sessions_held == 1
    for language, words in (("es-mx", "(al "), ("en", "(as of ")):
        with translation.override(language):
            page = render_to_string("reports/includes/dashboard_body.html", {"figures": figures})
        assert words in page


def test_a_period_that_has_ended_says_no_as_of_date(committee):
    today = timezone.localdate()
    figures = report_figures(today - datetime.timedelta(days=60), today, plenaries=[], survey=None)
    assert figures["committee_sessions"] == 1
    assert figures["sessions_as_of"] is None
    with translation.override("en"):
        assert "(as of " not in render_to_string("reports/includes/dashboard_body.html", {"figures": figures})
