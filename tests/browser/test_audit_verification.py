"""In Chromium: staff open the audit trail, verify it (intact), and after a raw change see the break named."""

from django.db import connection
from playwright.sync_api import expect

from audit.models import AuditEvent


def test_staff_verify_the_record_and_see_where_it_breaks(demo, journey):
    page = journey.page
    journey.sign_in("staff@amexcid.example")
    journey.visit("/auditoria/")
    journey.follow("Verificar que el registro está íntegro")
    journey.press("Verificar ahora", validate_as="audit-verify-intact")
    expect(page.get_by_role("status")).to_contain_text("Íntegro.")
    expect(page.get_by_role("status")).to_contain_text("El registro está íntegro hasta el evento")
    page.set_viewport_size({"width": 390, "height": 844})
    journey.check()
    page.set_viewport_size({"width": 1280, "height": 900})

    # Somebody with database access rewrites an event past the application (and the trigger).
    event = AuditEvent.objects.order_by("id")[10]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")
        cursor.execute("UPDATE audit_auditevent SET message = 'reescrito' WHERE id = %s", [event.pk])
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = origin")
    journey.visit("/auditoria/verificar/")
    journey.press("Verificar ahora", validate_as="audit-verify-broken")
    expect(page.get_by_role("alert")).to_contain_text(f"El evento {event.pk} se modificó después de escribirse")
    expect(page.get_by_role("alert")).to_contain_text(f"El registro está íntegro hasta el evento {event.pk - 1}.")
