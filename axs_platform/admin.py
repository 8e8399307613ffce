"""The back office's view of the e-mail outbox: read only, so staff can see what failed and why."""

from django.contrib import admin

from .models import OutgoingEmail


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = ["created_at", "kind", "subject", "recipient_count", "status", "attempts", "sent_at", "erased_at"]
    list_filter = ["status", "kind"]
    search_fields = ["subject"]
    readonly_fields = [field.name for field in OutgoingEmail._meta.get_fields()]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
