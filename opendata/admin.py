"""Staff see the prebuilt files and their last failure; the files are written only by the build job."""

from django.contrib import admin

from axs_platform.admin import ReadOnlyAdmin

from .models import PrebuiltFile


@admin.register(PrebuiltFile)
class PrebuiltFileAdmin(ReadOnlyAdmin):
    list_display = ["name", "file_format", "built_at", "row_count", "file_size", "failed_at", "attempts"]
    list_filter = ["file_format"]
    readonly_fields = [field.name for field in PrebuiltFile._meta.fields]
