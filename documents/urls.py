from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("", views.DocumentListView.as_view(), name="document-list"),
    path("solicitar/", views.DocumentRequestView.as_view(), name="document-request"),
    path("<int:pk>/", views.DocumentDetailView.as_view(), name="document-detail"),
    path("<int:pk>/descargar/", views.DocumentDownloadView.as_view(), name="document-download"),
    path("<int:pk>/reintentar/", views.DocumentRetryView.as_view(), name="document-retry"),
    path("<int:pk>/regenerar/", views.DocumentRegenerateView.as_view(), name="document-regenerate"),
]
