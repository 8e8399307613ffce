"""The demo's calendar holds Mexico's statutory rest days (LFT art. 74), and legal terms skip them."""

import datetime
import io

from django.core.management import call_command

from privacy.deadlines import due_date
from privacy.demo import statutory_days
from privacy.models import Holiday

D = datetime.date


def test_the_statutory_rest_days_of_a_year_follow_the_law():
    assert [day for day, _name in statutory_days(2024)] == [
        D(2024, 1, 1),
        D(2024, 2, 5),  # first Monday of February
        D(2024, 3, 18),  # third Monday of March
        D(2024, 5, 1),
        D(2024, 9, 16),
        D(2024, 11, 18),  # third Monday of November
        D(2024, 12, 25),
        D(2024, 12, 1),  # the federal executive changed hands
    ]
    assert D(2026, 12, 1) not in [day for day, _name in statutory_days(2026)]


def test_the_demo_calendar_has_them_and_a_term_skips_them(demo):
    holidays = set(Holiday.objects.values_list("day", flat=True))
    assert {D(2026, 12, 25), D(2027, 1, 1), D(2016, 9, 16)} <= holidays
    # Filed on Friday 18 December 2026: 10 business days skip Christmas and New Year's Day.
    assert due_date(received_on=D(2026, 12, 18), business_days=10, holidays=holidays) == D(2027, 1, 5)
    assert due_date(received_on=D(2026, 12, 18), business_days=10) == D(2027, 1, 1)


def test_loading_the_demo_again_adds_no_day(demo):
    before = Holiday.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert Holiday.objects.count() == before


def test_the_calendar_page_lists_last_year_to_next_year_and_links_the_others(client, db):
    from django.urls import reverse
    from django.utils import timezone

    from tests.factories import make_staff

    year = timezone.localdate().year
    for each in range(year - 3, year + 4):
        Holiday.objects.create(day=D(each, 5, 1), name="Día del Trabajo")
    client.force_login(make_staff())
    page = client.get(reverse("privacy:calendar")).content.decode()
    shown = [each for each in range(year - 3, year + 4) if f'datetime="{each}-05-01"' in page]
    assert shown == [year - 1, year, year + 1]
    assert "Ver también los 4 días de otros años" in page
    every = client.get(reverse("privacy:calendar"), {"todos": "1"}).content.decode()
    assert f'datetime="{year - 3}-05-01"' in every and f'datetime="{year + 3}-05-01"' in every
    assert "Ver también" not in every
