"""The layout's parts that are the same for many requests, rendered once and kept in memory.

``{% kept %}…{% endkept %}`` keeps what it encloses once per language (and script prefix and URLconf):
the layout's ``<head>`` links, skip link and footer, which only translate, reverse and point at static
files. It renders its content with an empty context, so nothing of one request can be kept for
another: a variable inside it renders empty.

``{% site_header %}``: the layout's header, rendered once per language, page and kind of viewer.

The header (menu, language switch, account menu) was two thirds of the cost of rendering any page.
What it shows depends only on the language, the page (its URL namespace and name, which mark the
current menu item) and what the viewer is (signed in or not, role, staff, representative). It is
rendered once for each such combination and kept in memory. What belongs to one viewer or one
request (their name, the CSRF token, the page's address in the language switch and in the sign-in
link) is left as slots in the kept copy and filled in, escaped, on every request.

``templates/includes/site_header.html`` may therefore read only ``viewer``, ``here`` and
``csrf_token``; tests/axs_platform/test_layout.py compares it with a plain rendering.
"""

import re
from functools import lru_cache
from urllib.parse import quote

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import get_template
from django.urls import get_script_prefix, get_urlconf
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

# The slots: plain words that escaping leaves as they are, filled in by one pass over the kept copy.
_NAME, _TOKEN, _PATH, _NEXT = (f"axs-slot-{what}-5e1f" for what in ("name", "token", "path", "next"))
_SLOT = re.compile("|".join((_NAME, _TOKEN, _PATH, _NEXT)))
# The pages under "Projects" in the menu; the rest of the projects' pages are under "Proposals".
PROJECT_PAGES = ("project-list", "project-detail")


@lru_cache(maxsize=4096)
def _kept_header(language, prefix, urlconf, namespace, url_name, signed_in, role, is_staff, is_representative):
    # ``language``, ``prefix`` and ``urlconf`` are in the key only: the rendering reads them itself.
    viewer = {
        "is_authenticated": signed_in,
        "role": role,
        "is_staff": is_staff,
        "is_representative": is_representative,
        "short_name": _NAME,
    }
    here = {
        "namespace": namespace,
        "url_name": url_name,
        "project_pages": PROJECT_PAGES,
        "full_path": _PATH,
        "next": _NEXT,
    }
    return get_template("includes/site_header.html").render({"viewer": viewer, "here": here, "csrf_token": _TOKEN})


# Raised when a setting changes, so that every ``{% kept %}`` forgets what it kept.
_generation = 0


@receiver(setting_changed)
def _forget_headers(**kwargs):
    # A test that changes the languages, the URLconf, the storages or the templates gets them made afresh.
    global _generation
    _generation += 1
    _kept_header.cache_clear()


class KeptNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist
        self.kept = {}  # on the node: it lives as long as its template, which the template loader keeps

    def render(self, context):
        key = (_generation, get_language(), get_script_prefix(), get_urlconf(), settings.ROOT_URLCONF)
        html = self.kept.get(key)
        if html is None:
            html = self.kept[key] = self.nodelist.render(context.new())  # no variables: see above
        return html


@register.tag("kept")
def kept(parser, token):
    if len(token.split_contents()) != 1:
        raise template.TemplateSyntaxError("{% kept %} takes no arguments.")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist)


@register.simple_tag(takes_context=True)
def site_header(context):
    request = context.get("request")
    user = context.get("user")
    match = getattr(request, "resolver_match", None)
    signed_in = bool(user is not None and user.is_authenticated)
    kept = _kept_header(
        get_language(),
        get_script_prefix(),
        (get_urlconf(), settings.ROOT_URLCONF),
        getattr(match, "namespace", None),
        getattr(match, "url_name", None),
        signed_in,
        user.role if signed_in else "",
        bool(signed_in and user.is_staff),
        bool(signed_in and user.is_representative),
    )
    token = context.get("csrf_token")
    path = request.get_full_path() if request is not None else ""
    values = {
        _NAME: escape(user.get_short_name()) if signed_in else "",
        _TOKEN: escape(token) if token and str(token) != "NOTPROVIDED" else "",
        _PATH: escape(path),
        _NEXT: escape(quote(path, safe="/")),
    }
    return mark_safe(_SLOT.sub(lambda slot: values[slot.group(0)], kept))  # noqa: S308 (the kept copy is escaped)
