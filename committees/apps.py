from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitteesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "committees"
    verbose_name = _("Committees and sessions")

    def ready(self):
        from accounts.deactivation import register as register_deactivation_ties
        from accounts.signals import user_deactivated
        from audit.labels import register_actions
        from audit.sealing import register as register_sealed
        from companies.facets import register as register_facet
        from documents.registry import register as register_document
        from notifications.follows import register as register_followable

        from .deactivation import open_ties
        from .documents import minutes_pdf
        from .facets import committee_facet
        from .models import Committee, Minutes, MinutesStatus
        from .permissions import can_follow_committee
        from .search_kinds import register_kinds
        from .services.attendance import AUDIT_ACTIONS
        from .services.calendar import AUDIT_ACTIONS as CALENDAR_ACTIONS
        from .services.calendar import calendar_feed_stop_on_deactivation
        from .services.committees import posts_end_on_deactivation

        user_deactivated.connect(
            calendar_feed_stop_on_deactivation, dispatch_uid="committees.calendar_feed_stop_on_deactivation"
        )
        user_deactivated.connect(posts_end_on_deactivation, dispatch_uid="committees.posts_end_on_deactivation")
        register_deactivation_ties("committees", open_ties)
        register_facet(committee_facet)
        register_followable(Committee, may_follow=can_follow_committee)
        register_kinds()
        register_actions({**AUDIT_ACTIONS, **CALENDAR_ACTIONS})
        register_document(minutes_pdf)
        register_sealed(
            Minutes,
            frozen=lambda: Minutes.objects.filter(status=MinutesStatus.APPROVED).order_by("id"),
            label=_("Minutes"),
        )
