"""The search app: the index table, its registry of kinds and the results page (docs/search.md)."""

from django.apps import AppConfig
from django.db import connections
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


def _unaccent(text):
    from .text import fold

    return None if text is None else fold(text)


def give_sqlite_unaccent(sender=None, connection=None, **kwargs):
    """Give SQLite an ``UNACCENT`` function (``fold``), so the ``__unaccent`` lookup reads alike on both databases.

    PostgreSQL has ``unaccent`` from the extension this app's migrations install; ``django.contrib.postgres``
    registers the lookup on every text field. ``fold`` also lower-cases, which ``__unaccent__icontains`` ignores.
    """
    if connection.vendor == "sqlite":
        connection.connection.create_function("UNACCENT", 1, _unaccent, deterministic=True)


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        connection_created.connect(give_sqlite_unaccent)
        for connection in connections.all(initialized_only=True):  # opened before the apps were ready
            if connection.connection is not None:
                give_sqlite_unaccent(connection=connection)
