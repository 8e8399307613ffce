"""When a request closed: answered ones from ``answered_at``, withdrawn and expired ones from the event that closed them."""

from django.db import migrations, models

CLOSING_EVENTS = {"withdrawn": "privacy.withdrawn", "expired": "privacy.expired"}


def fill_closed_at(apps, schema_editor):
    RightsRequest = apps.get_model("privacy", "RightsRequest")
    AuditEvent = apps.get_model("audit", "AuditEvent")
    ContentType = apps.get_model("contenttypes", "ContentType")
    RightsRequest.objects.filter(status="answered").update(closed_at=models.F("answered_at"))
    request_type = ContentType.objects.filter(app_label="privacy", model="rightsrequest").first()
    if request_type is None:
        return
    for status, action in CLOSING_EVENTS.items():
        for rights_request in RightsRequest.objects.filter(status=status, closed_at=None):
            event = (
                AuditEvent.objects.filter(target_type=request_type, target_id=str(rights_request.pk), action=action)
                .order_by("created_at")
                .first()
            )
            if event:
                RightsRequest.objects.filter(pk=rights_request.pk).update(closed_at=event.created_at)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0005_event_personal_part"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("privacy", "0007_request_expired_unconfirmed"),
    ]

    operations = [
        migrations.AddField(
            model_name="rightsrequest",
            name="closed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="closed"),
        ),
        migrations.RunPython(fill_closed_at, migrations.RunPython.noop),
    ]
