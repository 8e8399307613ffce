from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "companies"
    verbose_name = _("Member organizations")

    def ready(self):
        from .search_kinds import register_kinds

        register_kinds()
