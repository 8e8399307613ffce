"""notify: the inbox entry, the e-mail as the person prefers, and the people e-mail cannot reach."""

import pytest
from django.core import mail

from axs_platform.models import OutgoingEmail
from notifications import kinds
from notifications.models import Delivery, Notification, Preference
from notifications.selectors import unread_count
from notifications.services import notify, notify_each
from tests.factories import make_representative

pytestmark = pytest.mark.django_db


def test_notify_stores_the_notification_and_emails_at_once_by_default(django_capture_on_commit_callbacks):
    person = make_representative(preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(
            recipient=person, kind=kinds.SESSION, title="Session scheduled", body="Come.", link="http://x.test/s/1/?a=1"
        )
    assert notification.delivery == Delivery.IMMEDIATE
    assert notification.link == "/s/1/?a=1"
    assert notification.emailed_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Session scheduled"
    assert mail.outbox[0].to == [person.email]
    assert "Come." in mail.outbox[0].body
    assert "/avisos/preferencias/" in mail.outbox[0].body
    assert unread_count(person) == 1


@pytest.mark.parametrize("delivery", [Delivery.DAILY, Delivery.WEEKLY, Delivery.INBOX])
def test_a_person_who_prefers_a_digest_or_the_inbox_gets_no_email_now(delivery):
    person = make_representative()
    Preference.objects.create(person=person, kind=kinds.BALLOT, delivery=delivery)
    notification = notify(recipient=person, kind=kinds.BALLOT, title="Ballot open")
    assert notification.delivery == delivery
    assert notification.emailed_at is None
    assert mail.outbox == []
    assert OutgoingEmail.objects.count() == 0


def test_a_kind_whose_email_is_required_is_emailed_whatever_the_preference(django_capture_on_commit_callbacks):
    person = make_representative()
    Preference.objects.create(person=person, kind=kinds.PRIVACY, delivery=Delivery.INBOX)
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=person, kind=kinds.PRIVACY, title="Your request", email_address="other@example.org")
    assert [m.to for m in mail.outbox] == [["other@example.org"]]


def test_a_person_without_an_address_keeps_the_inbox_entry_and_no_email_is_queued(caplog):
    person = make_representative()
    person.email = f"anonimizada-{person.pk}@anonimizada.invalid"
    person.save()
    notify(recipient=person, kind=kinds.SESSION, title="Session")
    assert Notification.objects.filter(recipient=person).count() == 1
    assert OutgoingEmail.objects.count() == 0
    assert "has no e-mail address" in caplog.text


def test_an_unknown_kind_is_a_programming_error():
    with pytest.raises(ValueError, match="Unknown kind"):
        notify(recipient=make_representative(), kind="nonsense", title="x")


def test_notify_each_renders_in_each_persons_language_and_notifies_each_once():
    spanish, english = make_representative(preferred_language="es"), make_representative(preferred_language="en")
    from django.utils.translation import get_language

    count = notify_each(
        [spanish, english, spanish],
        kind=kinds.MINUTES,
        render=lambda person: {"title": f"{get_language()} {person.pk}", "link": "/x/"},
    )
    assert count == 2
    titles = set(Notification.objects.values_list("title", flat=True))
    assert titles == {f"es {spanish.pk}", f"en {english.pk}"}


def test_anonymizing_a_person_drops_their_inbox():
    from privacy.services.anonymize import person_anonymize
    from tests.factories import make_staff

    person = make_representative(full_name="Ana Ruiz")
    notify(recipient=person, kind=kinds.SESSION, title="Sesión", body="Hola, Ana")
    Preference.objects.create(person=person, kind=kinds.BALLOT, delivery=Delivery.DAILY)
    person_anonymize(actor=make_staff(), user=person)
    assert not Notification.objects.filter(recipient=person).exists()
    assert not Preference.objects.filter(person=person).exists()
