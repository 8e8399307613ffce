"""How precisely a historical date is known, and the one way every page and document writes such a date.

A record of an event that came before the platform (a plenary, a survey, a milestone) still needs a date to be
sorted and filtered, but its source may give only the month ("en agosto de 2016") or the year. The record keeps
a ``DatePrecision`` beside its date, and ``historical_date`` prints only what is known: "19 de mayo de 2016",
"mayo de 2017" or "2016" (in English "May 19, 2016", "May 2017", "2016"); ``historical_moment`` adds the time
when the day is known ("19 de mayo de 2016, 10:00"). Given the last day of an event over several days, both write
the span: "19–20 de mayo de 2016" ("May 19–20, 2016").
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    DAY = "day", _("the day")
    MONTH = "month", _("the month only")
    YEAR = "year", _("the year only")


def date_precision_field(help_text):
    """Return the field that says how much of a record's date its source gives (the day unless told)."""
    return models.CharField(
        _("date known to"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY, help_text=help_text
    )


def _local_day(value):
    if isinstance(value, datetime.datetime):
        if not timezone.is_aware(value):
            return value.date()
        try:
            return timezone.localdate(value)
        except OverflowError:  # too near year 1 or 9999 to move to local time: its own day is near enough
            return value.date()
    return value


def historical_date(value, precision=DatePrecision.DAY, until=None):
    """Return ``value`` (a date or an aware datetime) written in the active language to the known precision.

    ``until``, the last day of an event over several days, makes a day a span: "19–20 de mayo de 2016".
    """
    if value in (None, ""):
        return ""
    value = _local_day(value)
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return date_format(value, "YEAR_MONTH_FORMAT")
    if until is not None and _local_day(until) > value:
        return day_span(value, _local_day(until))
    return date_format(value, "DATE_FORMAT")


def day_span(first, last):
    """Return the days from ``first`` to ``last`` written as one span, naming their month and year once."""
    if (first.year, first.month) == (last.year, last.month):
        # Translators: the days of one month, "May 19–20, 2016"; in Spanish "19–20 de mayo de 2016".
        return gettext("%(month)s %(first)s–%(last)s, %(year)s") % {
            "month": date_format(first, "F"),
            "first": first.day,
            "last": last.day,
            "year": first.year,
        }
    if first.year == last.year:
        # Translators: days of two months, "May 30 – June 2, 2016"; in Spanish "30 de mayo – 2 de junio de 2016".
        return gettext("%(first)s – %(last)s, %(year)s") % {
            "first": date_format(first, "MONTH_DAY_FORMAT"),
            "last": date_format(last, "MONTH_DAY_FORMAT"),
            "year": first.year,
        }
    return f"{date_format(first, 'DATE_FORMAT')} – {date_format(last, 'DATE_FORMAT')}"


def historical_moment(value, precision=DatePrecision.DAY, until=None):
    """Return a moment written like ``historical_date``, with its local time when the day is known.

    "19 de mayo de 2016, 10:00" ("May 19, 2016, 10 a.m."); a moment known to the month or the year has no
    day, let alone a time: "mayo de 2016". With ``until``, the last day of a session over several days, the
    span and its first hour: "19–20 de mayo de 2016, 10:00".
    """
    if value in (None, ""):
        return ""
    if precision and precision != DatePrecision.DAY:
        return historical_date(value, precision)
    local = timezone.localtime(value) if isinstance(value, datetime.datetime) and timezone.is_aware(value) else value
    return f"{historical_date(local, until=until)}, {date_format(local, 'TIME_FORMAT')}"


# The span of days a record of the alliance may bear: nothing of it predates the SDGs (2015), and a later day
# than 2100 is a typing slip (9999, 20277). Sessions, activities, monitoring plans and report periods refuse days
# outside it.
EARLIEST_DAY = datetime.date(2015, 1, 1)
LATEST_DAY = datetime.date(2100, 12, 31)


def implausible_day(day):
    """Return why ``day`` (a date or an aware datetime) cannot be a record's date, or "" when it can."""
    if day is None:
        return ""
    day = _local_day(day)
    if day < EARLIEST_DAY:
        return gettext("Check the year: dates before %(year)s are not accepted.") % {"year": EARLIEST_DAY.year}
    if day > LATEST_DAY:
        return gettext("Check the year: dates after %(year)s are not accepted.") % {"year": LATEST_DAY.year}
    return ""


def refuse_before_latest_change(changes, day, field="effective_on"):
    """Refuse a step dated before the latest of ``changes`` (rows with ``effective_on``): a history stays in order."""
    latest = changes.aggregate(latest=Max("effective_on"))["latest"]
    if latest is not None and day < latest:
        message = _("The date cannot be before the latest change of the history (%(date)s).")
        params = {"date": date_format(latest, "SHORT_DATE_FORMAT")}
        raise ValidationError({field: ValidationError(message, code="before_latest_change", params=params)})
