from django.contrib import admin

from axs_platform.admin import ReadOnlyAdmin

from .models import Goal, Indicator, Target


class ReadOnlyFrameworkAdmin(ReadOnlyAdmin):
    """The framework comes from the shipped data: browse it here, refresh it with ``load_sdg``."""


@admin.register(Goal)
class GoalAdmin(ReadOnlyFrameworkAdmin):
    list_display = ["number", "short_title_es", "short_title_en", "color"]


@admin.register(Target)
class TargetAdmin(ReadOnlyFrameworkAdmin):
    list_display = ["code", "goal", "title_es"]
    list_filter = ["goal"]
    search_fields = ["code", "title_es", "title_en"]
    list_select_related = ["goal"]


@admin.register(Indicator)
class IndicatorAdmin(ReadOnlyFrameworkAdmin):
    list_display = ["code", "unsd_code", "target", "title_es"]
    list_filter = ["target__goal"]
    search_fields = ["code", "unsd_code", "title_es", "title_en"]
    list_select_related = ["target"]
