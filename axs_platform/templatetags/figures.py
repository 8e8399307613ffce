"""Template filters for figures: ``{{ value|percent }}`` and ``{{ part|percent_of:whole }}``."""

from django import template

from axs_platform.figures import format_percent
from axs_platform.figures import percent as percent_of_whole

register = template.Library()


@register.filter
def percent(value):
    """Show a percentage rounded half up to one decimal, its sign kept on the same line."""
    return format_percent(value)


@register.filter
def percent_of(part, whole):
    """Show ``part`` as a percentage of ``whole`` with the same rule."""
    return format_percent(percent_of_whole(part or 0, whole))
