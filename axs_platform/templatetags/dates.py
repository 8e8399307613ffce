"""Template filter for historical dates: ``{{ record.date|historical_date:record.date_precision }}``."""

from django import template

from axs_platform.dates import DatePrecision
from axs_platform.dates import historical_date as write_date
from axs_platform.dates import historical_moment as write_moment

register = template.Library()


@register.filter
def historical_date(value, precision=DatePrecision.DAY):
    """Write a date as its source knows it: the day, the month only ("mayo de 2017") or the year only ("2016")."""
    return write_date(value, precision or DatePrecision.DAY)


@register.filter
def historical_moment(value, precision=DatePrecision.DAY):
    """Write a moment with its time when the day is known ("19 de mayo de 2016, 10:00"), else as ``historical_date``."""
    return write_moment(value, precision or DatePrecision.DAY)
