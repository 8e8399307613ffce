"""The layout's header: the viewer's name and token, the current menu item, the way back after signing in."""

import re
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from tests.factories import make_representative

pytestmark = pytest.mark.django_db
HEADER = re.compile(r"<header class=\"axs-header\">.*?</header>", re.S)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_each_viewer_sees_their_own_name_token_and_address_escaped():
    first = make_representative(full_name="Ana Ruiz", email="ana@axs.example")
    second = make_representative(full_name='<b>Beto "B" & Co</b>', email="beto@axs.example")
    client = Client(enforce_csrf_checks=True)
    client.force_login(first)
    client.get(reverse("sdg:goal-list"))
    client.force_login(second)
    response = client.get(reverse("sdg:goal-list") + '?next="><script>')
    header = HEADER.search(response.content.decode()).group(0)
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


@pytest.mark.parametrize("language", ["es", "en"])
def test_each_language_of_the_switcher_names_itself_whatever_the_active_one(client, language):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert '<option value="en" lang="en"' in page and ">English</option>" in page
    assert ">Español</option>" in page and "Inglés" not in page and ">Spanish</option>" not in page
