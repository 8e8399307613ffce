"""Uses of personal data a person may oppose, and the seam through which the apps that use them honour it.

Imports no app. The ``privacy`` app, at the top, registers the reader of people's choices in its
``AppConfig.ready()``; the apps below it (committees, surveys, ...) call ``exclude_opposed`` or
``opposing_among`` where they build a list for one of these uses, so an opposition applies at once.
``opposing_among`` is the one predicate every reminder and digest asks (``REMINDERS``): evaluation,
report, ballot, survey and personal data request reminders (``notifications.services.notify_each``
with ``purpose=REMINDERS``) and the daily and weekly digests (``notifications.digests``).
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

DIRECTORY = "directory"
REMINDERS = "reminders"
NAMED_IN_MINUTES = "named_in_minutes"

_reader = None


def register_reader(reader):
    """Set the function ``reader(purpose)`` that returns the ids of the people opposing a purpose (a subquery)."""
    global _reader
    _reader = reader


def opposed(purpose):
    """Return the ids of the people who oppose a purpose, as a subquery; ``None`` when nobody records choices."""
    return _reader(purpose) if _reader is not None else None


def exclude_opposed(queryset, purpose, field):
    """Leave out the rows whose ``field`` (a person) opposes the purpose; rows without a person stay."""
    ids = opposed(purpose)
    return queryset if ids is None else queryset.exclude(**{f"{field}__in": ids})


def opposing_among(purpose, person_ids):
    """Return which of these people oppose the purpose, as a set of ids (one query, none without a reader).

    ``purpose`` may be a tuple of purposes: then whoever opposes any of them (still one query).
    """
    wanted = purpose if isinstance(purpose, tuple | list) else (purpose,)
    person_ids = [pk for pk in person_ids if pk is not None]
    if _reader is None or not person_ids or not wanted:
        return set()
    opposing = Q()
    for one in wanted:
        opposing |= Q(pk__in=opposed(one))
    return set(get_user_model().objects.filter(pk__in=person_ids).filter(opposing).values_list("pk", flat=True))


def opposes(person, purpose):
    """Return whether one person opposes the purpose (the same read as ``opposing_among``)."""
    return person is not None and person.pk in opposing_among(purpose, [person.pk])
