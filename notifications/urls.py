"""URLs of the inbox, under /avisos/."""

from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.InboxView.as_view(), name="inbox"),
    path("leido/", views.MarkReadView.as_view(), name="mark-read"),
    path("leer-todos/", views.MarkAllReadView.as_view(), name="mark-all-read"),
    path("preferencias/", views.PreferencesView.as_view(), name="preferences"),
    path("siguiendo/", views.FollowingView.as_view(), name="following"),
    path("seguir/", views.FollowView.as_view(), name="follow"),
]
