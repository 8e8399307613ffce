"""WSGI entry point (gunicorn axs_platform.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "axs_platform.settings")

application = get_wsgi_application()
