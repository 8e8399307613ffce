"""Survey invitations reach each person's inbox and are e-mailed only as the person prefers (notifications)."""

from django.urls import reverse

from notifications.models import Delivery, Notification, Preference
from surveys import services


def test_invitations_land_in_the_inbox_and_the_email_follows_the_preference(
    staff, survey, rep_a, rep_a2, rep_b, mailoutbox, django_capture_on_commit_callbacks
):
    Preference.objects.create(person=rep_a, kind="survey", delivery=Delivery.INBOX)
    with django_capture_on_commit_callbacks(execute=True):
        services.invitations_send(actor=staff, survey=survey)
    mine = Notification.objects.get(recipient=rep_a)
    assert mine.kind == "survey" and mine.emailed_at is None
    assert mine.link == reverse("surveys:my-surveys")  # not the answering link: that one is a token
    assert "Prioridades de la alianza" in mine.title
    english = Notification.objects.get(recipient=rep_a2)
    assert "Priorities of the alliance" in english.title and english.emailed_at is not None
    addressed = sorted(address for message in mailoutbox for address in message.to)
    assert "alicia@alfa.example" not in addressed
    assert {"arturo@alfa.example", "bruno@beta.example"} <= set(addressed)
