"""Settings of the AxS platform, read from the environment.

With nothing set the platform runs embedded: SQLite, Celery tasks inline, e-mail printed to
the console and files under ``media/``. ``DATABASE_URL`` switches the database (PostgreSQL in
production), ``CELERY_BROKER_URL`` sends tasks to a real worker through Redis. With
``DJANGO_DEBUG`` off the platform refuses to start without a secret key and allowed hosts.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from axs_platform.api_settings import (  # noqa: F401 (settings of the read API)
    AXS_API_ANON_RATE,
    AXS_API_TOKEN_MAX_DAYS,
    AXS_API_TOKEN_RATE,
    REST_FRAMEWORK,
    SPECTACULAR_SETTINGS,
)
from axs_platform.schedule import CELERY_BEAT_SCHEDULE  # noqa: F401 (a setting: the periodic tasks)

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    """Read a yes/no switch from the environment."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    value = value.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {value!r}.")


def env_list(name, default=""):
    """Read a comma-separated list from the environment."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

if DEBUG:
    # The embedded default: a development key that is never used in production.
    SECRET_KEY = SECRET_KEY or "django-insecure-axs-embedded-development-key-not-for-production"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
else:
    if not SECRET_KEY:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    if SECRET_KEY.startswith("django-insecure") or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is too weak: use at least 50 random characters "
            "(python -c 'import secrets; print(secrets.token_urlsafe(64))')."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG is off.")

# Seals a secret ballot's votes until it closes and keys its receipts (projects/sealing.py). Set apart
# so that rotating DJANGO_SECRET_KEY does not lock an open ballot's votes away; the key by default.
BALLOT_SECRET_KEY = os.environ.get("DJANGO_BALLOT_SECRET_KEY", "") or SECRET_KEY

INSTALLED_APPS = [
    # Ours, listed first so that our templates and translations win.
    "axs_platform",
    "audit",
    "search",
    "accounts",
    "sdg",
    "documents",
    "notifications",
    "companies",
    "committees",
    "surveys",
    "projects",
    "monitoring",
    "reports",
    "iati",
    "privacy",
    "opendata",
    "api",
    "demo",
    # Django and third parties.
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.forms",  # the widget templates, for FORM_RENDERER below
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "csp",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "axs_platform.middleware.SameForEveryoneMiddleware",  # before the session and locale: it reads their Vary
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "axs_platform.mail.RequestSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.PreferredLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "axs_platform.urls"
WSGI_APPLICATION = "axs_platform.wsgi.application"
ASGI_APPLICATION = "axs_platform.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "libraries": {
                "figures": "axs_platform.templatetags.figures",
                "markup": "axs_platform.templatetags.markup",
            },
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Widgets render with the project's templates, so templates/django/forms/ can override Django's: the
# select there writes its options in one loop instead of one include per option (a 190-option select
# took 12 ms, now 6).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# Database: SQLite next to the code unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
# PostgreSQL compiles a plan to machine code (JIT) once its estimated cost passes jit_above_cost: tens of
# milliseconds per query, paid back by long analytic scans, not by a page's queries (the systematization
# edition spent 62 of its 180 ms compiling at 100 times the demo; the monitoring dashboard once 900 ms). Off
# for the platform's connections, unless DATABASE_URL names its own ``options``. Behind PgBouncer, which
# refuses settings it does not track, on the role instead: README, "PostgreSQL".
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
AUTH_PASSWORD_VALIDATORS = [
    {
        # The User has no username, first_name or last_name (Django's default attributes): its own fields.
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "full_name", "job_title")},
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day

# Failed sign-ins: after this many for one e-mail from one address, or ten times as many for one
# e-mail from anywhere or from one address for any e-mail, within the window, further attempts are
# refused until the window has passed. A stranger's guesses elsewhere never lock an owner out.
AXS_LOGIN_FAILURE_LIMIT = int(os.environ.get("AXS_LOGIN_FAILURE_LIMIT", "5"))
AXS_LOGIN_FAILURE_WINDOW_SECONDS = int(os.environ.get("AXS_LOGIN_FAILURE_WINDOW_SECONDS", "900"))
# Password-reset e-mails: at most this many per typed address within the window (counted in the audit
# trail, like failed sign-ins); further requests get the same answer page and send nothing.
AXS_PASSWORD_RESET_LIMIT = int(os.environ.get("AXS_PASSWORD_RESET_LIMIT", "3"))
AXS_PASSWORD_RESET_WINDOW_SECONDS = int(os.environ.get("AXS_PASSWORD_RESET_WINDOW_SECONDS", "3600"))
# The key of the keyed hash that failed sign-ins keep instead of the typed address (audit/identifiers.py);
# the secret key unless set apart. Changing it makes every older record unlinkable to any address.
AXS_AUDIT_IDENTIFIER_KEY = os.environ.get("AXS_AUDIT_IDENTIFIER_KEY", "")
# A reverse proxy in front sets X-Forwarded-For (and X-Forwarded-Proto): only then is the client's
# address the right-most one of X-Forwarded-For, the one the proxy added; otherwise REMOTE_ADDR.
AXS_BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", False)

# Language: Spanish of Mexico first, English complete.
LANGUAGE_CODE = "es-mx"
# Each language is named in itself, as language switches do.
LANGUAGES = [("es-mx", "Español"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates written one way: "19 de mayo de 2016" (Django's es-MX) and "May 19, 2016" (axs_platform/formats/en).
FORMAT_MODULE_PATH = "axs_platform.formats"
USE_I18N = True
USE_TZ = True
TIME_ZONE = "America/Mexico_City"
LANGUAGE_COOKIE_NAME = "axs_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365

# Static and uploaded files.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Cache: process memory when embedded; Redis (redis://) or a directory (file:///path) shared by every
# process otherwise. Cached pages follow data versions kept in the cache, so every web worker and Celery
# worker must share one: in production the platform refuses to start without it.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://")):
    # A Redis that does not answer costs a fraction of a second, then the cache is skipped for a few
    # seconds: pages and sessions work from the database meanwhile (axs_platform/cache.py).
    CACHES = {
        "default": {
            "BACKEND": "axs_platform.cache.RedisCache",
            "LOCATION": CACHE_URL,
            "OPTIONS": {"socket_connect_timeout": 0.3, "socket_timeout": 0.5, "retry_seconds": 5},
        }
    }
elif CACHE_URL.startswith("file://"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": CACHE_URL[7:]}}
elif CACHE_URL:
    raise ImproperlyConfigured(f"CACHE_URL must start with redis://, rediss:// or file://; got {CACHE_URL!r}.")
elif not DEBUG:
    raise ImproperlyConfigured(
        "CACHE_URL must be set when DJANGO_DEBUG is off: every web and Celery worker must share one cache "
        "(e.g. redis://127.0.0.1:6379/1), or each would serve its own stale copies of cached pages."
    )
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# E-mail: printed to the console unless an SMTP server is configured.
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "media" / "outbox"))
EMAIL_TIMEOUT = 60  # a mail server that stops answering does not hold a worker (or an outbox row) forever
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Alianza por la Sostenibilidad <axs@amexcid.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("AxS", address) for address in env_list("DJANGO_ADMINS")]
# Absolute links in e-mails. When the environment does not set it, mail queued while answering a
# request links to the address that request came to (axs_platform.mail.site_url); the worker, which
# has no request, uses this default.
AXS_SITE_URL = os.environ.get("AXS_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
AXS_SITE_URL_FROM_ENVIRONMENT = bool(os.environ.get("AXS_SITE_URL"))

# Celery: inline without a broker, a real worker with one.
CELERY_TASK_ALWAYS_EAGER = not os.environ.get("CELERY_BROKER_URL")
# Inline tasks never touch a broker; "memory://" only keeps Celery from looking for one.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or "memory://"
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND") or (
    None if CELERY_TASK_ALWAYS_EAGER else CELERY_BROKER_URL
)
CELERY_TASK_EAGER_PROPAGATES = True
# Every task is acknowledged when it starts, not when it ends: a message held unacknowledged while it
# runs is what ended a worker when Redis dropped (celery 5.7 / kombu 5.7, celery/kombu#582, no fixed
# release). What redelivery would do, rows do: documents and e-mail are rows a sweep sends again
# (documents.queueing, axs_platform.outbox), the periodic tasks run again at their next beat.
CELERY_TASK_ACKS_LATE = False
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_EXPIRES = 60 * 60 * 24
# Seconds before Redis hands a job that was taken but never acknowledged (its worker died) to
# another worker. Longer than the longest job: a job still running would otherwise run twice.
# A broker that does not answer costs a request about a second, not twenty: connecting and each
# read give up quickly, and a task sent from a page is not retried (the sweep below sends it later).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT") or 60 * 60),
    "socket_connect_timeout": 1,
    "socket_timeout": 2,
    # How often a publisher tries to connect before giving up (kombu's default retries for ~2 s more);
    # the worker's own reconnection follows CELERY_BROKER_CONNECTION_RETRY and is not limited by it.
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 1
CELERY_REDIS_SOCKET_TIMEOUT = 2
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 2}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_IMPORTS = ["axs_platform.mail"]
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_TASK_DEFAULT_QUEUE", "axs")
# Celery beat runs CELERY_BEAT_SCHEDULE, imported above from axs_platform/schedule.py.
# The local hour from which a person's daily (and, on Mondays, weekly) digest of notifications is due.
AXS_DIGEST_HOUR = int(os.environ.get("AXS_DIGEST_HOUR") or 7)
# How long the link that confirms the e-mail address of a request filed without signing in works.
AXS_PRIVACY_VERIFY_SECONDS = int(os.environ.get("AXS_PRIVACY_VERIFY_SECONDS") or 3 * 24 * 3600)
# How long the e-mailed link to download an access export works (a request filed without an account).
AXS_PRIVACY_EXPORT_LINK_SECONDS = int(os.environ.get("AXS_PRIVACY_EXPORT_LINK_SECONDS") or 7 * 24 * 3600)
# A rendering job writes a heartbeat this often; one silent for AXS_DOCUMENT_STALE_SECONDS is taken
# to have lost its worker and is handed back to the queue; a queued job sent that long ago and not
# started is sent again (Redis may have lost it). A page that has shown no progress for
# AXS_DOCUMENT_STALLED_SECONDS offers to try again.
AXS_DOCUMENT_HEARTBEAT_SECONDS = float(os.environ.get("AXS_DOCUMENT_HEARTBEAT_SECONDS") or 10)
AXS_DOCUMENT_STALE_SECONDS = float(os.environ.get("AXS_DOCUMENT_STALE_SECONDS") or 60)
AXS_DOCUMENT_RESEND_SECONDS = float(os.environ.get("AXS_DOCUMENT_RESEND_SECONDS") or 120)
AXS_DOCUMENT_STALLED_SECONDS = float(os.environ.get("AXS_DOCUMENT_STALLED_SECONDS") or 180)
# A queued e-mail handed to the broker this long ago and not started is sent again; one a worker
# started sending this long ago and never finished is marked failed (the mail server may have it).
AXS_MAIL_RESEND_SECONDS = float(os.environ.get("AXS_MAIL_RESEND_SECONDS") or 120)
AXS_MAIL_STUCK_SECONDS = float(os.environ.get("AXS_MAIL_STUCK_SECONDS") or 600)
# A file built ahead is served while its data is unchanged and it is younger than this (a safety net for
# a change no service announced); a build asked this long ago and not finished may be asked again.
AXS_OPENDATA_MAX_AGE_SECONDS = float(os.environ.get("AXS_OPENDATA_MAX_AGE_SECONDS") or 24 * 3600)
AXS_OPENDATA_BUILD_SECONDS = float(os.environ.get("AXS_OPENDATA_BUILD_SECONDS") or 3600)
CELERY_BEAT_SCHEDULE_FILENAME = os.environ.get("CELERY_BEAT_SCHEDULE_FILENAME", str(BASE_DIR / "celerybeat-schedule"))

# Forms.
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Sessions: read from the cache, written through to the database (which keeps them if the cache is
# emptied). Every signed-in request reads its session; this saves it a query.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Security: strict in production, configurable behind a TLS-terminating proxy.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "axs_platform.views.csrf_failure"  # the 403 page in the site's design, saying what to do
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): scripts only from our own files, never inline; styles also
# inline because templates and crispy-forms still write a few style attributes. No frames, no plugins.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
    if AXS_BEHIND_PROXY:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # Inline tasks would log every e-mail and render as if a worker ran them.
        "celery.app.trace": {"level": "WARNING" if CELERY_TASK_ALWAYS_EAGER else "INFO"},
    },
}
