"""What the audit trail shows people: action names, field names and values in words, not codes.

Apps above ``audit`` name their own dotted actions with ``register_actions`` in ``AppConfig.ready()``
(audit imports no app). ``readable_changes`` turns an event's stored ``{field: [before, after]}``
into the target model's field names, choice labels and related objects' names, reading each
related model once for a whole page of events. An action whose keys are not the target's fields
has its changes read by the function its app gave ``register_change_readers``; a key of a model's events that
is not one of its columns, or a column its field cannot name in words (codes in a list), is read by the function
the app gave ``register_field_readers``. Fixed sentences an app
records as a message (``register_sentences``) are stored as their msgid and shown in the reader's language.
"""

import datetime
import functools
from collections import defaultdict

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from axs_platform.forms import SPANISH_CONTENT

_ACTIONS = {}
_CHANGE_READERS = {}
_FIELD_READERS = {}
_SENTENCES = set()


def register_actions(labels):
    """Name dotted action codes (``{"projects.voted": _("Voted")}``), with lazy translations."""
    _ACTIONS.update(labels)


def register_change_readers(readers):
    """Read the changes of dotted actions: ``{code: reader}``, ``reader(key, before, after)`` returns a row.

    The row is ``(name, before, after)`` in the active language, made when the history is shown, so a change
    stored with codes reads in the reader's language.
    """
    _CHANGE_READERS.update(readers)


def register_field_readers(model_label, readers):
    """Read keys recorded on one model's events, whatever the action: ``{key: reader}`` for ``"app.model"``.

    ``reader(before, after)`` returns the row ``(name, before, after)`` in the active language, made when the
    history is shown, so events already stored with codes read in words too.
    """
    _FIELD_READERS.update({(model_label.lower(), key): reader for key, reader in readers.items()})


def named_actions():
    """Every action code that has a name: the model's own and those the apps registered."""
    from .models import AuditEvent

    return {*AuditEvent.Action.values, *_ACTIONS}


def register_sentences(msgids):
    """Name the fixed sentences an app records as an event's message (``gettext_noop`` msgids)."""
    _SENTENCES.update(msgids)
    _sentence_forms.cache_clear()


@functools.cache
def _sentence_forms():
    """Map each registered sentence, as its msgid and in every language of the site, to its msgid."""
    forms = {}
    for msgid in _SENTENCES:
        forms[msgid] = msgid
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                forms[translation.gettext(msgid)] = msgid
    return forms


def stored_message(message):
    """Return what to store for a message: a registered sentence's msgid, in whatever language it came."""
    return _sentence_forms().get(message, message)


def shown_message(message):
    """Return a stored message to show: a registered sentence in the active language, else the text as written.

    Events recorded before sentences were stored as msgids hold them in the actor's language; both forms are known.
    """
    msgid = _sentence_forms().get(message)
    if msgid is not None:
        return _(msgid)
    return Written(message) if message else message


def action_label(code):
    """Return the name of an action in the active language, or its code when nobody named it."""
    from .models import AuditEvent

    try:
        return AuditEvent.Action(code).label
    except ValueError:
        return _ACTIONS.get(code, code)


def _field(model, name):
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    # Reverse relations share names with recorded keys (``checklist``): only the model's own columns have labels.
    return field if getattr(field, "concrete", False) else None


class Written(str):
    """A value people wrote (a name, a description): entered in Spanish, so pages mark it ``lang="es"``."""

    written = True


def _shown(field, value, related):
    if value is None or value == "":
        return None
    if field is None:
        return value
    if isinstance(field, models.ForeignKey):
        target = related.get(field.related_model, {}).get(value)
        if target is None:
            return _("(removed, id %(id)s)") % {"id": value}
        return Written(target) if field.related_model._meta.label_lower in SPANISH_CONTENT else str(target)
    if getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(field, models.DateField) and isinstance(value, str):
        return _moment(field, value)
    codes = models.EmailField | models.URLField | models.SlugField
    if (
        isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, codes)
        and isinstance(value, str)
    ):
        return Written(value)
    return value


def _moment(field, value):
    """A stored ISO date or moment as people write it ("20 de mayo de 2016, 10:00"), in the site's time zone."""
    try:
        if isinstance(field, models.DateTimeField):
            moment = datetime.datetime.fromisoformat(value)
            if timezone.is_aware(moment):
                moment = timezone.localtime(moment)
            return date_format(moment, "DATETIME_FORMAT")
        return date_format(datetime.date.fromisoformat(value), "DATE_FORMAT")
    except ValueError:
        return value  # not an ISO value (an old record): shown as stored


def readable_changes(events):
    """Return the events as a list, each with ``readable_changes``: ``[(field name, before, after)]``.

    Each also gets ``shown_message``, its message in words (``shown_message``).
    """
    events = list(events)
    wanted = defaultdict(set)
    for event in events:
        model = event.target_type.model_class() if event.target_type_id else None
        event._axs_model = model
        for name, values in (event.changes or {}).items():
            field = _field(model, name)
            if isinstance(field, models.ForeignKey):
                wanted[field.related_model].update(v for v in values if v not in (None, ""))
    related = {model: model._default_manager.in_bulk(ids) for model, ids in wanted.items()}
    for event in events:
        rows = []
        reader = _CHANGE_READERS.get(event.action)
        for name, values in (event.changes or {}).items():
            before, after = (list(values) + [None, None])[:2] if isinstance(values, list) else (None, values)
            if reader is not None:
                rows.append(reader(name, before, after))
                continue
            model = event._axs_model
            field_reader = _FIELD_READERS.get((model._meta.label_lower, name)) if model is not None else None
            if field_reader is not None:
                rows.append(field_reader(before, after))
                continue
            field = _field(event._axs_model, name)
            label = capfirst(field.verbose_name) if field is not None and hasattr(field, "verbose_name") else name
            rows.append((label, _shown(field, before, related), _shown(field, after, related)))
        event.readable_changes = rows
        event.shown_message = shown_message(event.message)
    return events
