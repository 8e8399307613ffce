"""An approval's comments reach the reporters, in the inbox and the e-mail, each in their language."""

from django.core import mail

from monitoring import services
from notifications.models import Notification

from .conftest import filled_report


def _approve(scene, capture, note):
    scene.lead.preferred_language = "en"
    scene.lead.save(update_fields=["preferred_language"])
    report = filled_report(scene)
    services.report_submit(actor=scene.lead, report=report)
    with capture(execute=True):
        services.report_approve(actor=scene.secretary, report=report, note=note)
    return {m.to[0]: m for m in mail.outbox}


def test_the_approvers_comments_reach_the_reporters_inbox_and_e_mail(scene, django_capture_on_commit_callbacks):
    note = "Buen trabajo; para el siguiente periodo, adjunte las listas firmadas."
    by_address = _approve(scene, django_capture_on_commit_callbacks, note)
    english, spanish = by_address[scene.lead.email], by_address[scene.second_lead.email]
    assert f"The approver's comments:\n\n{note}" in english.body
    assert f"Comentarios de quien aprobó:\n\n{note}" in spanish.body
    for person in (scene.lead, scene.second_lead):
        assert Notification.objects.filter(recipient=person, body__contains=note).count() == 1


def test_an_approval_without_comments_says_nothing_of_them(scene, django_capture_on_commit_callbacks):
    by_address = _approve(scene, django_capture_on_commit_callbacks, "  ")
    assert "comments" not in by_address[scene.lead.email].body
    assert "Comentarios" not in by_address[scene.second_lead.email].body
