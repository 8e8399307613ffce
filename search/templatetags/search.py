"""Template tags of the results page: hits marked in an escaped title or snippet."""

from django import template

from search import text

register = template.Library()


@register.simple_tag
def highlight(value, query):
    """Return ``value`` escaped with the query's words marked."""
    return text.highlight(value or "", query)


@register.simple_tag
def snippet(value, query):
    """Return a window of ``value`` around the first hit, escaped, with the query's words marked."""
    return text.snippet(value or "", query)
