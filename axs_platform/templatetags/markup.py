"""Template helpers for what machines read in the markup: `<time datetime>` values and the language of content."""

import datetime

from django import template
from django.utils import timezone, translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def iso_datetime(value):
    """Return a date-time as ISO 8601 in the current time zone, to the second (HTML allows at most 3 fractions)."""
    if not isinstance(value, datetime.datetime):
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0).isoformat()


@register.simple_tag
def content_lang():
    """Return ` lang="es"` for an element holding what people wrote (in Spanish) when the interface is not Spanish.

    Names, descriptions and titles are entered once, in Spanish; a screen reader must read them as Spanish
    inside the English interface.
    """
    if _in_spanish():
        return ""
    return mark_safe(' lang="es"')


def _in_spanish():
    return (translation.get_language() or "").startswith("es")


@register.filter
def es(value):
    """Wrap what people wrote (in Spanish) in ``<span lang="es">`` inside the English interface.

    For inline text only (a name, a title); a block of paragraphs takes ``{% content_lang %}`` on its container.
    """
    if value in (None, ""):
        return ""
    if _in_spanish():
        return conditional_escape(value)
    return format_html('<span lang="es">{}</span>', value)


@register.filter
def bilingual(instance, name):
    """A text kept in Spanish and, optionally, English as the interface shows it.

    The Spanish text is ``name_es`` (a survey's ``title_es``) or, where the model has no such field,
    ``name`` itself (a committee's ``name`` beside ``name_en``, a session's ``title`` beside ``title_en``);
    ``instance`` may be a row of ``.values()`` too.
    The English text in the English interface; else the Spanish one, marked ``lang="es"`` when the interface
    is English.
    """
    if instance in (None, ""):
        return ""
    english = _field(instance, f"{name}_en")
    if not _in_spanish() and english:
        return conditional_escape(english)
    spanish = _field(instance, f"{name}_es")
    return es(spanish if spanish is not None else _field(instance, name))


def _field(instance, key):
    """``instance.key``, or ``instance[key]`` for a row read with ``.values()``; None when there is neither."""
    if isinstance(instance, dict):
        return instance.get(key)
    return getattr(instance, key, None)
