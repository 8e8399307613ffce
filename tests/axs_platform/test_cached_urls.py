"""The layout's ``{% url %}``: addresses without arguments reversed once, the rest as Django does."""

import pytest
from django.http import HttpResponse
from django.template import Context, Template
from django.test import override_settings
from django.urls import NoReverseMatch, path, reverse, set_script_prefix

from axs_platform.templatetags.cached_urls import _reversed

# A URLconf of its own for the last test, in which "home" is elsewhere.
urlpatterns = [path("elsewhere/", lambda request: HttpResponse(), name="home")]


def render(source, **context):
    return Template(source).render(Context(context))


@pytest.fixture(autouse=True)
def fresh_memory():
    _reversed.cache_clear()
    yield
    set_script_prefix("/")
    _reversed.cache_clear()


def test_an_address_without_arguments_is_the_one_django_reverses_and_is_then_remembered():
    assert render("{% url 'home' %}|{% url 'sdg:goal-list' %}") == f"{reverse('home')}|{reverse('sdg:goal-list')}"
    render("{% url 'home' %}")
    assert _reversed.cache_info().hits >= 1


def test_the_script_prefix_is_part_of_what_is_remembered():
    plain = render("{% url 'sdg:goal-list' %}")
    set_script_prefix("/axs/")
    assert render("{% url 'sdg:goal-list' %}") == "/axs" + plain


def test_addresses_with_arguments_and_as_variables_are_reversed_as_django_does():
    assert render("{% url 'sdg:goal-detail' 4 %}") == reverse("sdg:goal-detail", args=[4])
    assert render("{% url 'home' as here %}[{{ here }}]") == f"[{reverse('home')}]"
    assert render("{% url 'no-such-page' as missing %}[{{ missing }}]") == "[]"


def test_an_unknown_name_still_fails_loudly():
    with pytest.raises(NoReverseMatch):
        render("{% url 'no-such-page' %}")


def test_a_new_urlconf_forgets_what_was_remembered():
    assert render("{% url 'home' %}") == "/"
    with override_settings(ROOT_URLCONF=__name__):
        assert render("{% url 'home' %}") == "/elsewhere/"
    assert render("{% url 'home' %}") == "/"
