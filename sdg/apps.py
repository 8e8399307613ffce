from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SdgConfig(AppConfig):
    name = "sdg"
    verbose_name = _("Sustainable Development Goals")

    def ready(self):
        from documents.registry import register

        from .documents import goal_sheet
        from .search_kinds import register_kinds

        register(goal_sheet)
        register_kinds()
