"""Whether to offer the fact sheet button, without touching the views that show proposals."""

from django import template

from axs_platform.permissions import is_staff_member

from ..documents import can_request_fact_sheet

register = template.Library()


@register.filter
def may_ask_fact_sheet(user, proposal):
    return is_staff_member(user) or can_request_fact_sheet(user, proposal)
