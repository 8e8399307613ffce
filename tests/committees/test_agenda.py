"""The agenda of a session: its chair rewords and reorders items; nobody else can."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from committees import services
from committees.models import PostKind
from tests.factories import make_committee, make_post_holder, make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    committee = make_committee(goal_number=7)
    chair = make_post_holder(committee, PostKind.CHAIR)
    session = make_session(committee)
    items = [
        services.agenda_item_add(actor=chair, session=session, title=title)
        for title in ("Bienvenida", "Avance del proyecto", "Asuntos generales")
    ]
    return committee, chair, session, items


def titles(session):
    return list(session.agenda.order_by("position").values_list("title", flat=True))


def test_the_chair_moves_an_item_up_and_down_and_the_order_is_kept(client, setting):
    _committee, chair, session, items = setting
    client.force_login(chair)
    move = reverse("committees:agenda-item-move", args=[session.pk, items[2].pk])
    assert client.post(move, {"direction": "up"}).status_code == 302
    assert titles(session) == ["Bienvenida", "Asuntos generales", "Avance del proyecto"]
    client.post(reverse("committees:agenda-item-move", args=[session.pk, items[0].pk]), {"direction": "up"})
    assert titles(session) == ["Bienvenida", "Asuntos generales", "Avance del proyecto"]
    client.post(reverse("committees:agenda-item-move", args=[session.pk, items[0].pk]), {"direction": "down"})
    assert titles(session) == ["Asuntos generales", "Bienvenida", "Avance del proyecto"]
    assert AuditEvent.objects.filter(target_id=str(items[0].pk), changes__position=[1, 2]).exists()


def test_the_chair_rewords_an_item_from_its_form(client, setting):
    _committee, chair, session, items = setting
    client.force_login(chair)
    url = reverse("committees:agenda-item-edit", args=[session.pk, items[1].pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"title": "Avance del proyecto de energía", "notes": "Presenta Siemens"})
    assert response.status_code == 302
    items[1].refresh_from_db()
    assert (items[1].title, items[1].notes) == ("Avance del proyecto de energía", "Presenta Siemens")
    refused = client.post(url, {"title": "", "notes": "Se conserva"})
    assert refused.status_code == 200 and "Se conserva" in refused.content.decode()


def test_a_chair_of_another_committee_cannot_touch_the_agenda(client, setting):
    _committee, _chair, session, items = setting
    other_chair = make_post_holder(make_committee(goal_number=4), PostKind.CHAIR)
    client.force_login(other_chair)
    assert client.get(reverse("committees:agenda-item-edit", args=[session.pk, items[0].pk])).status_code == 403
    move = reverse("committees:agenda-item-move", args=[session.pk, items[0].pk])
    assert client.post(move, {"direction": "down"}).status_code == 403
    assert titles(session) == ["Bienvenida", "Avance del proyecto", "Asuntos generales"]


def test_anonymous_visitors_are_sent_to_sign_in(client, setting):
    _committee, _chair, session, items = setting
    response = client.get(reverse("committees:agenda-item-edit", args=[session.pk, items[0].pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))


def test_an_item_of_another_session_is_not_found(client, setting):
    committee, chair, session, items = setting
    other = make_session(committee)
    client.force_login(chair)
    assert client.get(reverse("committees:agenda-item-edit", args=[other.pk, items[0].pk])).status_code == 404


def test_the_chair_renames_a_priority_area_and_it_shows_at_once(client, setting, django_capture_on_commit_callbacks):
    committee, chair, _session, _items = setting
    area = services.priority_area_create(actor=chair, committee=committee, name="Energía en escuelas")
    client.force_login(chair)
    committee_page = client.get(committee.get_absolute_url()).content.decode()
    url = reverse("committees:priority-area-edit", args=[committee.pk, area.pk])
    assert f'href="{url}"' in committee_page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"name": "Energía limpia en escuelas", "description": "Techos solares"})
    assert response.status_code == 302
    assert "Energía limpia en escuelas" in client.get(committee.get_absolute_url()).content.decode()
    other_chair = make_post_holder(make_committee(goal_number=12), PostKind.CHAIR)
    client.force_login(other_chair)
    assert client.post(url, {"name": "Intruso"}).status_code == 403
