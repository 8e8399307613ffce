"""axs_platform.db: rows written and read with their SQL written out match what the ORM writes and reads."""

import datetime

import pytest
from django.db import DataError, connection, transaction
from django.utils import timezone

from accounts.models import User
from audit.models import AuditEvent
from audit.services import audit_record
from axs_platform.db import insert_rows, insert_rows_sql, instances
from tests.factories import make_staff

pytestmark = pytest.mark.django_db

EVENTS = f"SELECT * FROM {AuditEvent._meta.db_table} WHERE id = %s"


def values(instance):
    return {field.attname: getattr(instance, field.attname) for field in type(instance)._meta.concrete_fields}


def test_instances_read_every_field_as_the_orm_does(rf):
    staff = make_staff()
    request = rf.get("/auditoria/?página=2", REMOTE_ADDR="198.51.100.7")
    event = audit_record(actor=staff, action="object.updated", target=staff, changes={"a": [1, 2]}, request=request)
    [read] = instances(AuditEvent, EVENTS, [event.pk])
    assert values(read) == values(AuditEvent.objects.get(pk=event.pk))
    assert read.changes == {"a": [1, 2]} and isinstance(read.created_at, datetime.datetime)
    assert read._state.adding is False and read._state.db == "default"
    [person] = instances(User, f"SELECT * FROM {User._meta.db_table} WHERE id = %s", [staff.pk])
    assert values(person) == values(User.objects.get(pk=staff.pk)) and person.is_active is True


def test_instances_set_other_columns_as_attributes_and_leave_missing_fields_deferred():
    staff = make_staff()
    sql = f"SELECT id, email, 1 + 1 AS two FROM {User._meta.db_table} WHERE id = %s ORDER BY id"
    [person] = instances(User, sql, [staff.pk])
    assert (person.pk, person.email, person.two) == (staff.pk, staff.email, 2)
    assert "full_name" in person.get_deferred_fields()
    assert person.full_name == staff.full_name  # read when asked, as the ORM reads a deferred field
    assert instances(User, sql, [-1]) == []


def test_instances_of_a_model_with_init_listeners_are_built_by_the_orm_and_send_its_signals():
    from django.db.models.signals import post_init

    staff = make_staff()
    seen = []

    def listener(sender, instance, **kwargs):
        seen.append(instance.__dict__.get("email"))

    post_init.connect(listener, sender=User)
    try:
        [person] = instances(User, f"SELECT * FROM {User._meta.db_table} WHERE id = %s", [staff.pk])
    finally:
        post_init.disconnect(listener, sender=User)
    assert seen == [staff.email]
    assert values(person) == values(User.objects.get(pk=staff.pk))


def test_insert_rows_stores_what_the_orm_stores():
    staff = make_staff()
    now = timezone.now()
    row = {"created_at": now, "actor": staff.pk, "actor_repr": staff.email, "action": "object.created",
           "target_type": None, "target_id": "", "target_repr": "", "changes": {"x": "ñ"}, "message": "",
           "identifier": "", "ip_address": "2001:db8::1", "path": "/"}  # fmt: skip
    insert_rows(AuditEvent, [row])
    stored = AuditEvent.objects.get(action="object.created", actor=staff)
    assert (stored.created_at, stored.changes, stored.ip_address) == (now, {"x": "ñ"}, "2001:db8::1")


@pytest.mark.parametrize("holds", [True, False])
def test_insert_rows_sql_inserts_only_where_its_condition_holds(holds):
    if connection.vendor != "postgresql":
        pytest.skip("Composed into statements on PostgreSQL only.")
    staff = make_staff()
    rows = [
        {"created_at": timezone.now(), "actor": staff.pk, "actor_repr": staff.email, "action": f"test.{n}",
         "target_type": None, "target_id": "", "target_repr": "", "changes": {}, "message": "", "identifier": "",
         "ip_address": None, "path": ""}
        for n in range(2)
    ]  # fmt: skip
    sql, params = insert_rows_sql(AuditEvent, rows, where="true" if holds else "false")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
    assert AuditEvent.objects.filter(action__startswith="test.").count() == (2 if holds else 0)


def test_insert_rows_sql_refuses_a_value_too_long_for_its_column_instead_of_cutting_it():
    if connection.vendor != "postgresql":
        pytest.skip("Composed into statements on PostgreSQL only.")
    row = {"created_at": timezone.now(), "actor": None, "actor_repr": "", "action": "x" * 65, "target_type": None,
           "target_id": "", "target_repr": "", "changes": {}, "message": "", "identifier": "", "ip_address": None,
           "path": ""}  # fmt: skip
    sql, params = insert_rows_sql(AuditEvent, [row], where="true")
    with pytest.raises(DataError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("Prepared statements are PostgreSQL's.")


SUM_SQL = "SELECT %s::int + %s::int, %s::text"


def test_fetch_prepared_prepares_once_per_connection():
    postgresql_only()
    from django.test.utils import CaptureQueriesContext

    from axs_platform.db import fetch_prepared

    with CaptureQueriesContext(connection) as first:
        assert fetch_prepared(SUM_SQL, [2, 3, "ñ"], before="SELECT %s; ", before_params=[1]) == (5, "ñ")
    with CaptureQueriesContext(connection) as second:
        assert fetch_prepared(SUM_SQL, [4, 5, "b"]) == (9, "b")
    [prepared], [executed] = ([q["sql"] for q in run if "axs_" in q["sql"]] for run in (first, second))
    assert prepared.startswith("PREPARE axs_") and "SELECT 1; EXECUTE axs_" in prepared
    assert executed.startswith("EXECUTE axs_")


def test_fetch_prepared_mends_a_list_that_disagrees_with_postgresql():
    postgresql_only()
    from axs_platform.db import fetch_prepared

    assert fetch_prepared(SUM_SQL, [1, 1, "a"]) == (2, "a")
    connection._axs_prepared[1].clear()  # the list forgot it: PostgreSQL answers "already prepared"
    assert fetch_prepared(SUM_SQL, [1, 2, "a"]) == (3, "a")
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # PostgreSQL forgot it: "does not exist"
    assert fetch_prepared(SUM_SQL, [1, 3, "a"]) == (4, "a")
    connection._axs_prepared = (object(), set())  # another connection's list: this one starts afresh
    assert fetch_prepared(SUM_SQL, [1, 4, "a"]) == (5, "a")
    assert connection._axs_prepared[0] is connection.connection
    # Each failed try had its savepoint: the test's transaction goes on.
    assert User.objects.count() >= 0


def test_fetch_prepared_raises_the_statements_own_errors_and_leaves_the_transaction_usable():
    postgresql_only()
    from axs_platform.db import fetch_prepared

    with pytest.raises(DataError):
        fetch_prepared("SELECT 1 / %s::int", [0])
    assert fetch_prepared("SELECT 1 / %s::int", [1]) == (1,)
