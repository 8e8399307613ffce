"""A ``{% url %}`` that remembers the addresses it has reversed: loaded as a builtin on every template.

Every page's layout reverses the same twenty-odd addresses (menu, footer, language switch), which
was a third of the cost of rendering it. An address with no arguments depends only on its name, the
current application, the script prefix, the URLconf and the language, so it is computed once per
process for each of these and then read from memory. Addresses with arguments, and ``as`` variables,
are reversed as Django does. A test that changes ``ROOT_URLCONF`` empties the memory.
"""

from functools import lru_cache

from django import urls
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import Library
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.utils.html import conditional_escape
from django.utils.translation import get_language

register = Library()


@lru_cache(maxsize=1024)
def _reversed(view_name, current_app, prefix, urlconf, root_urlconf, language):
    # ``prefix``, ``root_urlconf`` and ``language`` are in the key only: ``reverse`` reads them itself.
    return urls.reverse(view_name, urlconf=urlconf, current_app=current_app)


@receiver(setting_changed)
def _forget_on_new_urlconf(*, setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _reversed.cache_clear()


class CachedURLNode(URLNode):
    def render(self, context):
        if self.args or self.kwargs or self.asvar:
            return super().render(context)
        view_name = self.view_name.resolve(context)
        try:  # as Django's own node finds it
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        address = _reversed(
            view_name, current_app, urls.get_script_prefix(), urls.get_urlconf(), settings.ROOT_URLCONF, get_language()
        )
        return conditional_escape(address) if context.autoescape else address


@register.tag
def url(parser, token):
    """Django's ``{% url %}``, remembering the addresses it reverses without arguments (see above)."""
    node = django_url(parser, token)
    return CachedURLNode(node.view_name, node.args, node.kwargs, node.asvar)
