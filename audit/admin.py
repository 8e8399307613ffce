from django.contrib import admin

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only view of the trail: events are never edited or deleted."""

    list_display = ["created_at", "actor_repr", "action", "target_type", "target_repr", "ip_address"]
    list_filter = ["action", "target_type"]
    search_fields = ["actor_repr", "identifier", "target_repr", "message"]
    date_hierarchy = "created_at"
    list_select_related = ["target_type"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
