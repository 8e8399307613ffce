"""Open data: ``/datos-abiertos/`` and its English alias ``/open-data/`` (the same pages)."""

from django.urls import include, path

from . import views

app_name = "opendata"


def _pages(suffix):
    return [
        path("", views.index, name=f"index{suffix}"),
        path("<slug:slug>/", views.dataset_detail, name=f"dataset{suffix}"),
        path("<slug:slug>.<slug:file_format>", views.dataset_download, name=f"download{suffix}"),
    ]


urlpatterns = [
    path("datos-abiertos/", include(_pages(""))),
    path("open-data/", include(_pages("-en"))),
]
