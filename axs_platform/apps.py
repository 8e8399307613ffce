"""The platform's own app: what every part shares and that keeps rows (the e-mail outbox)."""

from django.apps import AppConfig


class PlatformConfig(AppConfig):
    name = "axs_platform"
    verbose_name = "AxS"
    default_auto_field = "django.db.models.BigAutoField"
