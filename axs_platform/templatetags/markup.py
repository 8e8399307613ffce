"""Template helpers for what machines read in the markup: `<time datetime>` values and the language of content."""

import datetime

from django import template
from django.utils import timezone, translation
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
    if (translation.get_language() or "").startswith("es"):
        return ""
    return mark_safe(' lang="es"')
