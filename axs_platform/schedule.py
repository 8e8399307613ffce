"""The periodic tasks Celery beat runs (``make beat``, or a worker started with ``-B``).

Read by axs_platform/settings.py as CELERY_BEAT_SCHEDULE. Every task is safe to run twice; each run
expires before the next, so a stopped worker does not pile them up.
"""

import os

CELERY_BEAT_SCHEDULE = {
    "ballots-due-every-minute": {
        "task": "projects.ballots_due",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    # Evaluators of evaluations due within three days or overdue are reminded once each (projects).
    "evaluation-reminders-hourly": {
        "task": "projects.evaluation_reminders",
        "schedule": 3600.0,
        "options": {"expires": 3300},
    },
    # Reporters of progress reports due within a week or overdue are reminded once each (monitoring).
    "monitoring-reminders-hourly": {
        "task": "monitoring.reminders_due",
        "schedule": 3600.0,
        "options": {"expires": 3300},
    },
    # Documents whose worker stopped showing progress, or that were never sent (broker down), go
    # back to the queue within a couple of minutes, without waiting for the visibility timeout.
    # E-mail the broker lost or never took, or that is due after the mail server refused it.
    "mail-sweep": {
        "task": "axs_platform.mail_sweep",
        "schedule": float(os.environ.get("AXS_MAIL_SWEEP_SECONDS") or 30),
        "options": {"expires": 25},
    },
    "documents-sweep": {
        "task": "documents.sweep",
        "schedule": float(os.environ.get("AXS_DOCUMENT_SWEEP_SECONDS") or 30),
        "options": {"expires": 25},
    },
    # Daily and weekly digests of notifications, each person's in their own morning (notifications).
    "notifications-digests-hourly": {
        "task": "notifications.digests_due",
        "schedule": 3600.0,
        "options": {"expires": 3300},
    },
    # Personal data requests not completed in time are closed; those close to their due date reminded to staff.
    "privacy-deadlines-hourly": {
        "task": "privacy.deadlines_remind",
        "schedule": 3600.0,
        "options": {"expires": 3500},
    },
    # Open-data files (and the IATI activity file) whose data changed are built again (opendata.prebuilt).
    "opendata-rebuild": {
        "task": "opendata.rebuild_due",
        "schedule": float(os.environ.get("AXS_OPENDATA_REBUILD_SECONDS") or 600),
        "options": {"expires": 550},
    },
    # Personal data kept longer than staff set is anonymized once a day (the job is safe to run twice).
    "privacy-retention-daily": {
        "task": "privacy.retention_apply",
        "schedule": 86400.0,
        "options": {"expires": 86000},
    },
}
