"""Reminders and a report's steps are two kinds of notice: turning off one leaves the other as it was."""

from django.core import mail
from django.urls import reverse

from monitoring import services
from notifications import kinds
from notifications.models import Notification
from notifications.services import preferences_set

from .conftest import filled_report


def test_reminders_and_report_steps_are_kinds_of_their_own_with_labels_that_say_so():
    assert str(kinds.KINDS[kinds.REPORT].label) == "Reportes de avance por vencer o vencidos"
    assert str(kinds.KINDS[kinds.REPORT_STEP].label) == "Reportes de avance: envíos y decisiones"


def test_turning_off_reminder_e_mails_still_e_mails_a_return(scene, django_capture_on_commit_callbacks):
    preferences_set(actor=scene.lead, deliveries={kinds.REPORT: "inbox"})
    report = filled_report(scene)
    services.report_submit(actor=scene.lead, report=report)
    with django_capture_on_commit_callbacks(execute=True):
        services.report_return(actor=scene.secretary, report=report, comments="Falta evidencia.")
    assert scene.lead.email in {m.to[0] for m in mail.outbox}
    notices = Notification.objects.filter(recipient=scene.lead, link=reverse("monitoring:report", args=[report.pk]))
    assert list(notices.values_list("kind", flat=True)) == [kinds.REPORT_STEP]
