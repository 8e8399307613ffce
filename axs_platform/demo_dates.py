"""The demo alliance's present: dates counted from the day ``load_demo`` runs, so the demo never ages.

The demo's history (2016–2019) keeps the seed's dates. What it places "now" (upcoming sessions, the
open call, the open ballot and survey) is written relative to today, and is found again on a later
run by belonging to the present era, never by a date or a title that holds a year.
"""

import datetime

from django.utils import timezone

# The demo's history ends before this day; every row dated after it belongs to the demo's present.
PRESENT_ERA = datetime.date(2020, 1, 1)
MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
             "noviembre", "diciembre"]  # fmt: skip
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]  # fmt: skip


def today():
    """Return the local date the demo counts its present from."""
    return timezone.localdate()


def day(offset):
    """Return the date ``offset`` days from today (negative: in the past)."""
    return today() + datetime.timedelta(days=offset)


def moment(offset, hour=10):
    """Return an aware datetime ``offset`` days from today at ``hour`` o'clock, local time."""
    return timezone.make_aware(datetime.datetime.combine(day(offset), datetime.time(hour)))


def present_era_start():
    """Return the first moment of the present era, aware, for filtering datetimes."""
    return timezone.make_aware(datetime.datetime.combine(PRESENT_ERA, datetime.time()))


def month_es(date):
    """Return "diciembre de 2026" for a date in December 2026."""
    return f"{MONTHS_ES[date.month - 1]} de {date.year}"


def month_en(date):
    """Return "December 2026" for a date in December 2026."""
    return f"{MONTHS_EN[date.month - 1]} {date.year}"
