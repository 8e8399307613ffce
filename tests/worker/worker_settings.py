"""Settings of the test workers that are killed or lose Redis mid-job: production settings plus a slow kind.

Only tests in ``tests/worker/`` start a worker with these settings
(``DJANGO_SETTINGS_MODULE=tests.worker.worker_settings``); production code never imports the kind.
"""

from axs_platform.settings import *  # noqa: F403

CELERY_IMPORTS = [*CELERY_IMPORTS, "tests.worker.slow_kind"]  # noqa: F405
# Look for jobs whose visibility timeout has passed every second, not every 100 s, so that the
# test does not wait long for the redelivery.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    **CELERY_BROKER_TRANSPORT_OPTIONS,  # noqa: F405
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
