"""The SDG framework: what the shipped data loads, and the pages that show it in both languages."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from sdg.loader import load_framework
from sdg.models import Goal, Indicator, Target

pytestmark = pytest.mark.django_db


def test_the_migration_loads_17_goals_169_targets_and_248_indicator_listings():
    assert Goal.objects.count() == 17
    assert Target.objects.count() == 169
    assert Indicator.objects.count() == 248
    assert Indicator.objects.values("unsd_code").distinct().count() == 232


def test_loading_again_changes_nothing():
    before = list(Indicator.objects.order_by("code").values_list("id", "code", "target_id"))
    assert load_framework(Goal, Target, Indicator) == {"goals": 17, "targets": 169, "indicators": 248}
    assert list(Indicator.objects.order_by("code").values_list("id", "code", "target_id")) == before


def test_every_goal_target_and_indicator_has_a_spanish_and_an_english_title():
    for model in (Goal, Target, Indicator):
        assert not model.objects.filter(title_es="").exists()
        assert not model.objects.filter(title_en="").exists()


def test_titles_follow_the_active_language():
    goal = Goal.objects.get(number=7)
    with translation.override("es-mx"):
        assert goal.short_title == "Energía asequible y no contaminante"
    with translation.override("en"):
        assert goal.short_title == "Affordable and clean energy"


def test_goals_carry_the_un_colours_and_a_readable_text_colour():
    assert Goal.objects.get(number=1).color == "#E5243B"
    assert Goal.objects.get(number=7).text_color == "#000000"  # yellow background
    assert Goal.objects.get(number=16).text_color == "#ffffff"  # dark blue background


def test_targets_and_indicators_keep_the_un_order():
    codes = list(Target.objects.filter(goal__number=1).values_list("code", flat=True))
    assert codes == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.a", "1.b"]
    assert Indicator.objects.get(code="1.5.1").unsd_code == Indicator.objects.get(code="13.1.1").unsd_code


def test_target_11c_has_no_indicator():
    assert not Indicator.objects.filter(target__code="11.c").exists()


@pytest.mark.parametrize(
    ("language", "expected"), [("es-mx", "Agua limpia y saneamiento"), ("en", "Clean water and sanitation")]
)
def test_the_goal_list_shows_the_17_goals_in_the_chosen_language(
    client, language, expected, django_assert_max_num_queries
):
    client.post(reverse("accounts:set-language"), {"language": language, "next": "/"})
    with django_assert_max_num_queries(4):
        response = client.get(reverse("sdg:goal-list"))
    content = response.content.decode()
    assert response.status_code == 200
    assert expected in content
    assert content.count('class="sdg-tile ') == 17
    numbers = [int(number) for number in re.findall(r'<span class="sdg-tile-number">(\d+)</span>', content)]
    assert numbers == list(range(1, 18))


def test_a_goal_page_shows_all_its_targets_and_indicators_in_a_few_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = client.get(reverse("sdg:goal-detail", args=[12]))
    content = response.content.decode()
    for target in Target.objects.filter(goal__number=12):
        assert f'id="target-{target.code}"' in content
    for indicator in Indicator.objects.filter(target__goal__number=12):
        assert f'id="indicator-{indicator.code}"' in content
    assert "Producción y consumo responsables" in content


def test_a_goal_page_in_english(client):
    client.post(reverse("accounts:set-language"), {"language": "en", "next": "/"})
    content = client.get(reverse("sdg:goal-detail", args=[4])).content.decode()
    assert "Ensure inclusive and equitable quality education" in content
    assert "4.1.1" in content


def test_an_unknown_goal_is_a_404(client):
    assert client.get(reverse("sdg:goal-detail", args=[18])).status_code == 404


def test_the_search_finds_targets_and_indicators_by_code_and_words_in_both_languages(client):
    by_code = client.get(reverse("sdg:goal-list"), {"q": "7.2"}).content.decode()
    assert 'href="/ods/7/#target-7.2"' in by_code
    by_word = client.get(reverse("sdg:goal-list"), {"q": "renewable"}).content.decode()
    assert "7.2.1" in by_word
    nothing = client.get(reverse("sdg:goal-list"), {"q": "zzzzzz"}).content.decode()
    assert "Ninguna meta ni indicador coincide" in nothing
