from django.urls import path

from . import views

app_name = "iati"

urlpatterns = [
    path("", views.PublicationSettingsView.as_view(), name="settings"),
    path("validar/", views.ValidateView.as_view(), name="validate"),
    path("regenerar/", views.RebuildView.as_view(), name="rebuild"),
    path("actividades.xml", views.ActivitiesFileView.as_view(), name="activities"),
    path("organizacion.xml", views.OrganisationFileView.as_view(), name="organisation"),
    path("proyectos/<int:pk>.xml", views.ProjectFileView.as_view(), name="project-file"),
    path("proyectos/<int:pk>/editar/", views.PublicationEditView.as_view(), name="publication-edit"),
]
