"""The layout's kept parts (header, head links, footer): the same HTML as rendering them afresh."""

import re
from urllib.parse import quote

import pytest
from django.template import Context
from django.template.loader import get_template
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from axs_platform.templatetags.layout import PROJECT_PAGES, _kept_header
from tests.factories import make_evaluator, make_member_person, make_representative, make_staff

pytestmark = pytest.mark.django_db
HEADER = re.compile(r"<header class=\"axs-header\">.*?</header>", re.S)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def forget_kept_headers():
    _kept_header.cache_clear()
    yield
    _kept_header.cache_clear()


def fresh_header(response, user):
    """The header rendered afresh with this response's viewer, page and token: what the kept copy must equal."""
    request = response.wsgi_request
    page = HEADER.search(response.content.decode()).group(0)
    tokens = set(TOKEN.findall(page))
    assert len(tokens) == 1  # one token, in the sign-out and language forms alike
    signed_in = user is not None
    path = request.get_full_path()
    context = {
        "viewer": {
            "is_authenticated": signed_in,
            "role": user.role if signed_in else "",
            "is_staff": signed_in and user.is_staff,
            "is_representative": signed_in and user.is_representative,
            "short_name": user.get_short_name() if signed_in else "",
        },
        "here": {
            "namespace": request.resolver_match.namespace,
            "url_name": request.resolver_match.url_name,
            "project_pages": PROJECT_PAGES,
            "full_path": path,
            "next": quote(path, safe="/"),
        },
        "csrf_token": tokens.pop(),
    }
    return page, HEADER.search(get_template("includes/site_header.html").render(context)).group(0)


PAGES = [
    ("home", {}),
    ("sdg:goal-list", {}),
    ("companies:directory", {}),
    ("committees:committee-list", {}),
    ("committees:calendar", {}),
    ("projects:project-list", {}),
]


@pytest.mark.parametrize("kind", ["anonymous", "representative", "member", "staff", "evaluator"])
def test_the_kept_header_is_the_header_rendered_afresh_for_every_kind_of_viewer_and_page(client, kind):
    makers = {
        "representative": make_representative,
        "member": make_member_person,
        "staff": make_staff,
        "evaluator": make_evaluator,
    }
    user = makers[kind](full_name="Ana Ruiz") if kind in makers else None
    if user is not None:
        client.force_login(user)
    for name, kwargs in PAGES:
        for _twice in range(2):  # the second is served from the kept copy
            response = client.get(reverse(name, kwargs=kwargs) + "?q=a&b=<c>")
            assert response.status_code == 200, name
            page, fresh = fresh_header(response, user)
            assert page == fresh, name
    assert _kept_header.cache_info().hits >= len(PAGES)


def test_each_viewer_gets_their_own_name_token_and_address_from_a_shared_copy():
    first = make_representative(full_name="Ana Ruiz", email="ana@axs.example")
    second = make_representative(full_name='<b>Beto "B" & Co</b>', email="beto@axs.example")
    client = Client(enforce_csrf_checks=True)
    client.force_login(first)
    client.get(reverse("sdg:goal-list"))
    client.force_login(second)
    response = client.get(reverse("sdg:goal-list") + '?next="><script>')
    header = HEADER.search(response.content.decode()).group(0)
    assert _kept_header.cache_info().hits == 1
    assert "Ana" not in header
    assert escape(second.get_short_name()) in header and "<b>Beto" not in header
    assert "<script>" not in header
    assert f'name="next" value="{escape(response.wsgi_request.get_full_path())}"' in header
    # The token filled in is this request's: the language switch accepts it.
    token = TOKEN.search(header).group(1)
    answer = client.post(
        reverse("accounts:set-language"), {"language": "en", "next": "/", "csrfmiddlewaretoken": token}
    )
    assert answer.status_code == 302


def test_the_current_menu_item_follows_the_page(client):
    calendar = HEADER.search(client.get(reverse("committees:calendar")).content.decode()).group(0)
    current = 'active" aria-current="page" href="{}"'
    assert current.format(reverse("committees:calendar")) in calendar
    assert current.format(reverse("committees:committee-list")) not in calendar


def test_anonymous_visitors_sign_in_back_to_the_page_they_were_on(client):
    response = client.get(reverse("sdg:goal-list") + "?q=agua y saneamiento")
    header = HEADER.search(response.content.decode()).group(0)
    assert (
        f'href="{reverse("accounts:login")}?next={escape(quote(response.wsgi_request.get_full_path(), safe="/"))}"'
        in header
    )


def test_the_kept_head_and_footer_are_the_page_rendered_afresh_in_each_language(client, monkeypatch):
    """``{% kept %}`` parts equal a rendering with the request's own context, in Spanish and in English."""
    from django.conf import settings

    from axs_platform.templatetags.layout import KeptNode

    def pages():
        found = []
        for language in ("es-mx", "en"):
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
            for name, kwargs in PAGES:
                content = client.get(reverse(name, kwargs=kwargs)).content.decode()
                found.append(TOKEN.sub("", content))
        return found

    kept = pages()
    assert pages() == kept  # served from the kept copies
    monkeypatch.setattr(KeptNode, "render", lambda node, context: node.nodelist.render(context))
    assert pages() == kept
    assert 'lang="es-mx"' in kept[0] and "Aviso de privacidad" in kept[0]
    assert 'lang="en"' in kept[-1] and "Privacy notice" in kept[-1]


def test_what_is_kept_holds_nothing_of_a_request():
    from django.template import Template

    from axs_platform.templatetags.layout import KeptNode

    page = Template('{% load layout %}{% kept %}[{{ user }}|{% url "privacy" %}]{% endkept %}')
    assert page.render(Context({"user": "Ana"})) == f"[|{reverse('privacy')}]"
    assert page.render(Context({"user": "Beto"})) == f"[|{reverse('privacy')}]"
    [node] = page.nodelist.get_nodes_by_type(KeptNode)
    assert len(node.kept) == 1
