"""People in the search: staff alone find them (name, e-mail, job title), linking to the person's staff page.

Registered from ``AccountsConfig.ready()``; ``accounts.services`` index a person when they write one.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from search.registry import NOTHING, Document, Kind, register

from .permissions import can_manage_users


def _role_in_english(user):
    with translation.override("en"):
        return user.get_role_display()


def _document(user):
    return Document(
        title=user.full_name or user.email,
        body=" · ".join(part for part in (user.email, user.job_title, user.get_role_display()) if part),
        also=_role_in_english(user),  # staff reading English search by it too, never shown in a Spanish snippet
        url=reverse("accounts:user-update", args=[user.pk]),
        year=user.date_joined.year,
        audience="staff",
    )


def _visible(user):
    return Q() if can_manage_users(user) else NOTHING


def register_kinds():
    register(
        Kind(
            name="person",
            label=_("Person"),
            label_plural=_("People"),
            model=get_user_model(),
            queryset=get_user_model().objects.all,
            document=_document,
            visible=_visible,
            can_view=lambda user, person: can_manage_users(user),
            order=20,
        )
    )
