from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitteesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "committees"
    verbose_name = _("Committees and sessions")

    def ready(self):
        from companies.facets import register

        from . import receivers  # noqa: F401  (cached pages and the member directory follow changes)
        from .facets import committee_facet

        register(committee_facet)
