"""The demo's English session titles name the committee ("… of the Education Committee"); a demo loaded with the
former titles ("… of the Education") is corrected by loading it again, once.
"""

import io

import pytest
from django.core.management import call_command
from django.db.models import Q

from committees.models import Session

pytestmark = pytest.mark.django_db


def test_the_installations_and_monthly_sessions_say_committee_in_english(demo):
    installation = Session.objects.get(committee__name_en="Education", title_en__startswith="Installation")
    assert installation.title_en == "Installation session of the Education Committee"
    # The next ordinary session names its committee; the past monthly ones name only their month.
    upcoming = Session.objects.filter(title_en__startswith="Ordinary session", title_en__contains=" of the ")
    assert upcoming.exists() and not upcoming.exclude(title_en__endswith=" Committee").exists()


def test_loading_the_demo_again_corrects_the_former_english_titles_once(demo):
    former = Q(title_en__startswith="Installation session") | Q(title_en__startswith="Ordinary session")
    committee_sessions = Session.objects.filter(former, committee__isnull=False, title_en__contains=" of the ")
    for session in committee_sessions:
        Session.objects.filter(pk=session.pk).update(title_en=session.title_en.removesuffix(" Committee"))
    assert Session.objects.filter(title_en="Installation session of the Education").exists()
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    assert not committee_sessions.exclude(title_en__endswith=" Committee").exists()
    assert not committee_sessions.filter(title_en__endswith="Committee Committee").exists()
