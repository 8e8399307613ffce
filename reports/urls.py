from django.urls import path

from . import views, views_cover, views_editions

app_name = "reports"

urlpatterns = [
    path("", views.ReportHomeView.as_view(), name="report-home"),
    path("tablero/", views.DashboardView.as_view(), name="dashboard"),
    path("narrativa/", views.NarrativeListView.as_view(), name="narrative-list"),
    path("textos/", views.NarrativeTextListView.as_view(), name="texts"),
    path("portada/", views_cover.CoverImagesView.as_view(), name="cover-images"),
    path("portada/<int:pk>/reemplazar/", views_cover.CoverImagesView.as_view(), name="cover-image-replace"),
    path("portada/<int:pk>/quitar/", views_cover.CoverImageRemoveView.as_view(), name="cover-image-remove"),
    path("edicion/", views_editions.EditionPreviewView.as_view(), name="edition"),
    path("edicion/word/", views_editions.EditionDocxView.as_view(), name="edition-docx"),
    path("edicion/publicar/", views_editions.EditionPublishView.as_view(), name="edition-publish"),
    path("publicaciones/<int:pk>/", views_editions.PublicationView.as_view(), name="publication"),
    path("textos/<slug:part>/", views.NarrativeTextEditView.as_view(), name="text-edit"),
    path("narrativa/<slug:part>/nuevo/", views.NarrativeEditView.as_view(), name="narrative-create"),
    path("narrativa/<slug:part>/<int:pk>/", views.NarrativeEditView.as_view(), name="narrative-update"),
    path("narrativa/<slug:part>/<int:pk>/archivar/", views.NarrativeArchiveView.as_view(), name="narrative-archive"),
    path("narrativa/<slug:part>/<int:pk>/restaurar/", views.NarrativeRestoreView.as_view(), name="narrative-restore"),
]
