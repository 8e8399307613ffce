"""Rows inserted with their SQL written out, for the few writes that every user makes at the same time.

``insert_rows(Model, [{field: value}, ...])`` is ``Model.objects.bulk_create`` without building model
instances or compiling a query: each value is prepared by its field (``get_db_prep_save``, so dates,
UUIDs and JSON are stored as the ORM stores them), and the statement is one ``INSERT`` per call, kept
per model and set of fields. No signals are sent and no defaults are filled in: give every column that
has no database default. Constraint violations raise ``django.db.IntegrityError`` as the ORM's do.

``insert_rows_sql(Model, rows, where=...)`` returns the same ``INSERT`` as SQL and parameters, to be
composed into a larger statement, inserting only where an SQL condition holds: a vote on PostgreSQL
writes its rows and its audit event in one statement, conditional on the ballot being open.

``instances(Model, sql, params)`` is ``Model.objects.raw(sql, params)`` for the reads every request
makes (the signed-in person, a ballot and the voter's place): the rows of a written-out ``SELECT`` as
model instances, each value converted by its field as the ORM converts it, and any other column set
as an attribute. ``raw()`` works out which column is which field, and its converters, on every query;
here that is worked out once per statement and connection and kept on the connection.

``fetch_prepared(sql, params, before=...)`` runs a statement as a PostgreSQL prepared statement (and,
in the same round trip, the plain SQL ``before`` it): PostgreSQL parses and plans it once per
connection, not on every run. For the one long statement every voter runs (a vote's writes), whose
parsing and planning cost PostgreSQL more than running it.
"""

import hashlib
from contextlib import nullcontext
from functools import lru_cache

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections, transaction
from django.db.models import DEFERRED
from django.db.models.base import ModelState
from django.db.models.signals import post_init, pre_init


def _insert_into(model, names):
    """Return the fields named and the ``INSERT INTO table (columns)`` that both statements below begin with."""
    fields = tuple(model._meta.get_field(name) for name in names)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    return fields, f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns})"


def _params(fields, rows):
    return [field.get_db_prep_save(row[field.name], connection) for row in rows for field in fields]


@lru_cache(maxsize=64)
def _statement(model, names, rows):
    fields, insert = _insert_into(model, names)
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    return fields, f"{insert} VALUES " + ", ".join([row] * rows)


@lru_cache(maxsize=64)
def _conditional_statement(model, names, rows, where):
    fields, insert = _insert_into(model, names)
    # Typed, so that NULLs and quoted values take their column's type; strings as unbounded varchar,
    # so that a value too long for its column fails as in a plain INSERT instead of being cut.
    types = ["varchar" if t.startswith("varchar") else t for t in (field.db_type(connection) for field in fields)]
    row = "(" + ", ".join(f"CAST(%s AS {t})" for t in types) + ")"
    return fields, f"{insert} SELECT * FROM (VALUES {', '.join([row] * rows)}) AS new_rows WHERE {where}"


def insert_rows_sql(model, rows, *, where):
    """Return ``(sql, params)``: an ``INSERT`` of ``rows`` that inserts them only where the SQL ``where`` holds."""
    fields, sql = _conditional_statement(model, tuple(rows[0]), len(rows), where)
    return sql, _params(fields, rows)


def insert_rows(model, rows):
    """Insert ``rows`` (dicts with the same field names) into ``model``'s table in one statement."""
    if not rows:
        return
    fields, sql = _statement(model, tuple(rows[0]), len(rows))
    with connection.cursor() as cursor:
        cursor.execute(sql, _params(fields, rows))


def _read_plan(model, columns):
    """Return how to turn rows with these columns into ``model`` instances on this connection."""
    by_column = {field.column: field for field in model._meta.concrete_fields}
    position = {name: index for index, name in enumerate(columns)}
    # The model's fields that the row has, with their places in it; the others stay deferred.
    present = tuple((field.attname, position[field.column]) for field in by_column.values() if field.column in position)
    converters = []
    for field in by_column.values():
        if field.column in position:
            column = field.get_col(model._meta.db_table)
            found = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
            if found:
                converters.append((position[field.column], tuple(found), column))
    extras = tuple((index, name) for index, name in enumerate(columns) if name not in by_column)
    return present, tuple(converters), extras


