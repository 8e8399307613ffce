from django.contrib import admin

from .models import Acronym, BibliographyEntry, Finding, Milestone, ObjectiveContribution, RecordedFigure

admin.site.register([Acronym, BibliographyEntry, Finding, Milestone, ObjectiveContribution, RecordedFigure])
