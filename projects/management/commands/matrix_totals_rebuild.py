"""Recount the evaluation matrix's kept totals from the evaluations."""

from django.core.management.base import BaseCommand

from axs_platform import fragments
from projects.services import matrix_totals_rebuild


class Command(BaseCommand):
    help = "Recount each proposal's evaluation matrix totals from its evaluations (every call, or the call ids given)."

    def add_arguments(self, parser):
        parser.add_argument("call_ids", nargs="*", type=int, help="calls to recount (default: every call)")

    def handle(self, *args, call_ids, **options):
        rows = matrix_totals_rebuild(call_ids or None)
        fragments.changed(fragments.MATRIX)
        self.stdout.write(f"{rows} proposals with evaluations recounted.")
