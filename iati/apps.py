from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# How the audit trail names the actions this app records.
AUDIT_ACTIONS = {
    "iati.publisher_changed": _("IATI publisher settings changed"),
    "iati.publication_changed": _("IATI data of a project changed"),
    "iati.activity_file_rebuild": _("IATI activity file sent to be rebuilt"),
}


class IatiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "iati"
    verbose_name = _("IATI publication")

    def ready(self):
        from audit.labels import register_actions
        from opendata import prebuilt
        from projects import sections

        from .links import project_section
        from .prebuilt import SOURCE

        register_actions(AUDIT_ACTIONS)
        prebuilt.register(SOURCE)
        sections.register(project_section)
