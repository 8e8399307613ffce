"""Production settings for bench/ballots_http.py, with static files collected into a temporary folder."""

import os

from axs_platform.settings import *  # noqa: F403

STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
