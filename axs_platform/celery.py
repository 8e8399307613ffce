"""The Celery application; configured from Django settings prefixed with ``CELERY_``."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "axs_platform.settings")

app = Celery("axs_platform")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
