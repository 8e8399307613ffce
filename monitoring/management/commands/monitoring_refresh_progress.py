"""Recompute every project's period flags and indicator progress from its reports (``services.progress_refresh``)."""

from django.core.management.base import BaseCommand

from axs_platform import fragments
from monitoring.services import progress_refresh_all


class Command(BaseCommand):
    help = "Recompute the figures the monitoring dashboards read (period flags, indicator progress) from the reports."

    def handle(self, *args, **options):
        count = progress_refresh_all()
        fragments.changed(fragments.MONITORING)
        self.stdout.write(f"Progress recomputed for {count} projects in implementation.")
