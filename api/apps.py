"""The read API's app: names its audit actions."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "api"
    verbose_name = _("Read API")

    def ready(self):
        from accounts.signals import user_deactivated
        from audit.labels import register_actions

        from . import schema  # noqa: F401 (registers the token's security scheme with drf-spectacular)
        from .services import tokens_revoke_on_deactivation

        user_deactivated.connect(tokens_revoke_on_deactivation, dispatch_uid="api.tokens_revoke_on_deactivation")
        register_actions(
            {
                "api.token_issued": _("API token issued"),
                "api.token_revoked": _("API token revoked"),
            }
        )
