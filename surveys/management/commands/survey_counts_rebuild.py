"""Recount the results of surveys from their submitted answers."""

from django.core.management.base import BaseCommand

from surveys.models import Survey
from surveys.services import survey_counts_rebuild


class Command(BaseCommand):
    help = "Recount each survey's result counts from its submitted answers (all surveys, or the ids given)."

    def add_arguments(self, parser):
        parser.add_argument("survey_ids", nargs="*", type=int, help="surveys to recount (default: every survey)")

    def handle(self, *args, survey_ids, **options):
        surveys = Survey.objects.order_by("pk")
        if survey_ids:
            surveys = surveys.filter(pk__in=survey_ids)
        for survey in surveys:
            survey_counts_rebuild(survey)
            self.stdout.write(f"{survey.pk}: {survey}")
