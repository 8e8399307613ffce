from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "companies"
    verbose_name = _("Member organizations")

    def ready(self):
        from .audit_labels import register as register_audit_labels
        from .search_kinds import register_kinds

        register_kinds()
        register_audit_labels()
