from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from axs_platform.admin import ReadOnlyAdmin

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """Read-only view of the trail: events are never edited or deleted."""

    list_display = ["created_at", "actor_repr", "action", "target_type", "target_repr", "ip_address_shown"]
    list_filter = ["action", "target_type"]
    search_fields = ["actor_repr", "identifier", "target_repr", "message"]
    date_hierarchy = "created_at"
    list_select_related = ["target_type", "personal_part"]

    @admin.display(description=_("IP address"))
    def ip_address_shown(self, event):
        """Kept in the event's personal part (blank once erased), or on the event for those written before."""
        return event.shown_ip_address
