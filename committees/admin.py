"""The back office's read-mostly view of committees and sessions; changes with rules go through the pages."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

import search
from axs_platform import fragments
from axs_platform.dates import historical_date, historical_moment

from .models import Agreement, Committee, Membership, MembershipChange, Minutes, Post, Session
from .search_kinds import index_session


class ReadOnlyHistoryAdmin(admin.ModelAdmin):
    """Rows with history are never deleted from the back office."""

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        fragments.changed(fragments.COMMITTEES, fragments.PROPOSALS)  # corrections here bypass the services
        if isinstance(obj, Session):
            index_session(obj)  # its minutes and documents share its visibility
        else:
            search.index(obj)


@admin.register(Committee)
class CommitteeAdmin(ReadOnlyHistoryAdmin):
    list_display = ["name", "name_en", "goal", "decision_mechanism", "installed_on", "closed_at"]
    list_select_related = ["goal"]
    search_fields = ["name", "name_en"]


@admin.register(Membership)
class MembershipAdmin(ReadOnlyHistoryAdmin):
    list_display = ["organization", "committee", "status", "joined_on", "ended_on"]
    list_filter = ["committee", "status"]
    list_select_related = ["organization", "committee"]
    search_fields = ["organization__legal_name", "organization__short_name"]


@admin.register(MembershipChange)
class MembershipChangeAdmin(ReadOnlyHistoryAdmin):
    list_display = ["membership", "from_status", "to_status", "effective_on", "changed_by"]
    list_select_related = ["membership__organization", "membership__committee", "changed_by"]


@admin.register(Post)
class PostAdmin(ReadOnlyHistoryAdmin):
    list_display = ["committee", "kind", "holder", "organization", "started_on", "ended_on"]
    list_select_related = ["committee", "holder", "organization"]


@admin.register(Session)
class SessionAdmin(ReadOnlyHistoryAdmin):
    list_display = ["title", "title_en", "kind", "committee", "when", "status", "is_public"]
    list_filter = ["kind", "status", "date_precision", "time_known", "committee"]
    list_select_related = ["committee"]
    date_hierarchy = "starts_at"

    @admin.display(description=_("when"), ordering="starts_at")
    def when(self, session):
        """The start as much as it is known: no hour when it is not known, no day when only the month is."""
        if session.has_known_hour:
            return historical_moment(session.starts_at, until=session.ends_on)
        return historical_date(session.starts_at, session.date_precision, until=session.ends_on)


@admin.register(Minutes)
class MinutesAdmin(ReadOnlyHistoryAdmin):
    list_display = ["session", "version", "status", "approved_at"]
    list_select_related = ["session"]


@admin.register(Agreement)
class AgreementAdmin(ReadOnlyHistoryAdmin):
    list_display = ["description", "committee", "due_on", "status"]
    list_filter = ["status", "committee"]
    list_select_related = ["committee"]
