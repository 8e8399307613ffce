"""Rebuild the search index from the data: every kind, or those named (``search_reindex proposal call``)."""

from django.core.management.base import BaseCommand, CommandError

from search import registry
from search.indexing import reindex


class Command(BaseCommand):
    help = "Rebuild the search index from the data (all kinds, or the kinds named)."

    def add_arguments(self, parser):
        parser.add_argument("kinds", nargs="*", help="Kinds to rebuild (default: all).")

    def handle(self, *args, **options):
        known = {kind.name for kind in registry.kinds()}
        unknown = sorted(set(options["kinds"]) - known)
        if unknown:
            raise CommandError(f"Unknown kinds: {', '.join(unknown)}. Known: {', '.join(sorted(known))}.")
        counts = reindex(options["kinds"] or None)
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Indexed {sum(counts.values())} entries."))
