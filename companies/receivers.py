"""Keep the directory's cached pages fresh: any change to what it shows makes them stale."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Organization, SDGPriority
from .selectors import bump_directory_cache


@receiver([post_save, post_delete], sender=Organization, dispatch_uid="companies_directory_organization")
@receiver([post_save, post_delete], sender=SDGPriority, dispatch_uid="companies_directory_priority")
def directory_changed(sender, **kwargs):
    transaction.on_commit(bump_directory_cache)
