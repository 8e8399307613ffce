from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "privacy"
    verbose_name = _("Personal data rights")

    def ready(self):
        from audit.labels import register_actions, register_change_readers, register_sentences
        from axs_platform.notices import register_recorder
        from axs_platform.purposes import register_reader
        from documents.registry import register

        from .documents import personal_data_kind
        from .selectors import opposed
        from .services import ACTION_LABELS, AUDIT_SENTENCES, CHANGE_READERS, notice_acknowledge

        register_actions(ACTION_LABELS)
        register_change_readers(CHANGE_READERS)
        register_sentences(AUDIT_SENTENCES)
        register_reader(opposed)
        register_recorder(notice_acknowledge)
        register(personal_data_kind)
