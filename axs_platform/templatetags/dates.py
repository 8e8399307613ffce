"""Template filters for historical dates: ``{{ record.date|historical_date:record.date_precision }}``.

Given a day instead of a precision, they write the span of an event over several days up to that last day:
``{{ session.starts_at|historical_date:session.ends_on }}`` gives "19–20 de mayo de 2016".
"""

import datetime

from django import template

from axs_platform.dates import DatePrecision
from axs_platform.dates import historical_date as write_date
from axs_platform.dates import historical_moment as write_moment

register = template.Library()


def _precision_and_last_day(argument):
    if isinstance(argument, datetime.date):
        return DatePrecision.DAY, argument
    return argument or DatePrecision.DAY, None


@register.filter
def historical_date(value, precision_or_last_day=DatePrecision.DAY):
    """Write a date as its source knows it: the day, the month only ("mayo de 2017") or the year only ("2016")."""
    precision, last_day = _precision_and_last_day(precision_or_last_day)
    return write_date(value, precision, until=last_day)


@register.filter
def historical_moment(value, precision_or_last_day=DatePrecision.DAY):
    """Write a moment with its time when the day is known ("19 de mayo de 2016, 10:00"), else as ``historical_date``."""
    precision, last_day = _precision_and_last_day(precision_or_last_day)
    return write_moment(value, precision, until=last_day)
