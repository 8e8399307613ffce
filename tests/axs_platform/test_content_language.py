"""Spanish data inside the English interface is marked ``lang="es"`` on every page each role can reach.

What people wrote (committee, session, proposal, call and survey texts) is entered in Spanish; a screen
reader reading the English page must switch to Spanish for it (WCAG 3.1.2, language of parts). The demo's
data is walked from each role's home page in English, and every text holding one of those Spanish strings
must sit inside an element declared Spanish.
"""

import pytest
from django.conf import settings

from committees.models import Agreement, Committee, PriorityArea, Session, WorkPlanActivity
from projects.models import Ballot, Call, Component, Proposal, SelectionRound
from surveys.models import Option, Question, Section, Survey
from tests.site_walk import texts_with_language, walk

pytestmark = pytest.mark.django_db

ROLES = [
    None,
    "staff@amexcid.example",
    "representante@axs.example",
    "evaluador@axs.example",
    "presidencia.ods4@axs.example",
    "secretaria.ods4@axs.example",
]


def _needle(text):
    """The start of a text's first line: long enough not to be mistaken for a word of the interface."""
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    needle = " ".join(line.split())[:40]
    return needle if len(needle) >= 14 else None


def spanish_strings():
    """Texts people entered in Spanish, as the English interface shows them (the bilingual ones without English)."""
    values = []
    for model, fields in (
        (Committee, ["description"]),
        (Agreement, ["description"]),
        (PriorityArea, ["name"]),
        (WorkPlanActivity, ["title"]),
        (Call, ["title"]),
        (Proposal, ["title", "summary", "problem", "general_objective"]),
        (Component, ["title"]),
        (Ballot, ["title"]),
        (SelectionRound, ["title"]),
    ):
        values += [value for row in model.objects.values_list(*fields) for value in row]
    values += Committee.objects.filter(name_en="").values_list("name", flat=True)
    values += Session.objects.filter(title_en="").values_list("title", flat=True)
    for model, fields in ((Survey, ["title"]), (Section, ["title"]), (Question, ["text"]), (Option, ["text"])):
        for field in fields:
            values += model.objects.filter(**{f"{field}_en": ""}).values_list(f"{field}_es", flat=True)
    return {needle for needle in map(_needle, values) if needle}


def unmarked(html, needles):
    """The texts of a page that hold Spanish data but are declared in another language."""
    return sorted(
        {
            text[:80]
            for text, lang in texts_with_language(html)
            if not lang.startswith("es") and any(needle in text for needle in needles)
        }
    )


def test_the_checker_sees_an_unmarked_spanish_text_and_accepts_a_marked_one():
    needles = {"Comité de agua limpia"}
    page = '<html lang="en"><body><p>Committee: <a lang="es">Comité de agua limpia</a></p>{}</body></html>'
    assert unmarked(page.format(""), needles) == []
    assert unmarked(page.format("<td>Comité de agua limpia y saneamiento</td>"), needles) == [
        "Comité de agua limpia y saneamiento"
    ]


@pytest.mark.parametrize("email", ROLES)
def test_spanish_data_is_marked_on_every_english_page_a_role_reaches(demo, client, email):
    from accounts.models import User

    if email:
        user = User.objects.get(email=email)
        user.preferred_language = "en"
        user.save(update_fields=["preferred_language"])
        client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    needles = spanish_strings()
    assert len(needles) > 100
    failures, pages = [], 0
    for path, response in walk(client):
        pages += 1
        html = response.content.decode()
        assert '<html lang="en">' in html, path
        failures += [f"{path}: {text!r}" for text in unmarked(html, needles)]
    assert pages > 10
    assert not failures, f"Spanish data without lang=es on {len(failures)} texts:\n" + "\n".join(failures[:400])
