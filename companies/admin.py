"""The back office's view of organizations: browse and correct; rules live in the services."""

from django.contrib import admin

import search
from axs_platform import fragments

from .models import DueDiligenceReview, Invitation, Organization, ParticipationChange, Representative


class NoDeleteAdmin(admin.ModelAdmin):
    """Nothing with history is deleted, not even from the back office."""

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        fragments.changed(
            fragments.DIRECTORY, fragments.COMMITTEES, fragments.PROPOSALS
        )  # a correction here bypasses the services
        search.index(obj.user if isinstance(obj, Representative) else obj)


@admin.register(Organization)
class OrganizationAdmin(NoDeleteAdmin):
    list_display = ["legal_name", "organization_type", "size", "participation_status", "due_diligence_state"]
    list_filter = ["organization_type", "size", "participation_status", "due_diligence_state", "state"]
    search_fields = ["legal_name", "short_name", "rfc"]
    readonly_fields = ["participation_status", "due_diligence_state", "due_diligence_expires_on", "archived_at"]


@admin.register(ParticipationChange)
class ParticipationChangeAdmin(NoDeleteAdmin):
    list_display = ["organization", "from_status", "to_status", "effective_on", "changed_by"]
    list_select_related = ["organization", "changed_by"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(Representative)
class RepresentativeAdmin(NoDeleteAdmin):
    list_display = ["user", "organization", "is_primary_contact", "started_at", "ended_at"]
    list_select_related = ["user", "organization"]
    search_fields = ["user__email", "user__full_name", "organization__legal_name"]


@admin.register(Invitation)
class InvitationAdmin(NoDeleteAdmin):
    list_display = ["email", "organization", "sent_at", "expires_at", "accepted_at", "revoked_at"]
    list_select_related = ["organization"]
    search_fields = ["email", "organization__legal_name"]
    exclude = ["token_hash"]


@admin.register(DueDiligenceReview)
class DueDiligenceReviewAdmin(NoDeleteAdmin):
    list_display = ["organization", "started_at", "decision", "risk_rating", "expires_on"]
    list_select_related = ["organization"]
    list_filter = ["decision", "risk_rating"]
