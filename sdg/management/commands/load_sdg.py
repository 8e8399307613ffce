from django.core.management.base import BaseCommand

from axs_platform import fragments
from sdg.loader import load_framework
from sdg.models import Goal, Indicator, Target


class Command(BaseCommand):
    help = "Load or refresh the SDG framework from the data the project ships (idempotent)."

    def handle(self, *args, **options):
        counts = load_framework(Goal, Target, Indicator)
        fragments.changed(fragments.SDG)  # the goals' pages are kept per version of the framework
        self.stdout.write(
            self.style.SUCCESS(
                "SDG framework: {goals} goals, {targets} targets, {indicators} indicators.".format(**counts)
            )
        )
