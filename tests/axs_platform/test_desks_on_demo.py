"""On the demo's data, every count on every desk equals the rows of the list it links to."""

import pytest

from axs_platform.desks import desks_for

pytestmark = pytest.mark.django_db

PEOPLE = [
    "staff@amexcid.example",
    "presidencia.ods4@axs.example",
    "secretaria.ods4@axs.example",
    "evaluador@axs.example",
    "representante@axs.example",
]


def rows_shown(context):
    """How many rows the list page shows: its paginator's count, or the length of the one list it has."""
    for name in ("page_obj", "proposals", "sessions", "agreements", "evaluations", "mine_page"):
        page = context.get(name)
        if page is not None and hasattr(page, "paginator"):
            return page.paginator.count
    if isinstance(context.get("count"), int):  # a list paged by key (the directory) states its count
        return context["count"]
    if "evaluations" in context:
        return len(context["evaluations"])
    if "managed" in context:  # the ballots: those to vote in, and those of the person's committees
        return len(context["mine"]) + len(context["managed"])
    if "mine" in context:  # a representative's proposals
        return len(context["mine"])
    raise AssertionError(f"no list found in {sorted(context)}")


@pytest.mark.parametrize("email", PEOPLE)
def test_each_desk_count_equals_the_rows_its_link_shows(demo, client, email):
    from accounts.models import User

    person = User.objects.get(email=email)
    client.force_login(person)
    desks = desks_for(person)
    assert desks, f"{email} has no desk"
    counted = 0
    for heading, cards in desks:
        for card in cards:
            response = client.get(card.url)
            assert response.status_code == 200, card.url
            names = response.context.keys()
            flat = {key: response.context[key] for key in names}
            assert rows_shown(flat) == card.count, f"{heading} / {card.title}: {card.count} counted, list {card.url}"
            counted += card.count
    # The demo's representative has voted and has no proposal sent back: their zeros are true.
    if email != "representante@axs.example":
        assert counted > 0, f"nothing waits on {email} in the demo: the desk checks only zeros"
