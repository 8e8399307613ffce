"""What staff keep for managing proposals: their saved filters of the proposal list."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SavedFilter(models.Model):
    """A named query string of the staff's proposal list, kept for the person who saved it."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("name"), max_length=80)
    query = models.CharField(_("filters"), max_length=2000)
    created_at = models.DateTimeField(_("saved"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("saved filter")
        verbose_name_plural = _("saved filters")
        ordering = ["owner", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "name"],
                name="projects_saved_filter_name_once",
                violation_error_message=_("You already have a filter with this name."),
            )
        ]

    def __str__(self):
        return self.name
