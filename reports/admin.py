from django.contrib import admin

from axs_platform import fragments

from .models import Acronym, BibliographyEntry, Finding, Milestone, ObjectiveContribution, RecordedFigure


class ReportAdmin(admin.ModelAdmin):
    """Corrections here bypass the views: the edition's preview (a cached fragment) must show them."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        fragments.changed(fragments.REPORT)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        fragments.changed(fragments.REPORT)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        fragments.changed(fragments.REPORT)


admin.site.register(
    [Acronym, BibliographyEntry, Finding, Milestone, ObjectiveContribution, RecordedFigure], ReportAdmin
)
