from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "projects"
    verbose_name = _("Projects")

    def ready(self):
        from documents.registry import register

        from .documents import ballot_results, fact_sheet

        register(fact_sheet)
        register(ballot_results)