def _instance(model, alias, values):
    # What ``Model.from_db`` does for a row, without ``Model.__init__``'s work per field: on a new instance,
    # setting a field's attribute only stores the value (a foreign key's also forgets a cached object it
    # cannot have yet). Models that listen to ``pre_init``/``post_init`` go through ``from_db``.
    instance = object.__new__(model)
    instance._state = ModelState()
    instance._state.adding = False
    instance._state.db = alias
    instance.__dict__.update(values)
    return instance


def instances(model, sql, params):
    """Return the rows of ``sql`` as ``model`` instances, the columns that are no field as attributes."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
        columns = tuple(column[0] for column in cursor.description)
    # Kept on this thread's connection (not on ``connection``, the proxy every thread shares).
    plans = connections[DEFAULT_DB_ALIAS].__dict__.setdefault("_axs_read_plans", {})
    plan = plans.get((model, sql))
    if plan is None or plan[0] != columns:
        plan = plans[(model, sql)] = (columns, *_read_plan(model, columns))
    _columns, present, converters, extras = plan
    alias, found = connection.alias, []
    plain = not (pre_init.has_listeners(model) or post_init.has_listeners(model))
    for row in rows:
        if converters:
            row = list(row)
            for index, functions, column in converters:
                for function in functions:
                    row[index] = function(row[index], column, connection)
        values = {attname: row[index] for attname, index in present}
        if plain:
            instance = _instance(model, alias, values)
        else:
            instance = model.from_db(
                alias, None, [values.get(f.attname, DEFERRED) for f in model._meta.concrete_fields]
            )
        for index, name in extras:
            setattr(instance, name, row[index])
        found.append(instance)
    return found


@lru_cache(maxsize=64)
def _prepared_forms(sql):
    """Return the name, the ``PREPARE`` and the ``EXECUTE`` (with ``%s`` for the values) of ``sql``."""
    if "%%" in sql:
        raise ValueError("A prepared statement cannot hold a literal %.")
    name = "axs_" + hashlib.sha256(sql.encode()).hexdigest()[:24]
    pieces = sql.split("%s")
    numbered = pieces[0] + "".join(f"${n}{piece}" for n, piece in enumerate(pieces[1:], start=1))
    execute = f"EXECUTE {name}(" + ", ".join(["%s"] * (len(pieces) - 1)) + ")" if len(pieces) > 1 else f"EXECUTE {name}"
    return name, f"PREPARE {name} AS {numbered}; ", execute


# PostgreSQL's answers when the statement is already prepared, or is not (any longer) on this connection.
_ALREADY_PREPARED, _NOT_PREPARED = "42P05", "26000"


def fetch_prepared(sql, params, *, before="", before_params=()):
    """Run ``before`` then ``sql`` prepared, in one round trip; return the first row of ``sql``'s answer.

    PostgreSQL only. The statements prepared are tracked per connection (a new connection prepares
    again); should PostgreSQL know better (a statement missing, or already there), it is told once
    more and the call is repeated. Inside a transaction, each try has its savepoint, so an error
    leaves the transaction usable, as the ORM's queries do.
    """
    name, prepare, execute = _prepared_forms(sql)
    wrapper = connections[DEFAULT_DB_ALIAS]
    for attempt in range(2):
        kept = None
        try:
            savepoint = transaction.atomic() if wrapper.in_atomic_block else nullcontext()
            with savepoint, wrapper.cursor() as cursor:
                kept = wrapper.__dict__.get("_axs_prepared")
                if kept is None or kept[0] is not wrapper.connection:
                    kept = wrapper._axs_prepared = (wrapper.connection, set())
                ready = name in kept[1]
                cursor.execute(("" if ready else prepare) + before + execute, [*before_params, *params])
                row = cursor.fetchone()
        except DatabaseError as error:
            code = getattr(error.__cause__, "pgcode", None)
            if attempt or kept is None or code not in (_ALREADY_PREPARED, _NOT_PREPARED):
                raise
            (kept[1].add if code == _ALREADY_PREPARED else kept[1].discard)(name)
            continue
        kept[1].add(name)
        return row
