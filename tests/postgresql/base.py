"""PostgreSQL for the test suite: Django's backend, emptying tables with DELETE rather than TRUNCATE.

Tests empty every table often: each transactional test ends with a flush, and each test that takes the
demo (``tests/demo_snapshot.restore``) empties the tables before copying the demo's rows back. Django's
backend does it with one ``TRUNCATE`` of all 120 tables, which gives each table and index a new file:
3 to 4 seconds on this project's machines. The tables hold a few rows at most, and ``DELETE`` empties
them in about a tenth of a second; the foreign keys Django creates are checked at commit, so the order
does not matter. The audit trail refuses ``DELETE`` (a trigger: audit/migrations/0004), so it and the
tables that refer to it are still truncated. Only the tests use this backend (``tests/conftest.py``
switches ``ENGINE`` to it when the suite runs on PostgreSQL); a flush that resets sequences or cascades
(neither is asked by the suite) goes to Django's own.
"""

from django.db.backends.postgresql import base, operations


class DatabaseOperations(operations.DatabaseOperations):
    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade:
            return super().sql_flush(style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        truncated = [table for table in tables if table in _append_only_tables()]
        statements = [f"DELETE FROM {self.quote_name(table)};" for table in tables if table not in truncated]
        return statements + super().sql_flush(style, truncated)


def _append_only_tables():
    """The audit trail's table, which refuses DELETE, and the tables whose rows refer to it."""
    from audit.models import AuditEvent

    referring = {relation.related_model._meta.db_table for relation in AuditEvent._meta.related_objects}
    return {AuditEvent._meta.db_table, *referring}


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
