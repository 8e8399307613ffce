from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from audit.labels import register_actions
        from documents.registry import register

        from .documents import systematization

        register(systematization)
        register_actions(
            {
                "reports.narrative_removed": _("Report narrative removed"),
                "reports.cover_image_removed": _("Image taken off the report's cover"),
            }
        )
