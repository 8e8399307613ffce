from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "companies"
    verbose_name = _("Member organizations")

    def ready(self):
        from accounts.deactivation import register as register_deactivation_ties
        from accounts.signals import user_deactivated

        from .audit_labels import register as register_audit_labels
        from .deactivation import open_ties
        from .search_kinds import register_kinds
        from .services.people import representations_end_on_deactivation

        user_deactivated.connect(
            representations_end_on_deactivation, dispatch_uid="companies.representations_end_on_deactivation"
        )
        register_deactivation_ties("companies", open_ties)
        register_kinds()
        register_audit_labels()
