"""The read API's app: names its audit actions."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "api"
    verbose_name = _("Read API")

    def ready(self):
        from audit.labels import register_actions

        from . import schema  # noqa: F401 (registers the token's security scheme with drf-spectacular)

        register_actions(
            {
                "api.token_issued": _("API token issued"),
                "api.token_revoked": _("API token revoked"),
            }
        )
