"""The inbox pages: the bell's count, the list and its filter, read marks, preferences."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from notifications import kinds
from notifications.models import Delivery, Notification, Preference
from notifications.services import notify
from tests.factories import PASSWORD, make_representative

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    return make_representative(preferred_language="es-mx")


@pytest.fixture
def signed_in(client, person):
    client.login(email=person.email, password=PASSWORD)
    return client


def _three(person):
    notify(recipient=person, kind=kinds.SESSION, title="Sesión convocada", body="Detalle de la sesión", link="/s/1/")
    notify(recipient=person, kind=kinds.BALLOT, title="Votación abierta", link="/v/1/")
    return notify(recipient=person, kind=kinds.BALLOT, title="Recordatorio de votación", link="/v/1/")


def test_the_bell_names_the_unread_count_in_spanish_and_english(signed_in, person):
    _three(person)
    page = signed_in.get(reverse("home")).content.decode()
    assert 'aria-label="Notificaciones, 3 sin leer"' in page
    assert f'href="{reverse("notifications:inbox")}"' in page
    person.preferred_language = "en"
    person.save()
    page = signed_in.get(reverse("home")).content.decode()
    assert 'aria-label="Notifications, 3 unread"' in page


def test_anonymous_visitors_see_no_bell(client):
    assert "axs-bell" not in client.get(reverse("home")).content.decode()


def test_the_inbox_lists_filters_by_kind_and_marks_read(signed_in, person, django_capture_on_commit_callbacks):
    last = _three(person)
    page = signed_in.get(reverse("notifications:inbox")).content.decode()
    assert "Tiene 3 avisos sin leer." in page
    assert "Sesión convocada" in page and "Votación abierta" in page
    page = signed_in.get(reverse("notifications:inbox"), {"kind": kinds.BALLOT}).content.decode()
    assert "Sesión convocada" not in page and "Votación abierta" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(
            reverse("notifications:mark-read"), {"notification": last.pk, "next": "/avisos/?kind=x"}
        )
    assert response.status_code == 302 and response.url == "/avisos/?kind=x"
    last.refresh_from_db()
    assert last.read_at is not None
    assert 'aria-label="Notificaciones, 2 sin leer"' in signed_in.get(reverse("home")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        signed_in.post(reverse("notifications:mark-all-read"), {"kind": kinds.BALLOT})
    assert Notification.objects.filter(recipient=person, read_at__isnull=True).count() == 1
    assert 'aria-label="Notificaciones, 1 sin leer"' in signed_in.get(reverse("home")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        signed_in.post(reverse("notifications:mark-all-read"))
    assert not Notification.objects.filter(recipient=person, read_at__isnull=True).exists()
    assert 'aria-label="Notificaciones, ninguna sin leer"' in signed_in.get(reverse("home")).content.decode()


def test_the_bells_count_is_cached_and_moved_by_new_notifications(
    signed_in, person, django_capture_on_commit_callbacks, django_assert_num_queries
):
    signed_in.get(reverse("home"))  # counted once, then cached
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=person, kind=kinds.SESSION, title="Nueva")
    from django.core.cache import cache

    from notifications.selectors import unread_count, unread_key

    assert cache.get(unread_key(person.pk)) == 1
    with django_assert_num_queries(0):
        assert unread_count(person) == 1


def test_somebody_elses_notification_cannot_be_marked(signed_in):
    other = notify(recipient=make_representative(), kind=kinds.SESSION, title="Ajena")
    response = signed_in.post(reverse("notifications:mark-read"), {"notification": other.pk})
    assert response.status_code == 404
    assert signed_in.post(reverse("notifications:mark-read"), {"notification": "9" * 30}).status_code == 404
    other.refresh_from_db()
    assert other.read_at is None


def test_the_inbox_pages_by_25(signed_in, person):
    for number in range(30):
        notify(recipient=person, kind=kinds.COMMENT, title=f"Comentario número {number:02d}")
    first = signed_in.get(reverse("notifications:inbox")).content.decode()
    second = signed_in.get(reverse("notifications:inbox"), {"page": 2}).content.decode()
    assert "Comentario número 29" in first and "Comentario número 04" not in first
    assert "Comentario número 04" in second and "Página 2 de 2" in second


def test_an_unread_filter_with_nothing_says_so(signed_in, person):
    notify(recipient=person, kind=kinds.SESSION, title="Leída")
    Notification.objects.update(read_at="2026-01-01T00:00Z")
    page = signed_in.get(reverse("notifications:inbox"), {"unread": "on"}).content.decode()
    assert "Ningún aviso coincide con este filtro." in page


def test_preferences_are_saved_per_kind_and_privacy_stays_email(signed_in, person):
    url = reverse("notifications:preferences")
    page = signed_in.get(url).content.decode()
    assert "Resumen diario" in page and "America/Mexico_City" in page
    data = dict.fromkeys(kinds.KINDS, Delivery.IMMEDIATE)
    data[kinds.BALLOT] = Delivery.WEEKLY
    data[kinds.SESSION] = Delivery.INBOX
    assert signed_in.post(url, data).status_code == 302
    assert dict(Preference.objects.filter(person=person).values_list("kind", "delivery"))[kinds.BALLOT] == "weekly"
    data[kinds.PRIVACY] = Delivery.INBOX
    response = signed_in.post(url, data)
    assert response.status_code == 200
    assert "Estos avisos tienen plazos legales: siempre se envían por correo al momento." in response.content.decode()
    assert Preference.objects.get(person=person, kind=kinds.PRIVACY).delivery == Delivery.IMMEDIATE
    assert response.context["form"]["ballot"].value() == "weekly"  # what was chosen stays on the page


def test_the_inbox_shows_times_in_the_persons_own_time_zone_and_names_it(signed_in, person):
    person.time_zone = "America/Tijuana"
    person.save()
    notification = notify(recipient=person, kind=kinds.SESSION, title="Sesión convocada")
    moment = datetime.datetime(2026, 3, 11, 18, 0, tzinfo=datetime.UTC)
    Notification.objects.filter(pk=notification.pk).update(created_at=moment)
    page = signed_in.get(reverse("notifications:inbox")).content.decode()
    assert 'datetime="2026-03-11T11:00:00-0700"' in page  # Tijuana, not Mexico City's 12:00 -0600
    with translation.override("es-mx"), timezone.override(person.zone):
        assert date_format(timezone.localtime(moment), "DATETIME_FORMAT") in page
    assert "America/Tijuana" in page


def test_marking_all_of_an_unknown_kind_read_marks_nothing_and_says_why(signed_in, person):
    _three(person)
    response = signed_in.post(reverse("notifications:mark-all-read"), {"kind": "zzz"}, follow=True)
    assert Notification.objects.filter(recipient=person, read_at__isnull=True).count() == 3
    assert "Tipo de aviso desconocido." in response.content.decode()
