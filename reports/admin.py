from django.contrib import admin

from axs_platform import fragments

from .models import Acronym, BibliographyEntry, Finding, Milestone, ObjectiveContribution, RecordedFigure


class ReportAdmin(admin.ModelAdmin):
    """Corrections here bypass the views: the edition's preview (a cached fragment) must show them.

    Nothing is deleted here: the narrative pages archive a row (``reports.services.narrative_row_archive``).
    """

    readonly_fields = ["archived_at"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        fragments.changed(fragments.REPORT)

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.register(
    [Acronym, BibliographyEntry, Finding, Milestone, ObjectiveContribution, RecordedFigure], ReportAdmin
)
