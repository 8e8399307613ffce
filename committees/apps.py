from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitteesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "committees"
    verbose_name = _("Committees and sessions")

    def ready(self):
        from . import receivers  # noqa: F401 (connects the signal receivers)
