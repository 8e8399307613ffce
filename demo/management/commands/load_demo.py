from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from axs_platform import fragments
from search.indexing import reindex

# Each app's ``demo.load(stdout)``, in the order of the layering (lowest first).
DEMO_MODULES = [
    "accounts.demo",
    "companies.demo",
    "committees.demo",
    "surveys.demo",
    "projects.demo",
    "monitoring.demo",
    "reports.demo",
    "iati.demo",
    "privacy.demo",
]


class Command(BaseCommand):
    help = "Load the demo alliance and its accounts (password axs-demo-2026). Running it twice changes nothing."

    def handle(self, *args, **options):
        with transaction.atomic():
            for name in DEMO_MODULES:
                import_module(name).load(self.stdout)
            fragments.changed()  # the demo writes rows without the services
            reindex()  # and so, for the same reason, the search index is rebuilt from its rows
        self.stdout.write(self.style.SUCCESS("Demo alliance ready."))
