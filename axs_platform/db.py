"""Rows inserted with their SQL written out, for the few writes that every user makes at the same time.

``insert_rows(Model, [{field: value}, ...])`` is ``Model.objects.bulk_create`` without building model
instances or compiling a query: each value is prepared by its field (``get_db_prep_save``, so dates,
UUIDs and JSON are stored as the ORM stores them), and the statement is one ``INSERT`` per call, kept
per model and set of fields. No signals are sent and no defaults are filled in: give every column that
has no database default. Constraint violations raise ``django.db.IntegrityError`` as the ORM's do.
"""

from functools import lru_cache

from django.db import connection


@lru_cache(maxsize=64)
def _statement(model, names, rows):
    fields = tuple(model._meta.get_field(name) for name in names)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    sql = f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) VALUES " + ", ".join([row] * rows)
    return fields, sql


def insert_rows(model, rows):
    """Insert ``rows`` (dicts with the same field names) into ``model``'s table in one statement."""
    if not rows:
        return
    names = tuple(rows[0])
    fields, sql = _statement(model, names, len(rows))
    params = [field.get_db_prep_save(row[field.name], connection) for row in rows for field in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
