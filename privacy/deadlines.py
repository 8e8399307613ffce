"""Deadline arithmetic in business days: one pure function, no database, no clock.

The term runs from the day after the request is received (LGPDPPSO counts "a partir del día
siguiente"); a business day is Monday to Friday and not a holiday. While the person is asked to
complete the request the clock stops: the day it was asked still counts, the days after it up to and
including the day the request was completed do not.
"""

import datetime

ONE_DAY = datetime.timedelta(days=1)


def is_business_day(day, holidays):
    """Return whether ``day`` is a weekday that is not a holiday."""
    return day.weekday() < 5 and day not in holidays


def _paused(day, pauses):
    return any(start < day and (end is None or day <= end) for start, end in pauses)


def due_date(*, received_on, business_days, holidays=frozenset(), pauses=(), extension_days=0):
    """Return the last day to answer, or ``None`` while a pause is open (the clock is stopped).

    ``pauses`` are ``(asked_on, completed_on)`` pairs, ``completed_on`` is ``None`` while open.
    """
    if business_days < 0 or extension_days < 0:
        raise ValueError("A term cannot be negative.")
    pauses = list(pauses)
    if any(end is None for _start, end in pauses):
        return None
    holidays = frozenset(holidays)
    remaining = business_days + extension_days
    day = received_on
    while remaining:
        day += ONE_DAY
        if is_business_day(day, holidays) and not _paused(day, pauses):
            remaining -= 1
    return day


def business_days_between(start, end, holidays=frozenset()):
    """Count the business days after ``start`` up to and including ``end`` (0 when ``end <= start``)."""
    holidays = frozenset(holidays)
    count, day = 0, start
    while day < end:
        day += ONE_DAY
        if is_business_day(day, holidays):
            count += 1
    return count
