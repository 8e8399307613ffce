"""How precisely a historical date is known, and the one way every page and document writes such a date.

A record of an event that came before the platform (a plenary, a survey, a milestone) still needs a date to be
sorted and filtered, but its source may give only the month ("en agosto de 2016") or the year. The record keeps
a ``DatePrecision`` beside its date, and ``historical_date`` prints only what is known: "19 de mayo de 2016",
"mayo de 2017" or "2016" (in English "May 19, 2016", "May 2017", "2016"); ``historical_moment`` adds the time
when the day is known ("19 de mayo de 2016, 10:00").
"""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
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


def historical_date(value, precision=DatePrecision.DAY):
    """Return ``value`` (a date or an aware datetime) written in the active language to the known precision."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localdate(value) if timezone.is_aware(value) else value.date()
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return date_format(value, "YEAR_MONTH_FORMAT")
    return date_format(value, "DATE_FORMAT")


def historical_moment(value, precision=DatePrecision.DAY):
    """Return a moment written like ``historical_date``, with its local time when the day is known.

    "19 de mayo de 2016, 10:00" ("May 19, 2016, 10 a.m."); a moment known to the month or the year has no
    day, let alone a time: "mayo de 2016".
    """
    if value in (None, ""):
        return ""
    if precision and precision != DatePrecision.DAY:
        return historical_date(value, precision)
    local = timezone.localtime(value) if isinstance(value, datetime.datetime) and timezone.is_aware(value) else value
    return f"{historical_date(local)}, {date_format(local, 'TIME_FORMAT')}"
