from django.contrib import admin

from axs_platform.admin import ReadOnlyAdmin

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """Read-only view of the trail: events are never edited or deleted."""

    list_display = ["created_at", "actor_repr", "action", "target_type", "target_repr", "ip_address"]
    list_filter = ["action", "target_type"]
    search_fields = ["actor_repr", "identifier", "target_repr", "message"]
    date_hierarchy = "created_at"
    list_select_related = ["target_type"]
