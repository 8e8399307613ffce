"""The demo alliance built once per test session and put back into a test's database from memory.

Loading the demo runs every app's services (seconds); copying its rows back takes a fraction of
that. The copy is taken in a transaction that is rolled back, so the session's database stays as
migrations left it, and it holds every table (the SDG framework, content types and permissions
too) so that it is consistent with itself whatever ids an earlier test's flush left behind. The files
the rows name (the cover's logo) are read too, and written again into the test's storage.
"""

import io

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.test import override_settings

from axs_platform.celery import app as celery_app

# The tests' hasher (tests/conftest.py): the demo's accounts must sign in with it.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _models():
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and not model._meta.swapped
    ]


def take():
    """Load the demo, read every row of every table, and undo the load."""
    from sdg.loader import load_framework
    from sdg.models import Goal, Indicator, Target

    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    try:
        with override_settings(PASSWORD_HASHERS=FAST_HASHERS), transaction.atomic():
            if not Goal.objects.exists():  # a transactional test's flush emptied it
                load_framework(Goal, Target, Indicator)
            snapshot = _load_and_read()
            # Nothing of the load stays: its queued e-mails and documents are dropped with it.
            transaction.set_rollback(True)
    finally:
        celery_app.conf.task_always_eager = eager
    return snapshot


def _load_and_read():
    call_command("load_demo", stdout=io.StringIO())
    rows = []
    files = []
    for model in _models():
        attnames = [field.attname for field in model._meta.concrete_fields]
        rows.append((model, attnames, list(model._base_manager.values_list(*attnames))))
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                files += _read_files(field, model._base_manager.exclude(**{field.attname: ""}))
    return rows, files


def _read_files(field, queryset):
    """Read the files the rows name, and remove them: the load they belong to is undone."""
    files = []
    for name in queryset.values_list(field.attname, flat=True):
        with field.storage.open(name, "rb") as stream:
            files.append((field, name, stream.read()))
        field.storage.delete(name)
    return files


def restore(snapshot):
    """Replace every table's rows with the snapshot's, and write its files into the storage."""
    tables_rows, files = snapshot
    for field, name, content in files:
        field.storage.save(name, ContentFile(content))
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with transaction.atomic():
        connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), tables))
        for model, attnames, rows in tables_rows:
            model._base_manager.bulk_create([model(**dict(zip(attnames, row, strict=True))) for row in rows])
        # Rows came with their ids: move PostgreSQL's sequences past them, as loaddata does.
        statements = connection.ops.sequence_reset_sql(no_style(), [model for model, _attnames, _rows in tables_rows])
        if statements:
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
    ContentType.objects.clear_cache()
