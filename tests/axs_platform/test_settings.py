"""The settings module: the embedded default, the environment switches and the production refusal."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SWITCHES = [
    "DATABASE_URL",
    "CELERY_BROKER_URL",
    "CELERY_RESULT_BACKEND",
    "CACHE_URL",
    "EMAIL_HOST",
    "DJANGO_EMAIL_BACKEND",
    "DJANGO_DEBUG",
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "CELERY_VISIBILITY_TIMEOUT",
    "DJANGO_MEDIA_ROOT",
]
STRONG_KEY = "k8#Vq2!xR7mP0zL4wN9bT6yH1cJ3fD5gS8aE2uI7oK0pQ4rW6tY9"
PRINT_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "engine": settings.DATABASES["default"]["ENGINE"],
    "name": str(settings.DATABASES["default"]["NAME"]),
    "options": settings.DATABASES["default"].get("OPTIONS", {}).get("options"),
    "eager": settings.CELERY_TASK_ALWAYS_EAGER,
    "broker": settings.CELERY_BROKER_URL,
    "email": settings.EMAIL_BACKEND,
    "media": str(settings.MEDIA_ROOT),
    "debug": settings.DEBUG,
    "language": settings.LANGUAGE_CODE,
    "visibility_timeout": settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"],
}))
"""


def run_python(code, **env):
    clean = {key: value for key, value in os.environ.items() if key not in SWITCHES}
    clean["DJANGO_SETTINGS_MODULE"] = "axs_platform.settings"
    clean.update(env)
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True)


def settings_with(**env):
    result = run_python(PRINT_SETTINGS, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_nothing_set_runs_embedded_with_sqlite_inline_tasks_console_mail_and_local_media():
    values = settings_with()
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"].endswith("db.sqlite3")
    assert values["eager"] is True
    assert values["broker"] == "memory://"
    assert values["email"] == "django.core.mail.backends.console.EmailBackend"
    assert values["media"] == str(ROOT / "media")
    assert values["language"] == "es-mx"


def test_database_url_switches_to_postgresql():
    values = settings_with(DATABASE_URL="postgres://axs@db.internal:5432/axs")
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["name"] == "axs"


def test_postgresql_connections_run_without_jit_unless_the_url_names_its_options():
    assert settings_with(DATABASE_URL="postgres://axs@db.internal:5432/axs")["options"] == "-c jit=off"
    own = settings_with(DATABASE_URL="postgres://axs@pooler:6432/axs?options=-c%20statement_timeout%3D30000")
    assert own["options"] == "-c statement_timeout=30000"
    assert settings_with()["options"] is None  # SQLite


@pytest.mark.django_db
def test_the_suites_postgresql_connection_has_jit_off():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


def test_broker_url_sends_tasks_to_a_worker():
    values = settings_with(CELERY_BROKER_URL="redis://127.0.0.1:6379/0")
    assert values["eager"] is False
    assert values["broker"] == "redis://127.0.0.1:6379/0"


def test_smtp_host_switches_mail_to_smtp():
    assert settings_with(EMAIL_HOST="smtp.example.org")["email"] == "django.core.mail.backends.smtp.EmailBackend"


def test_production_refuses_to_start_without_secret_key():
    result = run_python(PRINT_SETTINGS, DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="axs.example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_weak_secret_key():
    result = run_python(PRINT_SETTINGS, DJANGO_DEBUG="0", DJANGO_SECRET_KEY="short", DJANGO_ALLOWED_HOSTS="x.org")
    assert result.returncode != 0
    assert "too weak" in result.stderr


def test_production_refuses_to_start_without_a_shared_cache():
    result = run_python(PRINT_SETTINGS, DJANGO_DEBUG="0", DJANGO_SECRET_KEY=STRONG_KEY, DJANGO_ALLOWED_HOSTS="x.org")
    assert result.returncode != 0
    assert "CACHE_URL must be set when DJANGO_DEBUG is off" in result.stderr


def test_a_cache_url_of_an_unknown_kind_is_refused():
    result = run_python(PRINT_SETTINGS, CACHE_URL="memcached://127.0.0.1:11211")
    assert result.returncode != 0
    assert "CACHE_URL must start with" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_python(PRINT_SETTINGS, DJANGO_DEBUG="0", DJANGO_SECRET_KEY=STRONG_KEY)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS must be set" in result.stderr


def test_a_switch_with_a_value_that_is_not_yes_or_no_is_refused():
    result = run_python(PRINT_SETTINGS, DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be one of" in result.stderr


def test_production_settings_pass_the_deployment_check():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env={
            **{key: value for key, value in os.environ.items() if key not in SWITCHES},
            "DJANGO_SETTINGS_MODULE": "axs_platform.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": STRONG_KEY,
            "DJANGO_ALLOWED_HOSTS": "axs.example.org",
            "CACHE_URL": "redis://127.0.0.1:6379/2",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("debug", ["1", "true", "on", "yes"])
def test_debug_switch_accepts_the_usual_spellings(debug):
    assert settings_with(DJANGO_DEBUG=debug)["debug"] is True


def test_the_visibility_timeout_is_an_hour_unless_the_environment_says_otherwise():
    assert settings_with()["visibility_timeout"] == 3600
    assert settings_with(CELERY_VISIBILITY_TIMEOUT="7200")["visibility_timeout"] == 7200
