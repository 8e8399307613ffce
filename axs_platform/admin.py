"""The back office's read-only base (audit, sdg and opendata share it) and the e-mail outbox's view."""

from django.contrib import admin

from .models import OutgoingEmail


class ReadOnlyAdmin(admin.ModelAdmin):
    """A back-office view that only reads: its rows are written by services, jobs or shipped data."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "kind", "subject", "recipient_count", "status", "attempts", "sent_at", "erased_at"]
    list_filter = ["status", "kind"]
    search_fields = ["subject"]
    readonly_fields = [field.name for field in OutgoingEmail._meta.get_fields()]
