"""Template tags that show the current privacy notice where personal data is collected.

Templates of any app may load them (a template is not an import: the layers of the code stay as they are).
"""

from email.utils import parseaddr

from django import template
from django.conf import settings
from django.utils.translation import get_language

from axs_platform import notices

from ..models import DeadlinePolicy, PrivacyNotice
from ..selectors import current_notice

register = template.Library()


@register.inclusion_tag("privacy/includes/simplified_notice.html")
def simplified_notice(form=""):
    """The simplified notice in the page's language, linking to the full one.

    ``form``, the id of the form that collects the data, gets a hidden field with the version shown (its id, or
    empty for the built-in text): what is recorded is what the person read, even if staff publish another meanwhile.
    """
    notice = current_notice(PrivacyNotice.Kind.SIMPLIFIED)
    return {
        "notice": notice,
        "text": notice.text(get_language()) if notice else "",
        "form": form,
        "field": notices.FIELD,
    }


@register.simple_tag
def full_notice():
    """Return the current full notice, or None while staff have not published one."""
    return current_notice(PrivacyNotice.Kind.FULL)


@register.simple_tag
def notice_terms():
    """Return the terms the built-in full notice states: the deadline policy in force and the address to write to."""
    policy = DeadlinePolicy.current()
    return {
        "answer_days": policy.answer_days,
        "extension_days": policy.extension_days,
        "completion_days": policy.completion_days,
        "email": parseaddr(settings.DEFAULT_FROM_EMAIL)[1],
    }


@register.filter
def notice_text(notice):
    return notice.text(get_language()) if notice else ""
