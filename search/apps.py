"""The search app: the index table, its registry of kinds and the results page (docs/search.md)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")
