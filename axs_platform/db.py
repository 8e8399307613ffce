"""Rows inserted with their SQL written out, for the few writes that every user makes at the same time.

``insert_rows(Model, [{field: value}, ...])`` is ``Model.objects.bulk_create`` without building model
instances or compiling a query: each value is prepared by its field (``get_db_prep_save``, so dates,
UUIDs and JSON are stored as the ORM stores them), and the statement is one ``INSERT`` per call, kept
per model and set of fields. No signals are sent and no defaults are filled in: give every column that
has no database default. Constraint violations raise ``django.db.IntegrityError`` as the ORM's do.

``insert_rows_sql(Model, rows, where=...)`` returns the same ``INSERT`` as SQL and parameters, to be
composed into a larger statement, inserting only where an SQL condition holds: a vote on PostgreSQL
writes its rows and its audit event in one statement, conditional on the ballot being open.
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


@lru_cache(maxsize=64)
def _conditional_statement(model, names, rows, where):
    fields = tuple(model._meta.get_field(name) for name in names)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    # Typed, so that NULLs and quoted values take their column's type; strings as unbounded varchar,
    # so that a value too long for its column fails as in a plain INSERT instead of being cut.
    types = ["varchar" if t.startswith("varchar") else t for t in (field.db_type(connection) for field in fields)]
    row = "(" + ", ".join(f"CAST(%s AS {t})" for t in types) + ")"
    sql = (
        f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) "
        f"SELECT * FROM (VALUES {', '.join([row] * rows)}) AS new_rows WHERE {where}"
    )
    return fields, sql


def insert_rows_sql(model, rows, *, where):
    """Return ``(sql, params)``: an ``INSERT`` of ``rows`` that inserts them only where the SQL ``where`` holds."""
    fields, sql = _conditional_statement(model, tuple(rows[0]), len(rows), where)
    return sql, [field.get_db_prep_save(row[field.name], connection) for row in rows for field in fields]


def insert_rows(model, rows):
    """Insert ``rows`` (dicts with the same field names) into ``model``'s table in one statement."""
    if not rows:
        return
    names = tuple(rows[0])
    fields, sql = _statement(model, names, len(rows))
    params = [field.get_db_prep_save(row[field.name], connection) for row in rows for field in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
