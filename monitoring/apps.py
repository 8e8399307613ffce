from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# How the audit trail names the actions this app records.
AUDIT_ACTIONS = {
    "monitoring.implementation_started": _("Implementation started"),
    "monitoring.grace_changed": _("Reporting grace period changed"),
    "monitoring.indicator_revised": _("Indicator revised"),
    "monitoring.target_split": _("Indicator target split across periods"),
    "monitoring.report_started": _("Progress report started"),
    "monitoring.report_saved": _("Progress report saved"),
    "monitoring.report_submitted": _("Progress report submitted"),
    "monitoring.report_approved": _("Progress report approved"),
    "monitoring.report_returned": _("Progress report returned"),
    "monitoring.evidence_added": _("Evidence added to a progress report"),
    "monitoring.evidence_removed": _("Evidence removed from a progress report"),
}


class MonitoringConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "monitoring"
    verbose_name = _("Implementation monitoring")

    def ready(self):
        from audit.labels import register_actions
        from documents.registry import register
        from projects import sections

        from .documents import alliance_progress, progress_report
        from .progress import project_section

        register_actions(AUDIT_ACTIONS)
        sections.register(project_section)
        register(progress_report)
        register(alliance_progress)
